package kz.qujat.demo;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import kz.qujat.central.CentralConfig;
import kz.qujat.central.FileNotificationChannel;
import kz.qujat.central.CentralServer;
import kz.qujat.eds.Certificates;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.Pkcs12KeySource;
import kz.qujat.eds.SigningKey;
import kz.qujat.eds.TrustConfig;
import kz.qujat.production.ProductionConfig;
import kz.qujat.production.ProductionServer;
import kz.qujat.store.EmbeddedServer;

/**
 * The demo's back end: one embedded PostgreSQL with both databases, the central service (certs-dev staff
 * and trust, demonstration policy, a fresh register feed key) and the production node, signing the requests
 * between them with the certs-dev service keys.
 */
public final class DemoStack implements AutoCloseable {
    private static final String DEV_PASSWORD = "qujat-dev";
    private final EmbeddedServer postgres;
    private final ProductionServer production;
    private final CentralServer central;
    private final char[] feedKey;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private DemoStack(EmbeddedServer postgres, ProductionServer production, CentralServer central, char[] feedKey) {
        this.postgres = postgres;
        this.production = production;
        this.central = central;
        this.feedKey = feedKey;
    }

    public static DemoStack start(Path dataDir, Path certs) throws IOException, EdsException {
        EmbeddedServer pg = EmbeddedServer.start(dataDir.resolve("postgres"));
        ProductionServer production = null;
        try {
            int centralPort = freePort();
            String centralUrl = "http://localhost:" + centralPort;
            TrustConfig trust = TrustConfig.load(certs.resolve("trust"));
            SigningKey productionKey;
            try (Pkcs12KeySource s = Pkcs12KeySource.open(certs.resolve("production-node.p12"), DEV_PASSWORD.toCharArray())) {
                productionKey = s.signingKey();
            }
            production = ProductionServer.start(ProductionConfig.of(0, pg.jdbcUrl("qujat_production"), trust,
                    productionKey, Certificates.read(certs.resolve("central-service.crt")), centralUrl,
                    Duration.ofSeconds(20)));
            char[] feedKey = FeedKey.generate();
            CentralServer central = CentralServer.start(CentralConfig.builder().port(centralPort)
                    .db(pg.jdbcUrl("qujat_central")).trustDir(certs.resolve("trust"))
                    .staffFile(certs.resolve("staff-dev.csv")).registryFeedKey(new String(feedKey))
                    .production(URI.create(production.url())).key(certs.resolve("central-service.p12"),
                            DEV_PASSWORD.toCharArray())
                    .peerCert(certs.resolve("production-node.crt"))
                    .notifications(new FileNotificationChannel(notificationsFile(dataDir))).build());
            return new DemoStack(pg, production, central, feedKey);
        } catch (IOException | EdsException | RuntimeException e) {
            if (production != null) {
                production.stop();
            }
            pg.close();
            throw e;
        }
    }

    /** The development sink of applicants' notifications: one JSON line each, IIN and phone masked. */
    public static Path notificationsFile(Path dataDir) {
        return dataDir.resolve("notifications.jsonl");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public String centralUrl() {
        return central.url();
    }

    public String productionUrl() {
        return production.url();
    }

    /** The register feed key of this run (generated at start, never written anywhere). */
    char[] feedKey() {
        return feedKey;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        central.stop();
        production.stop();
        postgres.close();
        java.util.Arrays.fill(feedKey, '\0');
    }
}
