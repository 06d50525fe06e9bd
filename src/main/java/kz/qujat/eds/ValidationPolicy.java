package kz.qujat.eds;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * How deep {@link CmsVerifier} goes beyond CAdES-BES. {@link #BASIC} is the original behaviour (CRLs from the
 * trust configuration, judged now). With OCSP the signer's status is asked from {@code ocsp} (or the URL in the
 * certificate's AIA when {@code ocsp} is null and {@code useAia}); when the responder is unreachable a CRL is the
 * fallback if {@code crlFallback} — only one that is fresh by policy — else the result is INDETERMINATE.
 *
 * @param requireTimestamp a signature without a signature time-stamp is INVALID (production configuration)
 * @param requireOcsp revocation must come from OCSP (or its CRL fallback); a certificate with no OCSP URL is INDETERMINATE
 * @param crlMaxAge the oldest CRL (by its this-update) that may say the signer's certificate is not revoked: an
 *                  older one, though not yet past its next-update, is stale and the status INDETERMINATE; null:
 *                  a CRL counts until its next-update (development, no OCSP)
 * @param tsaPolicies the TSA policy OIDs a signature time-stamp may be made under ({@code --tsa-policy}); a
 *                    time-stamp under another policy (a TSA that changed its policy OID, or another TSA) is
 *                    refused with a reason naming both; empty accepts any policy
 */
public record ValidationPolicy(URI ocsp, boolean useAia, boolean crlFallback, boolean requireTimestamp,
        boolean requireOcsp, Duration timeout, Duration crlMaxAge, Set<String> tsaPolicies) {
    /** What the servers allow by default when they check revocation online: a CRL issued within a day. */
    public static final Duration DEFAULT_CRL_MAX_AGE = Duration.ofHours(24);
    public static final ValidationPolicy BASIC = new ValidationPolicy(null, false, true, false, false,
            Duration.ofSeconds(10), null);

    public ValidationPolicy {
        if (crlMaxAge != null && (crlMaxAge.isNegative() || crlMaxAge.isZero())) {
            throw new IllegalArgumentException("the CRL max age must be positive");
        }
        tsaPolicies = tsaPolicies == null ? Set.of() : Set.copyOf(new TreeSet<>(tsaPolicies));
        for (String oid : tsaPolicies) {
            if (!oid.matches("[0-2](\\.(0|[1-9][0-9]*))+")) {
                throw new IllegalArgumentException("not a TSA policy OID: " + oid);
            }
        }
    }

    /** Any TSA policy is accepted. */
    public ValidationPolicy(URI ocsp, boolean useAia, boolean crlFallback, boolean requireTimestamp,
            boolean requireOcsp, Duration timeout, Duration crlMaxAge) {
        this(ocsp, useAia, crlFallback, requireTimestamp, requireOcsp, timeout, crlMaxAge, Set.of());
    }

    /** The same policy accepting signature time-stamps only under these TSA policy OIDs (empty: any). */
    public ValidationPolicy withTsaPolicies(java.util.Collection<String> oids) {
        return new ValidationPolicy(ocsp, useAia, crlFallback, requireTimestamp, requireOcsp, timeout, crlMaxAge,
                Set.copyOf(oids));
    }

    /** The same policy without the time-stamp requirement (a login challenge is not time-stamped). */
    public ValidationPolicy withoutTimestampRequirement() {
        return new ValidationPolicy(ocsp, useAia, crlFallback, false, requireOcsp, timeout, crlMaxAge, tsaPolicies);
    }

    /** With OCSP (a URL or the AIA) the CRL fallback must be at most {@link #DEFAULT_CRL_MAX_AGE} old. */
    public ValidationPolicy(URI ocsp, boolean useAia, boolean crlFallback, boolean requireTimestamp,
            boolean requireOcsp, Duration timeout) {
        this(ocsp, useAia, crlFallback, requireTimestamp, requireOcsp, timeout,
                ocsp != null || useAia ? DEFAULT_CRL_MAX_AGE : null);
    }

    /**
     * What the server commands build from {@code --ocsp URL} and {@code --require-timestamp}. Neither: BASIC.
     * {@code --ocsp}: OCSP from that URL, CRL fallback. {@code --require-timestamp}: CAdES-T required and OCSP
     * required (the given URL, else the certificate's AIA; a fresh CRL as fallback).
     */
    public static ValidationPolicy of(URI ocsp, boolean requireTimestamp) {
        return of(ocsp, requireTimestamp, null);
    }

    /** As {@link #of(URI, boolean)}; {@code crlMaxAge} (from {@code --crl-max-age}) overrides the default age. */
    public static ValidationPolicy of(URI ocsp, boolean requireTimestamp, Duration crlMaxAge) {
        if (ocsp == null && !requireTimestamp) {
            return crlMaxAge == null ? BASIC : new ValidationPolicy(null, false, true, false, false,
                    BASIC.timeout(), crlMaxAge);
        }
        return new ValidationPolicy(ocsp, true, true, requireTimestamp, true, Duration.ofSeconds(10),
                crlMaxAge == null ? DEFAULT_CRL_MAX_AGE : crlMaxAge);
    }

    boolean ocspEnabled() {
        return ocsp != null || useAia;
    }
}
