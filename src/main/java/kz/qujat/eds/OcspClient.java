package kz.qujat.eds;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Asks an OCSP responder (RFC 6960) for one certificate's status and checks the answer: signed by the issuing
 * CA or by a responder certificate the CA issued for OCSPSigning, for the asked certificate, with our nonce
 * when echoed, and fresh. Anything else is UNREACHABLE: no revocation information, never "good". A checked
 * answer with a next-update is kept and reused until then (RFC 5019), so a responder that said "revoked" and
 * then went down still says "revoked".
 */
final class OcspClient {
    private static final String OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /**
     * A checked answer; {@code thisUpdate} is when the status was known to be so, {@code nextUpdate} may be null;
     * {@code archiveCutoff} (RFC 6960 4.4.4, null when the response has none) is the earliest expiry of a
     * certificate whose status the responder still keeps.
     */
    record Answer(Status status, Instant revocationTime, Instant producedAt, String responder, byte[] response,
                  Instant thisUpdate, Instant nextUpdate, Instant archiveCutoff) { }

    enum Status { GOOD, REVOKED, UNKNOWN }

    /** A kept answer and until when it may be used. */
    private record Kept(Answer answer, Instant thisUpdate, Instant nextUpdate) { }

    private final Duration timeout;
    private final SecureRandom random = new SecureRandom();
    private final java.util.Map<String, Kept> kept = new java.util.concurrent.ConcurrentHashMap<>();

    OcspClient(Duration timeout) {
        this.timeout = timeout;
    }

