package kz.qujat.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import kz.qujat.eds.CmsSigner;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.Gost;
import kz.qujat.eds.GostAlgorithm;
import kz.qujat.eds.KeySource;
import kz.qujat.eds.Pkcs11Config;
import kz.qujat.eds.Pkcs11KeySource;
import kz.qujat.eds.Pkcs12KeySource;
import kz.qujat.eds.SigningKey;
import kz.qujat.eds.TrustConfig;
import kz.qujat.eds.TsaClient;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qujat sign}: a detached CAdES signature (CAdES-T with --tsa) of a file with the signing key. */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = "Signs a file (detached or attached CAdES-BES, or CAdES-T with --tsa) with the signing key of"
                + " a PKCS#12 file (RSA, ECDSA, НУЦ РК GOST 2004 / 2015) or a PKCS#11 token. Password/PIN from QUJAT_KEY_PASSWORD / QUJAT_PIN, else asked.")
public final class SignCommand implements Callable<Integer> {
    static final String PASSWORD_ENV = "QUJAT_KEY_PASSWORD";
    static final String PIN_ENV = "QUJAT_PIN";

    /** Exactly one key source. */
    static final class Source {
        @Option(names = "--p12", paramLabel = "FILE", description = "PKCS#12 key file.")
        Path p12;

        @Option(names = "--pkcs11", paramLabel = "CONFIG", description = "PKCS#11 token configuration (library=, slot= or slotListIndex=).")
        Path pkcs11;
    }

    private final UnaryOperator<String> environment;

    @Spec
    CommandSpec spec;

    public SignCommand() {
        this(System::getenv);
    }

    /** With another environment (tests: the password variables without touching the process environment). */
    public SignCommand(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--tsa", paramLabel = "URL", description = "RFC 3161 time-stamping authority: makes CAdES-T.")
    URI tsa;

    @Option(names = "--trust", paramLabel = "DIR", defaultValue = "certs-dev/trust",
            description = "Intermediates that complete a token certificate's chain (default ${DEFAULT-VALUE}).")
    Path trust;

    @Option(names = "--tsa-policy", paramLabel = "OID", description = "TSA policy to ask for (e.g. НУЦ РК's 1.2.398.3.3.2.6.1).")
    String tsaPolicy;

    @Option(names = "--attached", description = "Put the signed file inside the signature (default: detached).")
    boolean attached;

    @Option(names = "--out", required = true, paramLabel = "SIG.p7s", description = "Where to write the DER signature.")
    Path out;

    @Parameters(paramLabel = "DATA", description = "The file to sign.")
    Path data;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        byte[] content;
        try {
            content = Files.readAllBytes(data);
        } catch (IOException e) {
            err.println("cannot read " + data + ": " + e.getMessage());
            return 2;
        }
        boolean token = source.pkcs11 != null;
        char[] secret = Secrets.read(environment, token ? PIN_ENV : PASSWORD_ENV, token ? "Token PIN" : "Key file password");
        if (secret == null) {
            err.println("no terminal to ask the " + (token ? "PIN" : "password") + ": set " + (token ? PIN_ENV : PASSWORD_ENV));
            return 2;
        }
        try (KeySource keys = open(secret)) {
            SigningKey key = keys.signingKey();
            byte[] cms = CmsSigner.sign(key, content, attached, tsa == null ? null : new TsaClient(tsa, java.time.Duration.ofSeconds(10), tsaPolicy), null);
            Files.write(out, cms);
            GostAlgorithm gost = Gost.algorithmOf(key.privateKey());
            String algorithm = gost != null ? gost.label() : key.privateKey().getAlgorithm();
            spec.commandLine().getOut().println("signed " + data.getFileName() + " -> " + out
                    + (tsa == null ? " (CAdES-BES" : " (CAdES-T, time-stamped by " + tsa.getHost())
                    + (attached ? ", attached" : ", detached") + ", " + algorithm + ")");
            return 0;
        } catch (EdsException e) {
            err.println("cannot sign (" + e.kind() + "): " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("cannot sign: " + e.getMessage());
            return 1;
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private KeySource open(char[] secret) throws EdsException, IOException {
        if (source.p12 != null) {
            return Pkcs12KeySource.open(source.p12, secret);
        }
        TrustConfig chain = Files.isDirectory(trust) ? TrustConfig.load(trust) : TrustConfig.of(List.of(), List.of(), List.of());
        return Pkcs11KeySource.open(Pkcs11Config.load(source.pkcs11), secret, chain);
    }
}
