package kz.qujat.eds;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import kz.qujat.eds.VerificationResult.Failure;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Checks a CAdES-BES signature completely: structure, one signer, its certificate inside, the signature and
 * message digest, the signing-certificate-v2 binding, validity now, the chain to a trusted root, revocation
 * and the key usage for the purpose. Bad input never throws: it gives a result with a failure and a reason.
 */
public final class CmsVerifier {
    /**
     * The certificates signatures carried, as the JCA objects made of them: an officer's every signature carries the
     * same certificate, and making the object (a certificate factory found and reading the bytes) cost about a tenth
     * of a verification. Keyed by the very bytes the object is made of, so it is the object those bytes give;
     * nothing is judged here. Bounded: cleared when full.
     */
    private static final java.util.Map<java.nio.ByteBuffer, X509Certificate> CERTIFICATES =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CERTIFICATES_MAX = 1024;
    private final TrustConfig trust;
    private final Clock clock;
    private final ChainCheck chainCheck;
    private final ValidationPolicy policy;
    private final OcspClient ocsp;
    private final OfflineEvidence offline;
    /** Login accepts a plain CMS (no ESS signing-certificate attribute, even no signed attributes); decisions do not. */
    private final boolean plainCms;

    /** CAdES-BES checks with the CRLs of the trust configuration, judged at the clock's time. */
    public CmsVerifier(TrustConfig trust, Clock clock) {
        this(trust, clock, ValidationPolicy.BASIC);
    }

    /** With a policy: OCSP, signature time-stamps (CAdES-T), judged at the time the time-stamp proves. */
    public CmsVerifier(TrustConfig trust, Clock clock, ValidationPolicy policy) {
        this(trust, clock, policy, OfflineEvidence.NONE);
    }

    /**
     * With evidence an archive kept: its OCSP responses answer the signer's status, its CRLs join the trust
     * configuration's, and only its TSA policies are accepted (when it names any).
     */
    public CmsVerifier(TrustConfig trust, Clock clock, ValidationPolicy policy, OfflineEvidence offline) {
        this(offline.crls().isEmpty() ? trust : trust.withCrls(offline.crls()), clock, policy, offline, false);
    }

    private CmsVerifier(TrustConfig trust, Clock clock, ValidationPolicy policy, OfflineEvidence offline,
                        boolean plainCms) {
        this.offline = offline;
        this.plainCms = plainCms;
        this.trust = trust;
        this.clock = clock;
        this.chainCheck = new ChainCheck(trust, new CrlDistribution(policy.timeout()), policy.crlMaxAge());
        this.policy = policy;
        this.ocsp = new OcspClient(policy.timeout());
    }

    /**
     * The same checks for a plain CMS as real clients make it ({@code openssl cms -sign}, browser plug-ins): the
     * signer certificate must be inside and every other check holds, but the ESS signing-certificate(-v2)
     * attribute and signed attributes are optional; an ESS attribute that is present must name the signer.
     * For logins over a fresh nonce, never for decisions (which stay CAdES-BES).
     */
    public CmsVerifier acceptingPlainCms() {
        return new CmsVerifier(trust, clock, policy, offline, true);
    }

    public ValidationPolicy policy() {
        return policy;
    }

    public TrustConfig trust() {
        return trust;
    }

    /** Verifies a signature that does not carry its content against the given content. */
    public VerificationResult verifyDetached(byte[] cms, byte[] content, KeyPurpose purpose) {
        if (cms == null || content == null || cms.length == 0) {
            return VerificationResult.failed(Failure.MALFORMED, "no signature or no content given");
        }
        try {
            return verify(new CMSSignedData(new CMSProcessableByteArray(content), cms), content, purpose);
        } catch (CMSException | RuntimeException e) {
            return VerificationResult.failed(Failure.MALFORMED, "not a CMS SignedData structure");
        }
    }

    /** Verifies a signature that carries its content; {@link VerificationResult#content()} holds it. */
    public VerificationResult verifyAttached(byte[] cms, KeyPurpose purpose) {
        if (cms == null || cms.length == 0) {
            return VerificationResult.failed(Failure.MALFORMED, "no signature given");
        }
        try {
            CMSSignedData data = new CMSSignedData(cms);
            if (data.getSignedContent() == null || !(data.getSignedContent().getContent() instanceof byte[] content)) {
                return VerificationResult.failed(Failure.MALFORMED, "the signature carries no content");
            }
            return verify(data, content, purpose);
        } catch (CMSException | RuntimeException e) {
            return VerificationResult.failed(Failure.MALFORMED, "not a CMS SignedData structure");
        }
    }