    Answer ask(URI url, X509Certificate cert, X509Certificate issuer, Instant now) throws EdsException {
        try {
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(issuer), cert.getSerialNumber());
            String key = org.bouncycastle.util.encoders.Hex.toHexString(id.getIssuerKeyHash()) + ":"
                    + cert.getSerialNumber().toString(16);
            Kept k = kept.get(key);
            if (k != null && now.isBefore(k.nextUpdate()) && !k.thisUpdate().isAfter(now.plus(CLOCK_SKEW))) {
                return k.answer();
            }
            kept.remove(key);
            byte[] nonce = new BigInteger(128, random).toByteArray();
            OCSPReq request = new OCSPReqBuilder().addRequest(id).setRequestExtensions(new Extensions(new Extension(
                    OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(new DEROctetString(nonce))))).build();
            byte[] bytes = HttpExchange.post(url, "application/ocsp-request", request.getEncoded(), timeout);
            Answer answer = check(bytes, id, issuer, nonce, now);
            Kept fresh = keep(bytes, id, answer);
            if (fresh != null) {
                kept.put(key, fresh);
            }
            return answer;
        } catch (OCSPException | OperatorCreationException | GeneralSecurityException | IOException
                 | RuntimeException e) {
            throw new EdsException(EdsException.Kind.UNREACHABLE, "unusable OCSP answer from " + url.getHost()
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks an OCSP response given as evidence (an archive's, {@code verify --ocsp-response}): signed by the CA or
     * its responder (valid when the response was produced), about this certificate (any CertID hash). Null when
     * the response is not about this certificate; UNREACHABLE when it cannot be trusted.
     */
    static Answer evidence(byte[] bytes, X509Certificate cert, X509Certificate issuer) throws EdsException {
        try {
            OCSPResp resp = new OCSPResp(bytes);
            if (resp.getStatus() != OCSPResp.SUCCESSFUL || !(resp.getResponseObject() instanceof BasicOCSPResp basic)) {
                throw new EdsException(EdsException.Kind.UNREACHABLE, "the OCSP response has status " + resp.getStatus());
            }
            JcaX509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
            for (SingleResp single : basic.getResponses()) {
                if (single.getCertID().getSerialNumber().equals(cert.getSerialNumber())
                        && single.getCertID().matchesIssuer(issuerHolder, Operators.digests())) {
                    return check(bytes, single.getCertID(), issuer, null, basic.getProducedAt().toInstant());
                }
            }
            return null;
        } catch (OCSPException | OperatorCreationException | GeneralSecurityException | IOException
                 | RuntimeException e) {
            throw new EdsException(EdsException.Kind.UNREACHABLE, "unusable OCSP response: " + e.getMessage(), e);
        }
    }

    /** Every status a response signed for this CA states, by serial number (an archive's inventory). */
    static java.util.Map<BigInteger, Answer> statuses(byte[] bytes, X509Certificate issuer) throws EdsException {
        java.util.Map<BigInteger, Answer> all = new java.util.LinkedHashMap<>();
        try {
            if (new OCSPResp(bytes).getResponseObject() instanceof BasicOCSPResp basic) {
                for (SingleResp single : basic.getResponses()) {
                    all.put(single.getCertID().getSerialNumber(),
                            check(bytes, single.getCertID(), issuer, null, basic.getProducedAt().toInstant()));
                }
            }
            return all;
        } catch (OCSPException | OperatorCreationException | GeneralSecurityException | IOException
                 | RuntimeException e) {
            throw new EdsException(EdsException.Kind.UNREACHABLE, "unusable OCSP response: " + e.getMessage(), e);
        }
    }

    /** Whether the response speaks of a certificate with this serial number (before the issuer is known). */
    static boolean about(byte[] bytes, X509Certificate cert) {
        try {
            if (new OCSPResp(bytes).getResponseObject() instanceof BasicOCSPResp basic) {
                for (SingleResp single : basic.getResponses()) {
                    if (single.getCertID().getSerialNumber().equals(cert.getSerialNumber())) {
                        return true;
                    }
                }
            }
        } catch (OCSPException | IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    private static Answer check(byte[] bytes, CertificateID id, X509Certificate issuer, byte[] nonce, Instant now)
            throws EdsException, OCSPException, OperatorCreationException, GeneralSecurityException, IOException {
        OCSPResp resp = new OCSPResp(bytes);
        if (resp.getStatus() != OCSPResp.SUCCESSFUL || !(resp.getResponseObject() instanceof BasicOCSPResp basic)) {
            throw new EdsException(EdsException.Kind.UNREACHABLE, "the OCSP responder answered status " + resp.getStatus());
        }
        X509Certificate signer = responderCertificate(basic, issuer, basic.getProducedAt().toInstant());
        if (!basic.isSignatureValid(Operators.verifiers(signer.getPublicKey()))) {
            throw new EdsException(EdsException.Kind.UNREACHABLE, "the OCSP response signature does not verify");
        }
        Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (echoed != null && nonce != null && !Arrays.equals(echoed.getExtnValue().getOctets(), new DEROctetString(nonce).getEncoded())) {
            throw new EdsException(EdsException.Kind.UNREACHABLE, "the OCSP response is for another request (nonce)");
        }
        for (SingleResp single : basic.getResponses()) {
            if (!single.getCertID().equals(id)) {
                continue;
            }
            if (single.getThisUpdate().toInstant().isAfter(now.plus(CLOCK_SKEW))
                    || (single.getNextUpdate() != null && single.getNextUpdate().toInstant().isBefore(now.minus(CLOCK_SKEW)))) {
                throw new EdsException(EdsException.Kind.UNREACHABLE, "the OCSP response is not current");
            }
            String responder = signer.getSubjectX500Principal().getName();
            Instant produced = basic.getProducedAt().toInstant();
            Instant thisUpdate = single.getThisUpdate().toInstant();
            Instant nextUpdate = single.getNextUpdate() == null ? null : single.getNextUpdate().toInstant();
            CertificateStatus status = single.getCertStatus();
            Instant cutoff = archiveCutoff(basic);
            if (status == CertificateStatus.GOOD) {
                return new Answer(Status.GOOD, null, produced, responder, bytes, thisUpdate, nextUpdate, cutoff);
            }
            if (status instanceof RevokedStatus revoked) {
                return new Answer(Status.REVOKED, revoked.getRevocationTime().toInstant(), produced, responder, bytes,
                        thisUpdate, nextUpdate, cutoff);
            }
            return new Answer(Status.UNKNOWN, null, produced, responder, bytes, thisUpdate, nextUpdate, cutoff);
        }
        throw new EdsException(EdsException.Kind.UNREACHABLE, "the OCSP response does not cover the certificate");
    }

    /** The response's archive cutoff extension (RFC 6960 4.4.4), or null. */
    private static Instant archiveCutoff(BasicOCSPResp basic) throws EdsException {
        Extension cutoff = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_archive_cutoff);
        if (cutoff == null) {
            return null;
        }
        try {
            return org.bouncycastle.asn1.ASN1GeneralizedTime.getInstance(cutoff.getParsedValue()).getDate().toInstant();
        } catch (IllegalArgumentException | java.text.ParseException e) {
            throw new EdsException(EdsException.Kind.UNREACHABLE, "the OCSP response's archive cutoff is malformed");
        }
    }

    /** The answer with its validity, when the response gives a next-update (without one it is not kept). */
    private static Kept keep(byte[] bytes, CertificateID id, Answer answer) throws OCSPException, IOException {
        BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(bytes).getResponseObject();
        for (SingleResp single : basic.getResponses()) {
            if (single.getCertID().equals(id) && single.getNextUpdate() != null) {
                return new Kept(answer, single.getThisUpdate().toInstant(), single.getNextUpdate().toInstant());
            }
        }
        return null;
    }

    /** The CA itself, or a delegated responder certificate issued by the CA with EKU OCSPSigning. */
    private static X509Certificate responderCertificate(BasicOCSPResp basic, X509Certificate issuer, Instant producedAt)
            throws EdsException, GeneralSecurityException {
        X500Name issuerName = X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
        if (basic.getResponderId().equals(new org.bouncycastle.cert.ocsp.RespID(issuerName))) {
            return issuer;
        }
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (X509CertificateHolder holder : basic.getCerts()) {
            X509Certificate candidate = converter.getCertificate(holder);
            if (candidate.equals(issuer)) {
                return issuer;
            }
            if (candidate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal()) && ocspSigning(candidate)) {
                Operators.verify(candidate, issuer.getPublicKey());
                candidate.checkValidity(java.util.Date.from(producedAt));
                return candidate;
            }
        }
        throw new EdsException(EdsException.Kind.UNREACHABLE, "the OCSP response is not signed by the CA or its responder");
    }

    private static boolean ocspSigning(X509Certificate c) {
        try {
            List<String> eku = c.getExtendedKeyUsage();
            return eku != null && eku.contains(OCSP_SIGNING);
        } catch (CertificateParsingException e) {
            return false;
        }
    }
}
