package kz.qujat.central;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kz.qujat.central.http.HttpApi;
import kz.qujat.central.http.Routes;
import kz.qujat.central.audit.AuditChainer;
import kz.qujat.central.audit.AuditCheckpointer;
import kz.qujat.central.store.AnnulmentStore;
import kz.qujat.central.store.AuditStore;
import kz.qujat.central.store.ApplicationStore;
import kz.qujat.central.store.ClaimStore;
import kz.qujat.central.store.DecisionStore;
import kz.qujat.central.store.OpsStore;
import kz.qujat.central.store.OutboxStore;
import kz.qujat.central.relay.OutboxRelay;
import kz.qujat.central.store.DivergenceStore;
import kz.qujat.central.store.NotificationStore;
import kz.qujat.central.store.PickupStore;
import kz.qujat.central.store.RefundStore;
import kz.qujat.central.store.RegistryStore;
import kz.qujat.central.store.SessionStore;
import kz.qujat.central.store.StaffStore;
import kz.qujat.domain.PolicyBook;
import kz.qujat.domain.RegistrationPoints;
import kz.qujat.inspect.Thresholds;
import kz.qujat.server.http.HttpEndpoint;
import kz.qujat.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running central service: database, services, HTTP server and background workers; {@link #stop()} ends all. */
public final class CentralServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CentralServer.class);
    private static final String DEMO_POLICY = "/kz/qujat/domain/policies-demo.properties";

    private final Database database;
    private final HttpEndpoint app;
    private final ScheduledExecutorService workers;
    private final CentralMetrics metrics;
    private final AuditChainer chainer;

    private CentralServer(Database database, HttpEndpoint app, ScheduledExecutorService workers, CentralMetrics metrics,
                          AuditChainer chainer) {
        this.database = database;
        this.app = app;
        this.workers = workers;
        this.metrics = metrics;
        this.chainer = chainer;
    }

    /** How often the audit chainer looks for events other instances committed (this one's wake it at once). */
    static final long AUDIT_CHAIN_POLL_MILLIS = 100;

    /** How often central compares itself with the production node (and flags what diverges). */
    static final java.time.Duration RECONCILE_EVERY = java.time.Duration.ofMinutes(5);

    private static void reconcile(Reconciliation reconciliation) {
        try {
            var found = reconciliation.run();
            if (!found.isEmpty()) {
                LOG.warn("reconciliation: {} divergences with production flagged for a person", found.size());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("reconciliation with production failed, next in {}: {}", RECONCILE_EVERY, e.getMessage());
        }
    }

    public static CentralServer start(CentralConfig config) throws IOException {
        PolicyBook policies = config.policies() != null ? config.policies() : demoPolicies();
        Database database = Database.open(config.db(), "central", config.dbPool());
        AuditChainer chainer = null;
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "central-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            RegistrationPoints points = readPoints(config.pointsFile());
            ApplicantTexts applicantTexts = new ApplicantTexts(points);
            StaffStore staff = new StaffStore(database);
            if (config.staffFile() != null) {
                var members = StaffCsv.read(config.staffFile(), points);
                staff.upsert(members);
                LOG.info("staff directory: {} people loaded", members.size());
            }
            Identity id = Identity.load(config);
            ApplicationStore applications = new ApplicationStore(database);
            ClaimStore claims = new ClaimStore(database);
            RegistryStore registry = new RegistryStore(database);
            Thresholds thresholds = Thresholds.defaults();
            ImageCheck images = new ImageCheck((long) thresholds.number("photo.maxBytes"),
                    (long) (thresholds.number("photo.maxMegapixels") * 1_000_000));
            SessionService sessions = new SessionService(new SessionStore(database), staff, id.loginVerifier(),
                    config.sessionTtl(), config.clock(), config.sessionRecheck());
            PickupStore pickup = new PickupStore(database, applicantTexts);
            AuditStore audit = new AuditStore(database);
            chainer = new AuditChainer(audit, AUDIT_CHAIN_POLL_MILLIS).start();
            ReviewService review = new ReviewService(applications, claims, registry, policies, config.claimTtl(),
                    config.clock(), audit);
            IntakeChecks intakeChecks = new IntakeChecks(thresholds);
            RegisterFaces registerFaces = new RegisterFaces(registry, intakeChecks);
            Services services = new Services(
                    new IntakeService(applications, policies, images, intakeChecks, points,
                            config.clock(), registerFaces::forIntake),
                    sessions, review,
                    new DecisionService(applications, new DecisionStore(database, applicantTexts), review, id.staffVerifier(), policies,
                            config.clock()),
                    new HandoverService(applications, pickup, review, points, config.clock()),
                    new AnnulmentService(new AnnulmentStore(database), review, config.clock()),
                    new RegistryFeedService(registry, config.registryFeedKey(), images, intakeChecks),
                    new ProductionReadyService(id.signedRequests(), pickup, config.clock()),
                    new ApplicantStatusService(applications, applicantTexts),
                    new RefundService(new RefundStore(database), audit, config.clock()));
            OpsStore opsStore = new OpsStore(database);
            CentralMetrics metrics = new CentralMetrics(database, opsStore, config.clock());
            OutboxStore outbox = new OutboxStore(database);
            OperationsService operations = new OperationsService(metrics, opsStore, outbox, config.clock());
            Routes routes = new Routes(services, operations, openApi());
            long sweep = config.sweepInterval().toMillis();
            workers.scheduleWithFixedDelay(() -> sweepClaims(claims, config, metrics), sweep, sweep,
                    TimeUnit.MILLISECONDS);
            if (config.production() != null) {
                if (id.ownKey() == null) {
                    throw new IllegalArgumentException("--production needs the service key (--key) to sign orders");
                }
                OutboxRelay relay = new OutboxRelay(outbox, id.signedRequests(), config.production(), config.clock(),
                        metrics, config.maxRefusals(), config.relayLease());
                long every = config.relayInterval().toMillis();
                workers.scheduleWithFixedDelay(relay::runOnce, every, every, TimeUnit.MILLISECONDS);
                Reconciliation reconciliation = new Reconciliation(new DivergenceStore(database), id.signedRequests(),
                        config.production(), config.clock());
                workers.scheduleWithFixedDelay(() -> reconcile(reconciliation), RECONCILE_EVERY.toSeconds(),
                        RECONCILE_EVERY.toSeconds(), TimeUnit.SECONDS);
            } else {
                LOG.warn("no --production given: approved applications stay in the outbox");
            }
            if (id.ownKey() != null) {
                AuditCheckpointer checkpointer = new AuditCheckpointer(audit, id.ownKey(), config.auditCheckpointRows(),
                        config.auditCheckpointInterval(), config.clock());
                long every = Math.min(1000, Math.max(100, config.auditCheckpointInterval().toMillis()));
                workers.scheduleWithFixedDelay(checkpointer::runOnce, every, every, TimeUnit.MILLISECONDS);
            } else {
                LOG.warn("no service key (--key): the audit log is chained but no checkpoint is signed");
            }
            if (config.notifications() != null) {
                NotificationSender sender = new NotificationSender(new NotificationStore(database),
                        config.notifications(), config.clock());
                long every = config.notifyInterval().toMillis();
                workers.scheduleWithFixedDelay(sender::runOnce, every, every, TimeUnit.MILLISECONDS);
                LOG.info("applicants' notifications go to {}", config.notifications().describe());
            } else {
                LOG.warn("no notification channel given: applicants' notifications stay pending");
            }
            HttpEndpoint app = HttpApi.start(routes, sessions, config.maxBodyBytes(), metrics, config.port());
            CentralServer server = new CentralServer(database, app, workers, metrics, chainer);
            LOG.info("central service listening on {}", server.url());
            return server;
        } catch (IOException | RuntimeException e) {
            workers.shutdownNow();
            if (chainer != null) {
                chainer.close();
            }
            database.close();
            throw e;
        }
    }

    private static void sweepClaims(ClaimStore claims, CentralConfig config, CentralMetrics metrics) {
        try {
            int n = claims.expireClaims(config.clock().instant());
            metrics.claimsExpired(n);
            if (n > 0) {
                LOG.info("{} expired claim(s) returned to the queue", n);
            }
        } catch (RuntimeException e) {
            LOG.warn("claim sweep failed: {}", e.getMessage());
        }
    }

    static PolicyBook demoPolicies() throws IOException {
        LOG.warn("A DEMONSTRATION policy is in force (built-in policies-demo.properties): it is not law."
                + " Use --policy with policies-order.properties or a real policy file in production.");
        try (InputStream in = CentralServer.class.getResourceAsStream(DEMO_POLICY)) {
            if (in == null) {
                throw new IOException("built-in demonstration policy is missing");
            }
            return PolicyBook.read(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    /** The ministry's registration points from {@code file}, or the bundled demonstration list when null. */
    static RegistrationPoints readPoints(Path file) throws IOException {
        if (file == null) {
            return RegistrationPoints.bundled();
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            RegistrationPoints points = RegistrationPoints.read(r);
            LOG.info("registration points: {} loaded from {}", points.all().size(), file);
            return points;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    public static PolicyBook readPolicies(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return PolicyBook.read(r);
        }
    }

    static byte[] openApi() throws IOException {
        try (InputStream in = CentralServer.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IOException("openapi.json is missing from the class path");
            }
            return in.readAllBytes();
        }
    }

    public int port() {
        return app.port();
    }

    /** The most database connections this instance keeps open at once ({@code --db-pool}). */
    public int dbPoolSize() {
        return database.poolSize();
    }

    public String url() {
        return "http://localhost:" + port();
    }

    public void stop() {
        workers.shutdownNow();
        app.stop();
        chainer.close();
        metrics.close();
        database.close();
        LOG.info("central service stopped");
    }

    @Override
    public void close() {
        stop();
    }
}