    private VerificationResult verify(CMSSignedData data, byte[] content, KeyPurpose purpose) {
        Collection<SignerInformation> signers = data.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            return VerificationResult.failed(Failure.MALFORMED, "expected exactly one signer, found " + signers.size());
        }
        SignerInformation signerInfo = signers.iterator().next();
        Collection<X509CertificateHolder> all = data.getCertificates().getMatches(null);
        X509CertificateHolder holder = all.stream().filter(h -> signerInfo.getSID().match(h)).findFirst().orElse(null);
        if (holder == null) {
            return VerificationResult.failed(Failure.NO_SIGNER_CERTIFICATE,
                    "the signer certificate is not inside the signature");
        }
        X509Certificate signer;
        List<X509Certificate> carried = new ArrayList<>();
        try {
            signer = certificate(holder);
            for (X509CertificateHolder h : all) {
                carried.add(h == holder ? signer : certificate(h));
            }
        } catch (GeneralSecurityException e) {
            return VerificationResult.failed(Failure.MALFORMED, "a certificate inside the signature cannot be read");
        }
        Instant signingTime = signingTime(signerInfo);
        Failure signatureFailure = checkSignature(signerInfo, signer);
        if (signatureFailure != null) {
            return VerificationResult.failed(signatureFailure, switch (signatureFailure) {
                case CONTENT_MISMATCH -> "the content does not match the signed message digest";
                case UNSUPPORTED_ALGORITHM -> "cannot check the signature: " + java.util.Objects.requireNonNullElse(
                        Operators.unsupported(signerInfo.getDigestAlgOID(), signerInfo.getEncryptionAlgOID()),
                        "signature algorithm " + signerInfo.getEncryptionAlgOID() + " with hash "
                                + signerInfo.getDigestAlgOID() + " is not supported by this verifier");
                default -> "the signature value does not verify with the signer certificate";
            }, signer, signingTime, VerificationResult.Evidence.NONE);
        }
        boolean ess = SigningCertificateBinding.present(signerInfo);
        if (!ess && !plainCms) {
            return VerificationResult.failed(Failure.NOT_CADES, "a plain CMS signature without the signing-certificate"
                    + " attribute, not CAdES; its signature value and message digest verify", signer, signingTime,
                    VerificationResult.Evidence.NONE);
        }
        String binding = ess ? SigningCertificateBinding.check(signerInfo, signer) : null;
        if (binding != null) {
            return VerificationResult.failed(Failure.CERTIFICATE_BINDING, binding, signer, signingTime,
                    VerificationResult.Evidence.NONE);
        }
        return new LongTermCheck(chainCheck, policy, ocsp, clock.instant(), offline)
                .judge(signerInfo, signer, carried, signingTime, content, purpose);
    }

    /**
     * Null when signature and message digest verify; BC checks both in one call and tells them apart by type.
     * The verifier is built from the public key alone so that BC does not judge validity at the claimed
     * signingTime: validity is judged at the clock's time, later, with its own failure.
     */
    private Failure checkSignature(SignerInformation signerInfo, X509Certificate signer) {
        if (signerInfo.getSignedAttributes() == null && !plainCms) {
            return Failure.BAD_SIGNATURE;
        }
        if (Operators.unsupported(signerInfo.getDigestAlgOID(), signerInfo.getEncryptionAlgOID()) != null) {
            return Failure.UNSUPPORTED_ALGORITHM;
        }
        try {
            boolean ok = signerInfo.verify(Operators.signerVerifier(signer.getPublicKey()));
            return ok ? null : Failure.BAD_SIGNATURE;
        } catch (CMSSignerDigestMismatchException e) {
            return Failure.CONTENT_MISMATCH;
        } catch (OperatorCreationException e) {
            return Failure.UNSUPPORTED_ALGORITHM;
        } catch (CMSException e) {
            return e.getCause() instanceof OperatorCreationException
                    || String.valueOf(e.getMessage()).startsWith("can't create") ? Failure.UNSUPPORTED_ALGORITHM
                    : Failure.BAD_SIGNATURE;
        } catch (RuntimeException e) {
            return Failure.BAD_SIGNATURE;
        }
    }

    private static X509Certificate certificate(X509CertificateHolder holder) throws GeneralSecurityException {
        java.nio.ByteBuffer encoded;
        try {
            encoded = java.nio.ByteBuffer.wrap(holder.getEncoded());
        } catch (java.io.IOException e) {
            throw new java.security.cert.CertificateEncodingException("cannot encode the certificate: " + e.getMessage());
        }
        X509Certificate known = CERTIFICATES.get(encoded);
        if (known != null) {
            return known;
        }
        X509Certificate made = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(encoded.array()));
        if (CERTIFICATES.size() >= CERTIFICATES_MAX) {
            CERTIFICATES.clear();
        }
        CERTIFICATES.put(encoded, made);
        return made;
    }

    private static Instant signingTime(SignerInformation signerInfo) {
        try {
            Attribute attribute = signerInfo.getSignedAttributes() == null ? null
                    : signerInfo.getSignedAttributes().get(CMSAttributes.signingTime);
            if (attribute == null || attribute.getAttrValues().size() != 1) {
                return null;
            }
            Time time = Time.getInstance(attribute.getAttrValues().getObjectAt(0));
            Instant quick = time.toASN1Primitive() instanceof org.bouncycastle.asn1.ASN1UTCTime utc
                    ? utcTime(utc.getAdjustedTime()) : null;
            return quick != null ? quick : time.getDate().toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static final java.util.regex.Pattern ADJUSTED_UTC =
            java.util.regex.Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(\\d{2})GMT([+-]\\d{2}):(\\d{2})");

    /**
     * A UTCTime as Bouncy Castle adjusts it ({@code yyyyMMddHHmmssGMT+hh:mm}) read with java.time: the instant its
     * {@code getDate} gives, without the SimpleDateFormat it builds per call (a twentieth of a verification). Null for
     * anything else or any field out of range, which is then left to Bouncy Castle as before.
     */
    static Instant utcTime(String adjusted) {
        java.util.regex.Matcher m = ADJUSTED_UTC.matcher(adjusted);
        if (!m.matches()) {
            return null;
        }
        try {
            int hours = Integer.parseInt(m.group(7));
            int minutes = Integer.parseInt(m.group(8));
            java.time.ZoneOffset offset = java.time.ZoneOffset.ofHoursMinutes(hours,
                    m.group(7).startsWith("-") ? -minutes : minutes);
            return java.time.LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6))).toInstant(offset);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
