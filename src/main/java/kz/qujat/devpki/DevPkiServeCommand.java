package kz.qujat.devpki;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qujat devpki serve}: the development TSA and OCSP responder until SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the development TSA (RFC 3161) and OCSP responder from a certs-dev folder.")
public final class DevPkiServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8090", description = "HTTP port (0: any free port). Default ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--certs", defaultValue = "certs-dev", paramLabel = "DIR",
            description = "The development PKI folder (tsa.p12, ocsp.p12, trust/). Default ${DEFAULT-VALUE}.")
    Path certs;

    @Override
    public Integer call() throws Exception {
        DevPkiServer server;
        try {
            server = DevServices.serve(certs, port, Clock.systemUTC());
        } catch (java.io.IOException | java.security.GeneralSecurityException | RuntimeException e) {
            System.err.println("devpki serve cannot start: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "devpki-stop"));
        System.out.println("TSA  " + server.tsaUrl());
        System.out.println("OCSP " + server.ocspUrl());
        System.out.flush();
        stopped.await();
        return 0;
    }
}
