package kz.qujat.eds;

import java.net.URI;
import java.time.Duration;

/**
 * How deep {@link CmsVerifier} goes beyond CAdES-BES. {@link #BASIC} is the original behaviour (CRLs from the
 * trust configuration, judged now). With OCSP the signer's status is asked from {@code ocsp} (or the URL in the
 * certificate's AIA when {@code ocsp} is null and {@code useAia}); when the responder is unreachable the CRLs
 * are the fallback if {@code crlFallback} and the trust configuration has one, else the result is INDETERMINATE.
 *
 * @param requireTimestamp a signature without a signature time-stamp is INVALID (production configuration)
 * @param requireOcsp revocation must come from OCSP (or its CRL fallback); a certificate with no OCSP URL is INDETERMINATE
 */
public record ValidationPolicy(URI ocsp, boolean useAia, boolean crlFallback, boolean requireTimestamp,
        boolean requireOcsp, Duration timeout) {
    public static final ValidationPolicy BASIC = new ValidationPolicy(null, false, true, false, false, Duration.ofSeconds(10));

    /**
     * What the server commands build from {@code --ocsp URL} and {@code --require-timestamp}. Neither: BASIC.
     * {@code --ocsp}: OCSP from that URL, CRL fallback. {@code --require-timestamp}: CAdES-T required and OCSP
     * required (the given URL, else the certificate's AIA; the trust folder's CRLs as fallback).
     */
    public static ValidationPolicy of(URI ocsp, boolean requireTimestamp) {
        if (ocsp == null && !requireTimestamp) {
            return BASIC;
        }
        return new ValidationPolicy(ocsp, true, true, requireTimestamp, true, Duration.ofSeconds(10));
    }

    boolean ocspEnabled() {
        return ocsp != null || useAia;
    }
}
