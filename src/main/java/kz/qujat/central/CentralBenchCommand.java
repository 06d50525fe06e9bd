package kz.qujat.central;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import kz.qujat.api.ApplicationDetail;
import kz.qujat.api.ApplicationForm;
import kz.qujat.api.Canonical;
import kz.qujat.api.DecisionDocument;
import kz.qujat.api.IntakeRequest;
import kz.qujat.api.Json;
import kz.qujat.api.Paths;
import kz.qujat.central.store.ApplicationStore;
import kz.qujat.central.store.ClaimBaseline;
import kz.qujat.domain.Iin;
import kz.qujat.domain.KzTime;
import kz.qujat.domain.Region;
import kz.qujat.eds.CmsSigner;
import kz.qujat.eds.CmsVerifier;
import kz.qujat.eds.KeyPurpose;
import kz.qujat.eds.Pkcs12KeySource;
import kz.qujat.eds.SigningKey;
import kz.qujat.eds.TrustConfig;
import kz.qujat.eds.VerificationResult;
import kz.qujat.store.Database;
import kz.qujat.store.EmbeddedServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code qujat bench central}: a central instance on PostgreSQL under an outside load of {@code --clients}
 * officers, each with their own session: claims through {@code POST /queue/next} until the queue is empty, then
 * a signed approval of every claimed application; and, in the same run on the same database, the raw baseline:
 * the same claim SQL over plain JDBC, prepared, on as many connections as the service's pool. Prints rates and
 * p50/p99 latencies, the ratio to the baseline, and the margin over a national day.
 */
@Command(name = "central", mixinStandardHelpOptions = true,
        description = "Claims and decisions through the central API against the raw claim SQL over JDBC.")
public final class CentralBenchCommand implements Callable<Integer> {
    /** ~20 M citizens, 10-year cards: ~5,500 replacements a day; peaks ×10; an 8-hour working day. */
    static final double NATIONAL_PEAK_PER_SECOND = 20_000_000.0 / 10 / 365 * 10 / (8 * 3600);
    private static final String OFFICER_IIN = "850314312017";

    @Option(names = "--clients", defaultValue = "64", description = "Concurrent officers (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--applications", defaultValue = "2000", description = "Applications queued (default ${DEFAULT-VALUE}).")
    int applications;

    @Option(names = "--db", description = "jdbc:postgresql://... of an empty database (user and password from"
            + " QUJAT_DB_USER / QUJAT_DB_PASSWORD); default: an embedded PostgreSQL in a temporary folder.")
    String db;

    @Option(names = "--certs", defaultValue = "certs-dev", description = "The development PKI folder (default ${DEFAULT-VALUE}).")
    Path certs;

    @Option(names = "--port", defaultValue = "0", description = "Port of the central instance under test (default any).")
    int port;

    @Option(names = "--warmup", defaultValue = "2000", paramLabel = "N", description = "Before the timed phases, N"
            + " applications claimed and decided through the API, N claimed by the raw baseline's SQL and N requests"
            + " to the HTTP floor, none counted: the JIT compiles the hot paths of each (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--warmup-passes", defaultValue = "2", paramLabel = "P", description = "Warm-up passes of"
            + " --warmup each; after each the bench waits until the JIT compilers of the service (and of the load"
            + " client) have gone quiet, at most a minute (default ${DEFAULT-VALUE}).")
    int warmupPasses;

    /**
     * {@link #steady}: the warm-up passes go on until two in a row in which the service's JIT compilers used under
     * this share of its CPU (a share the machine's own noise spreads as much), or until {@link #maxPasses} in all.
     */
    private static final double QUIET_JIT_SHARE = 0.02;

    @Option(names = "--steady", description = "After the --warmup-passes, further passes until the service's JIT"
            + " compilers used under 2 %% of its CPU in two passes in a row (at most --max-passes): the service as"
            + " after a day of work. Under load on few cores the JVM raises its compile thresholds, so a method of the"
            + " claim or decision path may reach C2 only after ten thousand calls; without this the timed phases pay"
            + " for compiling too (the share is printed either way). Needs the service in its own JVM.")
    boolean steady;

    @Option(names = "--max-passes", defaultValue = "30", paramLabel = "P", description = "With --steady, the most"
            + " warm-up passes in all; the clock starts after them even if the compilers are still busy (default"
            + " ${DEFAULT-VALUE}).")
    int maxPasses;

    @Option(names = "--rounds", defaultValue = "1", paramLabel = "R", description = "Measure the claims ratio R times:"
            + " after the first round, R - 1 more, each with fresh queues, the API and the raw baseline one after the"
            + " other in alternating order; prints each round's ratio and their median, steadier than one round on a"
            + " shared machine; the applications each round claimed through the API are then decided in a timed round"
            + " of their own, and the decisions' rate is printed per round with its median too (default"
            + " ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--db-pool", defaultValue = "10", paramLabel = "N", description = "The service's connection pool"
            + " (its --db-pool); the raw baseline uses as many connections (default ${DEFAULT-VALUE}).")
    int dbPool;

    @Option(names = "--in-process", description = "Run the central instance inside the bench's own JVM, beside the"
            + " load client and the raw baseline (the way before session 26). Default: its own JVM ('qujat central',"
            + " the same java and class path), so that the load client is outside the service as a real officer's"
            + " workstation is, and neither compiles, profiles or collects the other's code.")
    boolean inProcess;

