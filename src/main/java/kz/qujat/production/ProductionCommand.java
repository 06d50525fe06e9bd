package kz.qujat.production;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import kz.qujat.eds.Certificates;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.Pkcs12KeySource;
import kz.qujat.eds.SigningKey;
import kz.qujat.eds.TrustConfig;
import kz.qujat.eds.ValidationPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qujat production}: runs the production node until SIGTERM. */
@Command(name = "production", mixinStandardHelpOptions = true,
        description = "Run the production node: receives certified orders, produces, reports documents ready.")
public final class ProductionCommand implements Callable<Integer> {
    static final String PASSWORD_ENV = "QUJAT_KEY_PASSWORD";

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8081", description = "HTTP port (0: any free port; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--db", defaultValue = "embedded:data/production",
            description = "embedded:DIR or jdbc:postgresql://... (default ${DEFAULT-VALUE}).")
    String db;

    @Option(names = "--trust", required = true, paramLabel = "DIR", description = "Trust anchors, intermediates and CRLs (e.g. certs-dev/trust).")
    Path trust;

    @Option(names = "--key", required = true, paramLabel = "P12",
            description = "The node's service key (PKCS#12); password from the environment variable " + PASSWORD_ENV + ".")
    Path key;

    @Option(names = "--peer-cert", required = true, paramLabel = "CRT", description = "The central service's certificate; only it may send orders.")
    Path peerCert;

    @Option(names = "--central", required = true, paramLabel = "URL", description = "Base URL of the central service for ready reports.")
    String central;

    @Option(names = "--production-time", defaultValue = "PT30S", description = "How long producing a document takes (ISO-8601; default ${DEFAULT-VALUE}).")
    Duration productionTime;

    @Option(names = "--ocsp", paramLabel = "URL", description = "OCSP responder for officer certificates (default: the"
            + " certificate's AIA when --require-timestamp; the trust folder's CRLs are the fallback).")
    java.net.URI ocsp;

    @Option(names = "--require-timestamp", description = "Production configuration: officer decisions must carry a"
            + " signature time-stamp (CAdES-T) and pass an OCSP check; unreachable OCSP answers 503.")
    boolean requireTimestamp;

    @Option(names = "--crl-max-age", paramLabel = "DURATION", description = "The oldest CRL that may clear an officer"
            + " certificate when OCSP does not answer, e.g. PT12H (default PT24H with --ocsp or --require-timestamp;"
            + " without them a CRL counts until its next-update). An older CRL gives 503 \"not confirmed, retrying\".")
    java.time.Duration crlMaxAge;

    @Option(names = "--tsa-policy", paramLabel = "OID", description = "A TSA policy OID under which a decision's"
            + " signature time-stamp may be made (repeatable, e.g. НУЦ РК's 1.2.398.3.3.2.6.1); a time-stamp under"
            + " another policy is refused (400, naming both). Default: any policy.")
    java.util.List<String> tsaPolicies = new java.util.ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        String env = System.getenv(PASSWORD_ENV);
        if (env == null) {
            err.println("set the key password in the environment variable " + PASSWORD_ENV);
            return 2;
        }
        SigningKey serviceKey;
        char[] password = env.toCharArray();
        try (Pkcs12KeySource source = Pkcs12KeySource.open(key, password)) {
            serviceKey = source.signingKey();
        } catch (EdsException e) {
            err.println("cannot open the service key: " + e.kind());
            return 2;
        } finally {
            Arrays.fill(password, '\0');
        }
        ProductionServer server;
        try {
            server = ProductionServer.start(ProductionConfig.of(port, db, TrustConfig.load(trust), serviceKey,
                    Certificates.read(peerCert), central, productionTime)
                    .withValidation(ValidationPolicy.of(ocsp, requireTimestamp, crlMaxAge)
                            .withTsaPolicies(tsaPolicies)));
        } catch (java.io.IOException | RuntimeException e) {
            err.println("cannot start the production node: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "production-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("production node listening on " + server.url());
        out.flush();
        stopped.await();
        return 0;
    }
}
