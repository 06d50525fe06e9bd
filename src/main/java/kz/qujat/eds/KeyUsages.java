package kz.qujat.eds;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;

/** Decides from keyUsage and extendedKeyUsage what a certificate's key may be used for. */
final class KeyUsages {
    static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;

    private KeyUsages() {
    }

    static boolean allows(X509Certificate certificate, KeyPurpose purpose) {
        boolean[] usage = certificate.getKeyUsage();
        boolean digitalSignature = usage != null && usage.length > DIGITAL_SIGNATURE && usage[DIGITAL_SIGNATURE];
        boolean nonRepudiation = usage != null && usage.length > NON_REPUDIATION && usage[NON_REPUDIATION];
        return switch (purpose) {
            case SIGNING -> nonRepudiation;
            case AUTHENTICATION -> hasClientAuth(certificate) || (digitalSignature && !nonRepudiation);
        };
    }

    static String describe(KeyPurpose purpose) {
        return purpose == KeyPurpose.SIGNING
                ? "signing needs keyUsage nonRepudiation"
                : "authentication needs EKU clientAuth, or keyUsage digitalSignature without nonRepudiation";
    }

    private static boolean hasClientAuth(X509Certificate certificate) {
        try {
            List<String> eku = certificate.getExtendedKeyUsage();
            return eku != null && eku.contains(CLIENT_AUTH);
        } catch (CertificateParsingException e) {
            return false;
        }
    }
}
