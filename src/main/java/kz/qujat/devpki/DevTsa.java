package kz.qujat.devpki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;

/**
 * The development time-stamping authority (RFC 3161): answers a time-stamp request with a token signed by
 * certs-dev/tsa.p12 at the time of its clock (a test may give it a fixed clock).
 */
public final class DevTsa {
    /** A development policy OID under the Kazakh arc's private use; production TSAs publish their own. */
    public static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.2.398.3.3.2.99.1");

    private final TimeStampResponseGenerator generator;
    private final Clock clock;
    private final AtomicLong serial = new AtomicLong(System.currentTimeMillis());

    public DevTsa(PrivateKey key, X509Certificate certificate, List<X509Certificate> chain, Clock clock)
            throws GeneralSecurityException {
        this(key, certificate, chain, clock, POLICY.getId());
    }

    /**
     * Issuing under {@code policy}; a request asking for another policy (reqPolicy) is refused (unacceptedPolicy),
     * as a real TSA does.
     */
    public DevTsa(PrivateKey key, X509Certificate certificate, List<X509Certificate> chain, Clock clock, String policy)
            throws GeneralSecurityException {
        this.clock = clock;
        ASN1ObjectIdentifier tsaPolicy = new ASN1ObjectIdentifier(policy);
        try {
            DigestCalculator sha256 = new JcaDigestCalculatorProviderBuilder().build()
                    .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                            .build(new JcaContentSignerBuilder(key.getAlgorithm().equals("RSA")
                                    ? "SHA256withRSA" : "SHA256withECDSA").build(key), certificate),
                    sha256, tsaPolicy);
            tokens.addCertificates(new JcaCertStore(chain));
            this.generator = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED,
                    java.util.Set.of(tsaPolicy));
        } catch (OperatorCreationException | TSPException e) {
            throw new GeneralSecurityException("cannot set up the TSA signer", e);
        }
    }

    /** A DER TimeStampResp; a malformed request gets a rejection response (badDataFormat), never an exception. */
    public byte[] respond(byte[] request) throws IOException {
        Date now = Date.from(clock.instant());
        try {
            TimeStampRequest parsed = new TimeStampRequest(request);
            return generator.generate(parsed, BigInteger.valueOf(serial.incrementAndGet()), now).getEncoded();
        } catch (IOException | IllegalArgumentException | ClassCastException | TSPException e) {
            try {
                TimeStampResponse refusal = generator.generateRejectedResponse(
                        new TSPException("bad time-stamp request", e));
                return refusal.getEncoded();
            } catch (TSPException again) {
                throw new IOException("cannot encode a rejection", again);
            }
        }
    }
}
