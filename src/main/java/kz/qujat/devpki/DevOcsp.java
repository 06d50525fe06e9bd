package kz.qujat.devpki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The development OCSP responder for the certificates of one CA, signed by a delegated responder certificate
 * (certs-dev/ocsp.p12). Revocation data: serial → revocation time, usually read from the CA's CRL.
 * A certificate of another CA gets "unknown"; a malformed request gets malformedRequest.
 */
public final class DevOcsp {
    private static final Duration VALIDITY = Duration.ofHours(1);

    private final PrivateKey key;
    private final X509Certificate responder;
    private final X509CertificateHolder ca;
    private final Map<BigInteger, Instant> revoked;
    private final Clock clock;
    private final DigestCalculatorProvider digests;
    /** RFC 6960's archive cutoff the responses state, or null (the responder promises nothing about expired ones). */
    private Instant archiveCutoff;

    public DevOcsp(PrivateKey key, X509Certificate responder, X509Certificate ca, Map<BigInteger, Instant> revoked,
            Clock clock) throws GeneralSecurityException {
        this.key = key;
        this.responder = responder;
        this.ca = new JcaX509CertificateHolder(ca);
        this.revoked = Map.copyOf(revoked);
        this.clock = clock;
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("no digest provider", e);
        }
    }

    /** The revocation entries of the CRLs issued by {@code ca}. */
    public static Map<BigInteger, Instant> revokedFrom(List<X509CRL> crls, X509Certificate ca) {
        Map<BigInteger, Instant> revoked = new HashMap<>();
        for (X509CRL crl : crls) {
            if (crl.getIssuerX500Principal().equals(ca.getSubjectX500Principal()) && crl.getRevokedCertificates() != null) {
                for (X509CRLEntry entry : crl.getRevokedCertificates()) {
                    revoked.put(entry.getSerialNumber(), entry.getRevocationDate().toInstant());
                }
            }
        }
        return revoked;
    }

    /**
     * From now on the responses carry an archive cutoff (RFC 6960 4.4.4): the responder keeps the status of every
     * certificate that expired at or after {@code cutoff}, so its "good" about such a certificate still means "never
     * revoked" after the certificate expired.
     */
    public DevOcsp keepingStatusesOfCertificatesExpiredSince(Instant cutoff) {
        this.archiveCutoff = cutoff;
        return this;
    }

    /** A DER OCSPResponse. */
    public byte[] respond(byte[] request) throws GeneralSecurityException {
        try {
            OCSPReq req;
            try {
                req = new OCSPReq(request);
            } catch (java.io.IOException | RuntimeException e) {
                return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
            }
            Instant now = clock.instant();
            JcaBasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(responder.getPublicKey(),
                    digests.get(CertificateID.HASH_SHA1));
            for (Req one : req.getRequestList()) {
                CertificateID id = one.getCertID();
                builder.addResponse(id, status(id), Date.from(now), Date.from(now.plus(VALIDITY)), null);
            }
            java.util.List<Extension> extensions = new java.util.ArrayList<>();
            Extension nonce = req.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                extensions.add(nonce);
            }
            if (archiveCutoff != null) {
                extensions.add(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_archive_cutoff, false,
                        new org.bouncycastle.asn1.DERGeneralizedTime(Date.from(archiveCutoff)).getEncoded()));
            }
            if (!extensions.isEmpty()) {
                builder.setResponseExtensions(new org.bouncycastle.asn1.x509.Extensions(
                        extensions.toArray(new Extension[0])));
            }
            BasicOCSPResp basic = builder.build(new JcaContentSignerBuilder(
                    "RSA".equals(key.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA").build(key),
                    new X509CertificateHolder[] {new JcaX509CertificateHolder(responder)}, Date.from(now));
            OCSPResp resp = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic);
            return resp.getEncoded();
        } catch (OCSPException | OperatorCreationException | java.io.IOException e) {
            throw new GeneralSecurityException("cannot build the OCSP response", e);
        }
    }

    private CertificateStatus status(CertificateID id) throws OCSPException, OperatorCreationException {
        CertificateID ours = new CertificateID(digests.get(new AlgorithmIdentifier(id.getHashAlgOID())), ca,
                id.getSerialNumber());
        if (!Arrays.equals(ours.getIssuerNameHash(), id.getIssuerNameHash())
                || !Arrays.equals(ours.getIssuerKeyHash(), id.getIssuerKeyHash())) {
            return new UnknownStatus();
        }
        Instant when = revoked.get(id.getSerialNumber());
        if (when != null && !when.isAfter(clock.instant())) {
            return new RevokedStatus(Date.from(when), CRLReason.keyCompromise);
        }
        return CertificateStatus.GOOD;
    }
}
