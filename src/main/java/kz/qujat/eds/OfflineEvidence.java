package kz.qujat.eds;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CRL;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an archive keeps beside a signature to validate it years later without asking anyone: OCSP responses and
 * CRLs (revocation evidence), and the time-stamp policies it accepts from TSAs (a TSA that changes its policy OID
 * is then seen, not silently accepted). Empty: nothing offline, any TSA policy.
 *
 * @param ocspResponses DER OCSP responses; one about the signer certificate answers its status
 * @param crls CRLs used besides those of the trust configuration
 * @param tsaPolicies accepted TSA policy OIDs of signature time-stamps; empty accepts any
 */
public record OfflineEvidence(List<byte[]> ocspResponses, List<X509CRL> crls, Set<String> tsaPolicies) {
    public static final OfflineEvidence NONE = new OfflineEvidence(List.of(), List.of(), Set.of());

    public OfflineEvidence {
        ocspResponses = List.copyOf(ocspResponses);
        crls = List.copyOf(crls);
        tsaPolicies = Set.copyOf(tsaPolicies);
    }

    /** Reads OCSP response files (DER) and CRL files (PEM or DER); an unreadable file is an IOException naming it. */
    public static OfflineEvidence read(List<Path> ocspFiles, List<Path> crlFiles, Set<String> tsaPolicies)
            throws IOException {
        List<byte[]> responses = new ArrayList<>();
        for (Path f : ocspFiles) {
            responses.add(Files.readAllBytes(f));
        }
        List<X509CRL> crls = new ArrayList<>();
        for (Path f : crlFiles) {
            try (InputStream in = Files.newInputStream(f)) {
                for (CRL crl : CertificateFactory.getInstance("X.509").generateCRLs(in)) {
                    crls.add((X509CRL) crl);
                }
            } catch (GeneralSecurityException e) {
                throw new IOException("not a CRL: " + f.getFileName(), e);
            }
        }
        return new OfflineEvidence(responses, crls, tsaPolicies);
    }
}
