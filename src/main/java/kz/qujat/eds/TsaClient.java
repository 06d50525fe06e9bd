package kz.qujat.eds;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/** Asks an RFC 3161 time-stamping authority for a token over some bytes (the signature value, for CAdES-T). */
public final class TsaClient {
    private final URI url;
    private final Duration timeout;
    private final SecureRandom random = new SecureRandom();
    private final String policy;

    public TsaClient(URI url, Duration timeout) {
        this(url, timeout, null);
    }

    /**
     * Asking for a TSA policy (reqPolicy): a TSA that no longer issues under that policy OID refuses instead of
     * silently stamping under another; null asks for the TSA's default.
     */
    public TsaClient(URI url, Duration timeout, String policy) {
        this.url = url;
        this.timeout = timeout;
        this.policy = policy;
    }

    public TsaClient(URI url) {
        this(url, Duration.ofSeconds(10));
    }

    public URI url() {
        return url;
    }

    /** The token (DER ContentInfo) whose message imprint is SHA-256 of {@code data}; UNREACHABLE when none. */
    public byte[] timestamp(byte[] data) throws EdsException {
        TimeStampRequest request;
        byte[] imprint;
        try {
            imprint = MessageDigest.getInstance("SHA-256").digest(data);
            TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
            generator.setCertReq(true);
            if (policy != null) {
                generator.setReqPolicy(new org.bouncycastle.asn1.ASN1ObjectIdentifier(policy));
            }
            request = generator.generate(TSPAlgorithms.SHA256, imprint, new BigInteger(64, random));
        } catch (GeneralSecurityException e) {
            throw new EdsException(EdsException.Kind.PROVIDER, "SHA-256 is not available", e);
        }
        byte[] answer;
        try {
            answer = HttpExchange.post(url, "application/timestamp-query", request.getEncoded(), timeout);
        } catch (IOException e) {
            throw new EdsException(EdsException.Kind.PROVIDER, "cannot encode the time-stamp request", e);
        }
        try {
            TimeStampResponse response = new TimeStampResponse(answer);
            response.validate(request);
            TimeStampToken token = response.getTimeStampToken();
            if (token == null) {
                throw new EdsException(EdsException.Kind.UNREACHABLE, "the TSA refused: " + response.getStatusString());
            }
            return token.getEncoded();
        } catch (TSPException | IOException | RuntimeException e) {
            throw new EdsException(EdsException.Kind.UNREACHABLE, "the TSA gave no usable token: " + e.getMessage(), e);
        }
    }
}
