package kz.qujat.eds;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * CRLs fetched from the HTTP distribution points a certificate names (its CRLDistributionPoints extension),
 * kept per address and fetched again when the kept one is no longer good enough. A distribution point that
 * does not answer is no information, never "not revoked".
 */
final class CrlDistribution {
    /** Certificates whose distribution points are kept; beyond it the map starts again (officers number thousands). */
    static final int KEPT_CERTIFICATES = 50_000;

    private final Duration timeout;
    private final Map<URI, X509CRL> fetched = new ConcurrentHashMap<>();
    // read once per certificate: the JDK's getExtensionValue throws and catches an exception inside for a
    // certificate without the extension, which cost ~8 % of a signature's verification when read every time
    private final Map<X509Certificate, List<URI>> pointsOf = new ConcurrentHashMap<>();

    CrlDistribution(Duration timeout) {
        this.timeout = timeout;
    }

    /** The CRLs already fetched for the certificate's distribution points. */
    List<X509CRL> known(X509Certificate cert) {
        List<X509CRL> crls = new ArrayList<>();
        for (URI url : kept(cert)) {
            X509CRL crl = fetched.get(url);
            if (crl != null) {
                crls.add(crl);
            }
        }
        return crls;
    }

    /** Fetches every distribution point of the certificate now; those that fail are left out. */
    List<X509CRL> fetch(X509Certificate cert) {
        List<X509CRL> crls = new ArrayList<>();
        for (URI url : kept(cert)) {
            try {
                byte[] body = HttpExchange.get(url, timeout);
                X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                        .generateCRL(new ByteArrayInputStream(body));
                fetched.put(url, crl);
                crls.add(crl);
            } catch (EdsException | GeneralSecurityException | RuntimeException e) {
                // unreachable or not a CRL: no information from this point
            }
        }
        return crls;
    }

    /** {@link #points}, read once per certificate. */
    private List<URI> kept(X509Certificate cert) {
        List<URI> urls = pointsOf.get(cert);
        if (urls == null) {
            if (pointsOf.size() >= KEPT_CERTIFICATES) {
                pointsOf.clear();
            }
            urls = List.copyOf(points(cert));
            pointsOf.put(cert, urls);
        }
        return urls;
    }

    /** The http(s) URLs of the certificate's CRL distribution points. */
    static List<URI> points(X509Certificate cert) {
        byte[] ext = cert.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (ext == null) {
            return List.of();
        }
        List<URI> urls = new ArrayList<>();
        try {
            CRLDistPoint dp = CRLDistPoint.getInstance(ASN1OctetString.getInstance(ext).getOctets());
            for (DistributionPoint point : dp.getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name == null || name.getType() != DistributionPointName.FULL_NAME) {
                    continue;
                }
                for (GeneralName g : GeneralNames.getInstance(name.getName()).getNames()) {
                    if (g.getTagNo() == GeneralName.uniformResourceIdentifier) {
                        String url = DERIA5String.getInstance(g.getName()).getString();
                        if (url.startsWith("http://") || url.startsWith("https://")) {
                            urls.add(URI.create(url));
                        }
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        return urls;
    }
}
