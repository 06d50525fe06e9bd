package kz.qujat.production;

import java.io.IOException;
import kz.qujat.eds.CmsVerifier;
import kz.qujat.production.http.ProductionRoutes;
import kz.qujat.production.store.ImageStore;
import kz.qujat.production.store.OrderStore;
import kz.qujat.server.SignedRequests;
import kz.qujat.server.http.HttpEndpoint;
import kz.qujat.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running production node: its database, HTTP endpoint and worker; {@link #stop()} ends all three. */
public final class ProductionServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProductionServer.class);
    /** Orders carry the photo and signature base64 inside; a generous cap still refuses absurd bodies. */
    private static final long MAX_BODY = 40L * 1024 * 1024;

    private final Database database;
    private final ProductionWorker worker;
    private final HttpEndpoint app;
    private final ProductionMetrics metrics;

    private ProductionServer(Database database, ProductionWorker worker, HttpEndpoint app, ProductionMetrics metrics) {
        this.database = database;
        this.worker = worker;
        this.app = app;
        this.metrics = metrics;
    }

    public static ProductionServer start(ProductionConfig config) throws IOException {
        Database database = Database.open(config.db(), "production");
        try {
            OrderStore store = new OrderStore(database);
            CmsVerifier verifier = new CmsVerifier(config.trust(), config.clock());
            SignedRequests signed = new SignedRequests(verifier, config.centralCertificate(), config.serviceKey());
            // officer decisions get the configured policy; service requests stay CAdES-BES between pinned peers
            CmsVerifier decisions = new CmsVerifier(config.trust(), config.clock(), config.validation());
            ImageStore images = new ImageStore(database);
            OrderService orders = new OrderService(signed, new DecisionCheck(decisions), store, images,
                    config.productionTime(), config.clock());
            ProductionWorker worker = new ProductionWorker(store, new ReadyReporter(config.centralUrl(), signed),
                    config.clock(), config.retryInitial(), config.retryMax());
            ProductionMetrics metrics = new ProductionMetrics(database, store, images);
            HttpEndpoint app = new ProductionRoutes(orders, store, metrics).start(config.port(), MAX_BODY);
            worker.start(config.pollInterval());
            LOG.info("production node listening on port {}", app.port());
            return new ProductionServer(database, worker, app, metrics);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public int port() {
        return app.port();
    }

    public String url() {
        return "http://localhost:" + port();
    }

    public void stop() {
        worker.close();
        app.stop();
        metrics.close();
        database.close();
        LOG.info("production node stopped");
    }

    @Override
    public void close() {
        stop();
    }
}