    @Option(names = "--service-java-options", paramLabel = "OPTIONS", description = "JVM options of the service's own"
            + " JVM, separated by spaces, e.g. \"-Xmx2g\" (default none: the JVM's defaults, as 'qujat central' is"
            + " started; the bench's own qujat.* properties are passed on).")
    String serviceJavaOptions;

    private final ObjectMapper mapper = Json.mapper();
    /**
     * The load client: OkHttp, the HTTP client of the officer's workstation ({@code StaffClient}), blocking in each
     * officer's thread, one kept-alive connection per officer (the pool keeps them all between requests).
     */
    private final okhttp3.OkHttpClient http = new okhttp3.OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10)).callTimeout(Duration.ofSeconds(60)).readTimeout(Duration.ZERO)
            .connectionPool(new okhttp3.ConnectionPool(1024, 5, java.util.concurrent.TimeUnit.MINUTES)).build();
    private static final okhttp3.MediaType JSON = okhttp3.MediaType.get("application/json; charset=utf-8");

    @Override
    public Integer call() throws Exception {
        if (rounds < 1) {
            System.err.println("--rounds needs at least 1, not " + rounds);
            return 2;
        }
        if (steady && maxPasses < Math.max(2, warmupPasses)) {
            System.err.println("--max-passes must allow two quiet passes and the --warmup-passes (" + warmupPasses
                    + "), not " + maxPasses);
            return 2;
        }
        if (steady && inProcess) {
            System.err.println("--steady watches the service's own JVM's compilers: it cannot be used with --in-process");
            return 2;
        }
        Path tmp = null;
        EmbeddedServer embedded = null;
        String url = db;
        if (url == null) {
            tmp = Files.createTempDirectory("qujat-bench-central");
            embedded = EmbeddedServer.start(tmp);
            url = embedded.jdbcUrl("qujat_bench");
        }
        char[] pw = "qujat-dev".toCharArray();
        try (BenchedService server = inProcess ? BenchedService.inProcess(CentralServer.start(CentralConfig.builder().port(port)
                     .db(url).trustDir(certs.resolve("trust")).staffFile(certs.resolve("staff-dev.csv"))
                     .claimTtl(Duration.ofHours(1)).dbPool(dbPool).build()))
                     : BenchedService.ownJvm(port, url, certs, dbPool, serviceJavaOptions);
             Database seedDb = Database.open(url, "central");
             Pkcs12KeySource keys = Pkcs12KeySource.open(certs.resolve("officer-astana.p12"), pw)) {
            servicePid = server.pid();
            SigningKey auth = keys.authenticationKey();
            SigningKey signing = keys.signingKey();
            System.out.printf("central bench: %d clients, %d applications, photo+signature %d KB each, %d cores,"
                    + " load average %.1f; the service %s%n", clients, applications,
                    (Images.PHOTO.length + Images.SIGNATURE.length) / 1024, Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    server.describe());
            int warm = Math.max(clients * 4, warmup);
            seed(seedDb, Region.ASTANA, warm);
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                tokens.add(login(server.url(), auth));
            }

            // 0. warm-up (JIT, pools, connections): batches claimed and decided, not counted, in passes; after each
            //    the JIT compilers are given the machine until they go quiet (under load they get a share of two
            //    cores beside 64 request threads, and on a full queue the JVM raises its compile thresholds: a
            //    method first hot under load may be compiled only in the next pass)
            List<String[]> warmDecisions = new ArrayList<>();
            int quietPasses = 0;
            for (int pass = 1; pass <= (steady ? maxPasses : warmupPasses); pass++) {
                if (pass > 1) {
                    seed(seedDb, Region.ASTANA, warm);
                }
                long jitAtStart = jitNow();
                long serviceJitAtStart = jvmThreadsCpu(servicePid, true);
                long serviceCpuAtStart = procCpu(servicePid);
                ConcurrentLinkedQueue<ApplicationDetail> warmClaims = new ConcurrentLinkedQueue<>();
                load(clients, c -> {
                    Answer a = post(server.url(), Paths.QUEUE_NEXT, tokens.get(c), "");
                    if (a.status != 200) {
                        return false;
                    }
                    warmClaims.add(mapper.readValue(a.body, ApplicationDetail.class));
                    return true;
                });
                List<String[]> warmBodies = approvals(new ArrayList<>(warmClaims), signing);
                AtomicInteger warmNext = new AtomicInteger();
                load(clients, c -> {
                    int i = warmNext.getAndIncrement();
                    if (i >= warmBodies.size()) {
                        return false;
                    }
                    check(post(server.url(), warmBodies.get(i)[0], tokens.get(c), warmBodies.get(i)[1]), 200);
                    return true;
                });
                warmDecisions.addAll(warmBodies);
                // ... and the raw baseline's path and the HTTP floor's, as warm as the API's
                seed(seedDb, Region.KARAGANDA, warm);
                ClaimBaseline.run(url, System.getenv("QUJAT_DB_USER"), System.getenv("QUJAT_DB_PASSWORD"),
                        server.dbPoolSize(), Region.KARAGANDA, OFFICER_IIN, Duration.ofHours(1), true);
                AtomicInteger floorWarm = new AtomicInteger(warm);
                load(clients, c -> floorWarm.getAndDecrement() > 0
                        && check(send(server.url(), "GET", Paths.HEALTH, tokens.get(c), null), 200) != null);
                // ... and /metrics, scraped once in the timed claims: its first scrape loads and runs the exposition
                // code cold (Prometheus scrapes a running service every 15 s or so)
                get(server.url(), Paths.METRICS);
                long jitUnderLoad = jitNow() - jitAtStart;
                long serviceJit = jvmThreadsCpu(servicePid, true) - serviceJitAtStart;
                long serviceCpu = procCpu(servicePid) - serviceCpuAtStart;
                System.out.printf("warm-up pass %d of %s: %d applications claimed and decided, %d raw claims, %d"
                        + " floor requests, the JIT compilers %.2f s of CPU meanwhile%s; %s%n", pass,
                        steady ? "at least " + warmupPasses + " (--steady)" : Integer.toString(warmupPasses),
                        warmBodies.size(), warm, warm, jitUnderLoad / 1e9, servicePid == 0 ? ""
                                : String.format(" (the service's: %.2f s of its %.2f s, %.1f %%)", serviceJit / 1e9,
                                        serviceCpu / 1e9, 100.0 * serviceJit / Math.max(1, serviceCpu)),
                        awaitJitQuiet());
                quietPasses = serviceJit < QUIET_JIT_SHARE * serviceCpu ? quietPasses + 1 : 0;
                if (steady && pass >= warmupPasses && quietPasses >= 2) {
                    break;
                }
                if (steady && pass == maxPasses) {
                    System.out.printf("the service's JIT compilers were still busy after %d passes; the clock starts"
                            + " anyway%n", maxPasses);
                }
            }
            seed(seedDb, Region.ASTANA, applications);
            seed(seedDb, Region.ALMATY, applications);
            seed(seedDb, Region.SHYMKENT, applications);
            // 1. claims through the API
            ConcurrentLinkedQueue<ApplicationDetail> claimed = new ConcurrentLinkedQueue<>();
            AtomicInteger claimedCount = new AtomicInteger(); // ConcurrentLinkedQueue.size() walks the queue
            java.util.concurrent.atomic.AtomicReference<String> scrape = new java.util.concurrent.atomic.AtomicReference<>();
            kz.qujat.central.store.AuditStore auditLog = new kz.qujat.central.store.AuditStore(seedDb);
            awaitChained(auditLog); // nothing of the warm-up left for the chainer to do inside a timed phase
            Result api = load(clients, c -> {
                if (claimedCount.get() >= applications / 2 && scrape.compareAndSet(null, "")) {
                    scrape.set(get(server.url(), Paths.METRICS));
                }
                Answer a = post(server.url(), Paths.QUEUE_NEXT, tokens.get(c), "");
                if (a.status == 204) {
                    return false;
                }
                check(a, 200);
                claimed.add(mapper.readValue(a.body, ApplicationDetail.class));
                claimedCount.incrementAndGet();
                return true;
            });
            long apiChained = awaitChained(auditLog);
            // 1b. the HTTP floor: the same load client (threads, sessions, HTTP client, headers) against the
            //     liveness route, which reads no database: what HTTP alone costs on this machine, per request
            AtomicInteger floorLeft = new AtomicInteger(applications);
            Result floor = load(clients, c -> {
                if (floorLeft.getAndDecrement() <= 0) {
                    return false;
                }
                check(send(server.url(), "GET", Paths.HEALTH, tokens.get(c), null), 200);
                return true;
            });
            // 2. the same claim SQL over JDBC, prepared, as many connections as the service's pool, other regions:
            //    with the audit chain's appends a claim writes (the same SQL as the service), and without
            int connections = server.dbPoolSize();
            String jdbcUrl = url;
            Result baseline = measured(() -> ClaimBaseline.run(jdbcUrl, System.getenv("QUJAT_DB_USER"),
                    System.getenv("QUJAT_DB_PASSWORD"), connections, Region.ALMATY, OFFICER_IIN, Duration.ofHours(1), true));
            long rawChained = awaitChained(auditLog);
            Result unaudited = measured(() -> ClaimBaseline.run(jdbcUrl, System.getenv("QUJAT_DB_USER"),
                    System.getenv("QUJAT_DB_PASSWORD"), connections, Region.SHYMKENT, OFFICER_IIN, Duration.ofHours(1), false));
            print("claims via API", api, null);
            print("claims raw JDBC", baseline, "(same SQL as the API's claim, audit chain included, " + connections
                    + " connections as the service's pool)");
            print("  without audit", unaudited, "(claim SQL only, no audit chain)");
            System.out.printf("  ratio API / raw JDBC: %.2f (target >= 0.6); API / claim SQL without the audit chain: %.2f%n",
                    api.rate() / baseline.rate(), api.rate() / unaudited.rate());
            double apiToChain = api.latencies().size() / ((api.wallNanos() + apiChained) / 1e9);
            double rawToChain = baseline.latencies().size() / ((baseline.wallNanos() + rawChained) / 1e9);
            System.out.printf("  the audit chainer caught up %.0f ms after the API's last claim and %.0f ms after the raw"
                    + " baseline's: counted until their events are in the chain, API %.1f/s, raw %.1f/s, ratio %.2f%n",
                    apiChained / 1e6, rawChained / 1e6, apiToChain, rawToChain, apiToChain / rawToChain);
            print("HTTP floor", floor, "(GET " + Paths.HEALTH + ": the same load client, sessions and headers; no database)");
            System.out.printf("  the floor alone allows a ratio of at most %.2f; a claim through the API is at least one such"
                    + " request plus the claim's SQL: at best 1/(1/%.0f + 1/%.0f) = %.0f/s, a ratio of %.2f%n",
                    floor.rate() / baseline.rate(), floor.rate(), baseline.rate(),
                    1 / (1 / floor.rate() + 1 / baseline.rate()), floor.rate() / (floor.rate() + baseline.rate()));
            perOperation("API claim", api);
            perOperation("floor request", floor);
            perOperation("raw claim", baseline);
            List<List<ApplicationDetail>> laterClaims = new ArrayList<>(); // rounds 2..R, decided after round 1's
            if (rounds > 1) {
                List<Double> ratios = new ArrayList<>(List.of(api.rate() / baseline.rate()));
                for (int round = 2; round <= rounds; round++) {
                    seed(seedDb, Region.ASTANA, applications);
                    seed(seedDb, Region.ALMATY, applications);
                    awaitChained(auditLog);
                    boolean rawFirst = round % 2 == 0;
                    Result again = null;
                    Result raw = null;
                    ConcurrentLinkedQueue<ApplicationDetail> roundClaims = new ConcurrentLinkedQueue<>();
                    for (int part = 0; part < 2; part++) {
                        if ((part == 0) == rawFirst) {
                            raw = measured(() -> ClaimBaseline.run(jdbcUrl, System.getenv("QUJAT_DB_USER"),
                                    System.getenv("QUJAT_DB_PASSWORD"), connections, Region.ALMATY, OFFICER_IIN,
                                    Duration.ofHours(1), true));
                        } else {
                            again = load(clients, c -> {
                                Answer a = post(server.url(), Paths.QUEUE_NEXT, tokens.get(c), "");
                                if (a.status == 204) {
                                    return false;
                                }
                                check(a, 200);
                                // read as round 1 reads it (the officer's workstation does), and decided later
                                roundClaims.add(mapper.readValue(a.body, ApplicationDetail.class));
                                return true;
                            });
                        }
                        awaitChained(auditLog);
                    }
                    ratios.add(again.rate() / raw.rate());
                    laterClaims.add(new ArrayList<>(roundClaims));
                    double perClaim = Math.max(1, again.latencies().size());
                    System.out.printf("  round %d (%s first): API %.1f/s, raw JDBC %.1f/s, ratio %.2f; per API claim"
                            + " %.3f ms of the machine, of which the service's JIT compilers %.3f%n", round,
                            rawFirst ? "raw" : "API", again.rate(), raw.rate(), again.rate() / raw.rate(),
                            again.machineBusyNanos() / 1e6 / perClaim, again.jitCpuNanos() / 1e6 / perClaim);
                }
                System.out.printf("  ratio API / raw JDBC over %d rounds: median %.2f (target >= 0.6), each %s%n",
                        ratios.size(), median(ratios), ratios.stream().map(r -> String.format("%.2f", r)).toList());
            }

            // 3. decisions: every claimed application approved with a CAdES-BES signature (signed beforehand)
            List<ApplicationDetail> toDecide = new ArrayList<>(claimed);
            long signStart = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            List<String[]> bodies = approvals(toDecide, signing);
            double signMs = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
                    - signStart) / 1e6 / Math.max(1, bodies.size());
            System.out.printf("before the decisions: %s%n", awaitJitQuiet());
            AtomicInteger next = new AtomicInteger();
            Result decisions = load(clients, c -> {
                int i = next.getAndIncrement();
                if (i >= bodies.size()) {
                    return false;
                }
                check(post(server.url(), bodies.get(i)[0], tokens.get(c), bodies.get(i)[1]), 200);
                return true;
            });
            print("decisions via API", decisions, "(target >= 1000/s)");
            System.out.printf("  the officers' signatures: made after each claim, before the timed part (decidedAt within"
                    + " the 10-minute skew the service allows): %.2f ms of CPU each (document, CAdES-BES signature, JSON body), i.e. %.0f%% of"
                    + " one core at the decision rate above if signed in the loop%n", signMs,
                    signMs * decisions.rate() / 10);
            cpu("claims", api);
            cpu("decisions", decisions);
            perOperation("decision", decisions);
            double perDecision = decisions.machineBusyNanos() / 1e6 / Math.max(1, decisions.latencies().size());
            double jitPerDecision = decisions.jitCpuNanos() / 1e6 / Math.max(1, decisions.latencies().size());
            System.out.printf("  without the JIT compilers' share (the service's JVM still compiling the decision path: C2 takes a"
                    + " method after thousands of calls, a service running all day has done it once) the machine's %d"
                    + " cores would allow %.0f decisions/s%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors() * 1000 / Math.max(1e-9, perDecision - jitPerDecision));
            if (!laterClaims.isEmpty()) {
                decisionRounds(server.url(), tokens, signing, decisions, laterClaims);
            }
            verificationCeiling(warmDecisions, bodies, decisions);
            System.out.printf("national day: peak ×10 of ~5,500 replacements/day in 8 working hours = %.2f/s;"
                    + " margin: claims ×%.0f, decisions ×%.0f on this machine%n", NATIONAL_PEAK_PER_SECOND,
                    api.rate() / NATIONAL_PEAK_PER_SECOND, decisions.rate() / NATIONAL_PEAK_PER_SECOND);
            System.out.printf("load average (1 min) at the end: %.1f on %d cores (other work on the machine slows"
                    + " every figure; compare the ratios)%n", java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
            System.out.println("GET /metrics half-way through the claims (excerpt):");
            for (String line : scrape.get().split("\n")) {
                if (line.startsWith("qujat_claims_total") || line.startsWith("qujat_decisions_total")
                        || line.startsWith("qujat_queue_waiting{region=\"ASTANA\"")
                        || line.startsWith("qujat_outbox_backlog") || line.startsWith("hikaricp_connections_pending")
                        || line.startsWith("qujat_http_server_requests_seconds_count{method=\"POST\",route=\"/api/v1/queue/next\"")) {
                    System.out.println("  " + line);
                }
            }
            return 0;
        } finally {
            java.util.Arrays.fill(pw, '\0');
            if (embedded != null) {
                embedded.close();
            }
            if (tmp != null) {
                deleteTree(tmp);
            }
        }
    }

    /**
     * {@link #rounds}' decisions: the applications claimed through the API in rounds 2..R, each round's approved in
     * a timed phase of its own (signed beforehand, as round 1's), after the JIT compilers went quiet; prints each
     * round's rate with the machine's CPU per decision and the median of all R rounds (round 1's included).
     */
    private void decisionRounds(String url, List<String> tokens, SigningKey signing, Result first,
                                List<List<ApplicationDetail>> laterClaims) throws Exception {
        List<Double> rates = new ArrayList<>(List.of(first.rate()));
        int round = 1;
        for (List<ApplicationDetail> claims : laterClaims) {
            round++;
            List<String[]> bodies = approvals(claims, signing);
            awaitJitQuiet();
            AtomicInteger next = new AtomicInteger();
            Result r = load(tokens.size(), c -> {
                int i = next.getAndIncrement();
                if (i >= bodies.size()) {
                    return false;
                }
                check(post(url, bodies.get(i)[0], tokens.get(c), bodies.get(i)[1]), 200);
                return true;
            });
            double n = Math.max(1, r.latencies().size());
            rates.add(r.rate());
            System.out.printf("  decisions round %d: %d in %.2f s: %.1f/s  p50 %.1f ms  p99 %.1f ms; per decision %.3f ms"
                            + " of the machine, of which the service's JIT compilers %.3f%n", round, r.latencies().size(),
                    r.wallNanos() / 1e9, r.rate(), r.percentileMs(0.50), r.percentileMs(0.99),
                    r.machineBusyNanos() / 1e6 / n, r.jitCpuNanos() / 1e6 / n);
        }
        System.out.printf("  decisions over %d rounds: median %.1f/s (target >= 1000/s), each %s%n", rates.size(),
                median(rates), rates.stream().map(x -> String.format("%.1f", x)).toList());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    }

    /**
     * The ceiling signature verification alone sets, measured in the same run: the same signatures the decisions
     * carried, checked by a verifier of the service's trust folder and policy on as many threads as cores, with
     * nothing else (no HTTP, no database). Every one must verify.
     */
    private void verificationCeiling(List<String[]> warmBodies, List<String[]> bodies, Result decisions)
            throws Exception {
        CmsVerifier verifier = new CmsVerifier(TrustConfig.load(certs.resolve("trust")), java.time.Clock.systemUTC());
        int cores = Runtime.getRuntime().availableProcessors();
        // first the warm-up's signatures, not counted: this JVM's verification path as warm as the service's
        verifyAll(verifier, cores, warmBodies);
        awaitJitQuiet();
        Result alone = verifyAll(verifier, cores, bodies);
        double n = Math.max(1, alone.latencies().size());
        System.out.printf("verification alone %5d in %6.2f s: %8.1f/s on %d threads (%.3f ms of CPU each, this JVM;"
                + " the machine %.3f ms; after the warm-up's signatures, not counted): the ceiling signature"
                + " verification sets; decisions via the API reach %.2f of it%n",
                alone.latencies().size(), alone.wallNanos() / 1e9, alone.rate(), cores,
                (alone.processCpuNanos() - Math.max(0, alone.serviceJvmNanos())) / 1e6 / n,
                alone.machineBusyNanos() / 1e6 / n, decisions.rate() / alone.rate());
    }

    /** Every signature of {@code bodies} verified on {@code threads} threads, each must verify. */
    private Result verifyAll(CmsVerifier verifier, int threads, List<String[]> bodies) throws Exception {
        List<byte[][]> signed = new ArrayList<>();
        for (String[] body : bodies) {
            JsonNode json = mapper.readTree(body[1]);
            signed.add(new byte[][] {Base64.getDecoder().decode(json.get("document").asText()),
                Base64.getDecoder().decode(json.get("cms").asText())});
        }
        AtomicInteger next = new AtomicInteger();
        return load(threads, c -> {
            int i = next.getAndIncrement();
            if (i >= signed.size()) {
                return false;
            }
            VerificationResult r = verifier.verifyDetached(signed.get(i)[1], signed.get(i)[0], KeyPurpose.SIGNING);
            if (!r.valid()) {
                throw new IllegalStateException("a decision's signature does not verify: " + r.reason());
            }
            return true;
        });
    }

    /**
     * Waits until every committed audit event is in the hash chain (the running service's chainer links them after
     * their commits); returns how long that took, in nanoseconds.
     */
    static long awaitChained(kz.qujat.central.store.AuditStore audit) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(2).toNanos();
        while (audit.pending() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the audit chainer did not catch up within 2 minutes");
            }
            Thread.sleep(5);
        }
        return System.nanoTime() - start;
    }

    /** One worker's step: false when there is nothing left to do. */
    interface Step {
        boolean run(int client) throws Exception;
    }

    /**
     * One phase's operations and CPU: {@code processCpuNanos} is the bench's JVMs together (this one and, when the
     * service runs in its own, that one), {@code serviceJvmNanos} the service's own JVM alone, or -1 when the service
     * runs in this JVM (then the service is this JVM less the load client); the JIT and GC figures are the
     * service's JVM's.
     */
    record Result(List<Long> latencies, long wallNanos, long clientCpuNanos, long processCpuNanos,
                  long machineBusyNanos, long jitCpuNanos, long gcCpuNanos, long serviceJvmNanos) {
        Result(List<Long> latencies, long wallNanos) {
            this(latencies, wallNanos, 0, 0, 0, 0, 0, -1);
        }

        Result(List<Long> latencies, long wallNanos, long clientCpuNanos, long processCpuNanos, long machineBusyNanos,
               long jitCpuNanos, long gcCpuNanos) {
            this(latencies, wallNanos, clientCpuNanos, processCpuNanos, machineBusyNanos, jitCpuNanos, gcCpuNanos, -1);
        }

        double rate() {
            return latencies.size() / (wallNanos / 1e9);
        }

        double percentileMs(double p) {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
        }
    }

    /**
     * Waits until the JIT compilers of the service's JVM and of this one have used less than 10 ms of CPU in half a
     * second (2 % of one core), at most a minute; says how long that took and what they used meanwhile.
     */
    private String awaitJitQuiet() throws InterruptedException {
        long start = System.nanoTime();
        long first = jitNow();
        long before = first;
        while (System.nanoTime() - start < Duration.ofMinutes(1).toNanos()) {
            Thread.sleep(500);
            long now = jitNow();
            if (now - before < 10_000_000L) {
                return String.format("the JIT compilers went quiet after %.1f s (%.2f s of their CPU meanwhile)",
                        (System.nanoTime() - start) / 1e9, (now - first) / 1e9);
            }
            before = now;
        }
        return String.format("the JIT compilers still busy after a minute (%.2f s of their CPU meanwhile)",
                (jitNow() - first) / 1e9);
    }

    private long jitNow() {
        return jvmThreadsCpu(0, true) + (servicePid == 0 ? 0 : jvmThreadsCpu(servicePid, true));
    }

    /** The service's process id when it runs in its own JVM; 0 when it runs in this one. */
    private long servicePid;

    /** CPU counters read at a phase's start: this JVM, the service's own JVM, the machine, the service's JIT and GC. */
    private long[] counters() {
        long[] internal = servicePid == 0 ? jvmInternalCpu() : new long[] {jvmThreadsCpu(servicePid, true),
            jvmThreadsCpu(servicePid, false)};
        return new long[] {processCpu(), servicePid == 0 ? 0 : procCpu(servicePid), machineBusy(), internal[0],
            internal[1]};
    }

    private Result result(List<Long> latencies, long wall, long clientCpu, long[] before) {
        long[] after = counters();
        long service = after[1] - before[1];
        return new Result(latencies, wall, clientCpu, after[0] - before[0] + service, after[2] - before[2],
                after[3] - before[3], after[4] - before[4], servicePid == 0 ? -1 : service);
    }

    /** Runs {@code phase} (returning its latencies) with the CPU accounting of {@link #load}; no load client. */
    private Result measured(Callable<List<Long>> phase) throws Exception {
        long[] before = counters();
        long start = System.nanoTime();
        List<Long> latencies = phase.call();
        long wall = System.nanoTime() - start;
        return result(latencies, wall, 0, before);
    }

    /**
     * Where the machine's CPU went per operation of a phase: the load client's threads, the rest of this JVM (the
     * service: request threads, pool, audit chainer, GC and JIT), and the rest of the machine (PostgreSQL).
     */
    static String perOperationLine(String what, Result r) {
        double n = Math.max(1, r.latencies().size());
        if (r.serviceJvmNanos() >= 0) {
            return String.format("  CPU per %s: %.3f ms of the machine = load client %.3f + the bench JVM's other"
                    + " threads %.3f + service (its own JVM) %.3f (of which the JIT compilers %.3f, the GC %.3f) +"
                    + " PostgreSQL and the rest %.3f", what, r.machineBusyNanos() / 1e6 / n, r.clientCpuNanos() / 1e6 / n,
                    (r.processCpuNanos() - r.serviceJvmNanos() - r.clientCpuNanos()) / 1e6 / n,
                    r.serviceJvmNanos() / 1e6 / n, r.jitCpuNanos() / 1e6 / n, r.gcCpuNanos() / 1e6 / n,
                    (r.machineBusyNanos() - r.processCpuNanos()) / 1e6 / n);
        }
        return String.format("  CPU per %s: %.3f ms of the machine = load client %.3f + service (this JVM less the"
                + " load client) %.3f (of which the JIT compilers %.3f, the GC %.3f) + PostgreSQL and the rest %.3f",
                what, r.machineBusyNanos() / 1e6 / n, r.clientCpuNanos() / 1e6 / n,
                (r.processCpuNanos() - r.clientCpuNanos()) / 1e6 / n, r.jitCpuNanos() / 1e6 / n,
                r.gcCpuNanos() / 1e6 / n,
                (r.machineBusyNanos() - r.processCpuNanos()) / 1e6 / n);
    }

    private static void perOperation(String what, Result r) {
        System.out.println(perOperationLine(what, r));
    }

    private Result load(int clients, Step step) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        java.util.concurrent.atomic.AtomicLong clientCpu = new java.util.concurrent.atomic.AtomicLong();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long httpBefore = httpClientThreadsCpu();
        long[] before = counters();
        long start = System.nanoTime();
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int client = i;
                done.add(pool.submit(() -> {
                    long cpu0 = mx.getCurrentThreadCpuTime();
                    try {
                        while (true) {
                            long t = System.nanoTime();
                            if (!step.run(client)) {
                                return null;
                            }
                            latencies.add(System.nanoTime() - t);
                        }
                    } finally {
                        clientCpu.addAndGet(mx.getCurrentThreadCpuTime() - cpu0);
                    }
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long wall = System.nanoTime() - start;
        return result(new ArrayList<>(latencies), wall, clientCpu.get() + httpClientThreadsCpu() - httpBefore, before);
    }

    /** A signed approval (path and JSON body) of each application, as the officer's workstation makes it. */
    private List<String[]> approvals(List<ApplicationDetail> details, SigningKey signing) throws Exception {
        List<String[]> bodies = new ArrayList<>();
        for (ApplicationDetail d : details) {
            DecisionDocument doc = new DecisionDocument(d.id(), d.ticketNumber(), DecisionDocument.APPROVE, null,
                    null, Canonical.sha256Hex(Canonical.bytes(d.form())), d.photoSha256(), d.signatureSha256(),
                    d.policyVersion(), OFFICER_IIN, Instant.now());
            byte[] bytes = doc.canonicalBytes();
            byte[] cms = CmsSigner.signDetached(signing, bytes);
            bodies.add(new String[] {Paths.fill(Paths.DECISION, "id", d.id().toString()),
                mapper.writeValueAsString(Map.of("document", Base64.getEncoder().encodeToString(bytes),
                        "cms", Base64.getEncoder().encodeToString(cms)))});
        }
        return bodies;
    }

    /** The load client's share of the machine in a phase: its threads' CPU against wall time × cores. */
    private static void cpu(String phase, Result r) {
        int cores = Runtime.getRuntime().availableProcessors();
        double wall = r.wallNanos() / 1e9;
        System.out.printf("  CPU in the %s: load client %.3f s (%.0f%% of %d cores × %.2f s), the JVMs in all (client"
                + " + service) %.2f s, the machine %.2f s busy of %.2f s%n", phase, r.clientCpuNanos() / 1e9,
                100 * r.clientCpuNanos() / 1e9 / (cores * wall), cores, wall, r.processCpuNanos() / 1e9,
                r.machineBusyNanos() / 1e9, cores * wall);
    }

    /** CPU time of the threads of java.net.http's client (its selector and workers, shared by the load threads). */
    private static long httpClientThreadsCpu() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t != null && (t.getThreadName().startsWith("OkHttp") || t.getThreadName().startsWith("HttpClient-"))) {
                long n = mx.getThreadCpuTime(t.getThreadId());
                sum += Math.max(0, n);
            }
        }
        return sum;
    }

    /** CPU time of this JVM's JIT compilers and of its garbage collector (with the VM thread), in that order. */
    static long[] jvmInternalCpu() {
        return new long[] {jvmThreadsCpu(0, true), jvmThreadsCpu(0, false)};
    }

    /** CPU time (user + system) of process {@code pid} from /proc/PID/stat; 0 where absent. */
    static long procCpu(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L; // utime, stime; USER_HZ 100
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * CPU time of a JVM's own threads from /proc/PID/task (this JVM's: {@code pid} 0), which the management beans
     * do not list: its JIT compilers ({@code jit}) or its garbage collector and VM thread; 0 where absent.
     */
    static long jvmThreadsCpu(long pid, boolean jit) {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc/" + (pid == 0 ? "self" : Long.toString(pid)) + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(open + 1, close);
                    boolean compiler = name.startsWith("C1 ") || name.startsWith("C2 ");
                    boolean collector = name.startsWith("GC ") || name.startsWith("G1 ") || name.startsWith("VM Thread");
                    if (jit ? compiler : collector) {
                        String[] f = stat.substring(close + 2).split(" ");
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return ticks * 10_000_000L; // USER_HZ 100
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Busy CPU time of the whole machine from /proc/stat (user+nice+system+irq+softirq+steal), 0 where absent. */
    private static long machineBusy() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long ticks = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                ticks += Long.parseLong(f[i]);
            }
            return ticks * 10_000_000L; // USER_HZ 100
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static void print(String what, Result r, String note) {
        System.out.printf("%-18s %6d in %6.2f s: %8.1f/s  p50 %6.1f ms  p99 %6.1f ms %s%n", what, r.latencies().size(),
                r.wallNanos() / 1e9, r.rate(), r.percentileMs(0.50), r.percentileMs(0.99), note == null ? "" : note);
    }

    /**
     * The images every seeded application carries, made at first use: picocli creates every command's object
     * whenever {@code qujat} starts, so made in this class's own initialisation they would cost each start of any
     * command (~0.2 s of CPU encoding a JPEG and a PNG).
     */
    private static final class Images {
        static final byte[] PHOTO = noise("jpg", 600, 800, 1);
        static final byte[] SIGNATURE = noise("png", 400, 160, 2);
    }

    /** Images of realistic size: a portrait-sized noisy JPEG (~100 KB) and a signature PNG. */
    private static byte[] noise(String format, int w, int h, long seed) {
        BufferedImage img = new BufferedImage(w, h, "png".equals(format) ? BufferedImage.TYPE_BYTE_GRAY
                : BufferedImage.TYPE_INT_RGB);
        Random r = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = 128 + (int) (60 * Math.sin(x / 17.0) * Math.cos(y / 23.0)) + r.nextInt(24);
                img.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final AtomicInteger SERIAL = new AtomicInteger(1000);

    private void seed(Database database, Region region, int n) {
        ApplicationStore store = new ApplicationStore(database);
        String photoSha = Canonical.sha256Hex(Images.PHOTO);
        String signatureSha = Canonical.sha256Hex(Images.SIGNATURE);
        LocalDate today = KzTime.today(java.time.Clock.systemUTC());
        for (int i = 0; i < n; i++) {
            int serial = SERIAL.incrementAndGet();
            LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(serial % 12000);
            String iin = Iin.complete(Iin.prefix(birth, Iin.Sex.MALE, serial % 9000))
                    .or(() -> Iin.complete(Iin.prefix(birth, Iin.Sex.MALE, serial % 9000 + 1)))
                    .orElseThrow().value();
            String document = String.format("%09d", 50_000_000 + serial);
            ApplicationForm form = new ApplicationForm(iin, "БЕНЧМАРКОВ", "ТЕСТ", null, birth, "ID_CARD", "EXPIRY",
                    new IntakeRequest.CurrentDocument(document, today.plusDays(5)), region.name(), region.name() + "-01",
                    "PAY-" + serial, "+77010000000");
            JsonNode tree = mapper.valueToTree(form);
            ApplicationStore.Inserted in = store.insert(new ApplicationStore.NewApplication(iin, document, region,
                    region.name() + "-01", Canonical.string(tree), Images.PHOTO, photoSha, Images.SIGNATURE, signatureSha,
                    "DEMO-2026-04-01", today.plusDays(5), -5, Instant.now(), null, null), Tickets::format);
            if (in.outcome() != ApplicationStore.InsertOutcome.STORED) {
                throw new IllegalStateException("seeding refused: " + in.outcome());
            }
        }
    }

    private String login(String base, SigningKey auth) throws Exception {
        JsonNode challenge = mapper.readTree(check(post(base, Paths.CHALLENGE, null, ""), 200).body);
        byte[] nonce = Base64.getDecoder().decode(challenge.get("nonce").asText());
        byte[] cms = CmsSigner.signDetached(auth, nonce);
        Answer a = check(post(base, Paths.SESSION, null, mapper.writeValueAsString(Map.of(
                "challengeId", challenge.get("challengeId").asText(), "cms", Base64.getEncoder().encodeToString(cms)))), 200);
        return mapper.readTree(a.body).get("token").asText();
    }

    record Answer(int status, byte[] body) {
    }

    private static Answer check(Answer a, int status) {
        if (a.status != status) {
            throw new IllegalStateException("HTTP " + a.status + ": " + new String(a.body, StandardCharsets.UTF_8));
        }
        return a;
    }

    private Answer post(String base, String path, String token, String body) throws Exception {
        return send(base, "POST", path, token, body);
    }

    /** One request as the officers send them (JSON, their session); {@code body} null: none (GET). */
    private Answer send(String base, String method, String path, String token, String body) throws Exception {
        okhttp3.Request.Builder b = new okhttp3.Request.Builder().url(base + path).header("Content-Type", "application/json")
                .method(method, body == null ? null : okhttp3.RequestBody.create(body.getBytes(StandardCharsets.UTF_8), JSON));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try (okhttp3.Response r = http.newCall(b.build()).execute()) {
            return new Answer(r.code(), r.body() == null ? new byte[0] : r.body().bytes());
        }
    }

    private String get(String base, String path) throws Exception {
        return new String(send(base, "GET", path, null, null).body(), StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
