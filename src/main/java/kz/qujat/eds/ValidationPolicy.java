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

    /** OCSP from {@code ocsp} (or AIA when null), CRL fallback, time-stamp required when {@code requireTimestamp}. */
    public static ValidationPolicy withOcsp(URI ocsp, boolean requireTimestamp) {
        return new ValidationPolicy(ocsp, true, true, requireTimestamp, true, Duration.ofSeconds(10));
    }

    boolean ocspEnabled() {
        return ocsp != null || useAia;
    }
}
