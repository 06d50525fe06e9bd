package kz.qujat.tools;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import kz.qujat.eds.CmsSigner;
import kz.qujat.eds.CmsVerifier;
import kz.qujat.eds.KeyPurpose;
import kz.qujat.eds.Pkcs11Config;
import kz.qujat.eds.Pkcs11KeySource;
import kz.qujat.eds.Pkcs12KeySource;
import kz.qujat.eds.SigningKey;
import kz.qujat.eds.TrustConfig;
import kz.qujat.eds.ValidationPolicy;
import kz.qujat.eds.VerificationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qujat bench eds}: per-signature cost of PKCS#12 and PKCS#11 signing, of verification with OCSP, and the
 * ratio of a full CAdES signature to a bare JCA signature with the same key (target: under 1.5×).
 */
@Command(name = "eds", mixinStandardHelpOptions = true,
        description = "Per-signature cost: PKCS#12 sign, PKCS#11 sign (--pkcs11, PIN from QUJAT_PIN), verify with OCSP"
                + " (--ocsp, e.g. from 'qujat devpki serve'), and the CMS / bare signature ratio.")
public final class BenchEdsCommand implements Callable<Integer> {
    private static final byte[] CONTENT = new byte[1024];
    private static final int ROUNDS = 5;

    private final UnaryOperator<String> environment;

    @Spec
    CommandSpec spec;

    @Option(names = "--certs", defaultValue = "certs-dev", paramLabel = "DIR", description = "Development PKI (default ${DEFAULT-VALUE}).")
    Path certs;

    @Option(names = "--identity", defaultValue = "officer-astana", description = "certs-dev identity (default ${DEFAULT-VALUE}).")
    String identity;

    @Option(names = "--pkcs11", paramLabel = "CONFIG", description = "A PKCS#11 token configuration to measure too.")
    Path pkcs11;

    @Option(names = "--ocsp", paramLabel = "URL", description = "OCSP responder for the verify measurement.")
    URI ocsp;

    @Option(names = "-n", defaultValue = "200", description = "Signatures per measurement (default ${DEFAULT-VALUE}).")
    int count;

    public BenchEdsCommand() {
        this(System::getenv);
    }

    public BenchEdsCommand(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        TrustConfig trust = TrustConfig.load(certs.resolve("trust"));
        SigningKey p12;
        char[] password = "qujat-dev".toCharArray();
        try (Pkcs12KeySource source = Pkcs12KeySource.open(certs.resolve(identity + ".p12"), password)) {
            p12 = source.signingKey();
        } finally {
            Arrays.fill(password, '\0');
        }
        out.printf("%-34s %10s%n", "measurement (" + count + " each)", "ms/op");
        double bare = measure(() -> bare(p12));
        double cms = measure(() -> CmsSigner.signDetached(p12, CONTENT));
        row(out, "PKCS#12 bare JCA signature", bare);
        row(out, "PKCS#12 CMS (CAdES-BES) sign", cms);
        out.printf("%-34s %10.2fx (target < 1.5x)%n", "CMS / bare signature", cms / bare);
        if (pkcs11 != null) {
            char[] pin = Secrets.read(environment, SignCommand.PIN_ENV, "Token PIN");
            if (pin == null) {
                spec.commandLine().getErr().println("set QUJAT_PIN for the PKCS#11 measurement");
                return 2;
            }
            try (Pkcs11KeySource token = Pkcs11KeySource.open(Pkcs11Config.load(pkcs11), pin, trust)) {
                SigningKey key = token.signingKey();
                double tokenBare = measure(() -> bare(key));
                double tokenCms = measure(() -> CmsSigner.signDetached(key, CONTENT));
                row(out, "PKCS#11 bare JCA signature", tokenBare);
                row(out, "PKCS#11 CMS (CAdES-BES) sign", tokenCms);
                out.printf("%-34s %10.2fx%n", "PKCS#11 CMS / bare signature", tokenCms / tokenBare);
            } finally {
                Arrays.fill(pin, '\0');
            }
        }
        byte[] signature = CmsSigner.signDetached(p12, CONTENT);
        row(out, "verify, CRL from trust folder", measure(() -> check(new CmsVerifier(trust, Clock.systemUTC()), signature)));
        if (ocsp != null) {
            CmsVerifier online = new CmsVerifier(trust, Clock.systemUTC(), ValidationPolicy.of(ocsp, false));
            row(out, "verify with OCSP", measure(() -> check(online, signature)));
        }
        out.flush();
        return 0;
    }

    private static VerificationResult check(CmsVerifier verifier, byte[] signature) {
        VerificationResult r = verifier.verifyDetached(signature, CONTENT, KeyPurpose.SIGNING);
        if (!r.valid()) {
            throw new IllegalStateException("benchmark signature does not verify: " + r.reason());
        }
        return r;
    }

    private static byte[] bare(SigningKey key) throws Exception {
        String algorithm = "RSA".equals(key.certificate().getPublicKey().getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
        Signature s = key.provider() == null ? Signature.getInstance(algorithm) : Signature.getInstance(algorithm, key.provider());
        s.initSign(key.privateKey());
        s.update(CONTENT);
        return s.sign();
    }

    /** An operation to time. */
    private interface Op {
        Object run() throws Exception;
    }

    /**
     * Milliseconds per operation: after a warm-up, the best of five rounds, because the machine is shared and
     * a round disturbed by another process says nothing about the code.
     */
    private double measure(Op op) throws Exception {
        for (int i = 0; i < Math.max(5, count / 4); i++) {
            op.run();
        }
        int perRound = Math.max(1, count / ROUNDS);
        double best = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                op.run();
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e6 / perRound);
        }
        return best;
    }

    private static void row(PrintWriter out, String label, double ms) {
        out.printf("%-34s %10.3f%n", label, ms);
    }
}
