package kz.qujat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kz.qujat.api.DecisionDocument;
import kz.qujat.api.Json;
import kz.qujat.api.Paths;
import kz.qujat.central.Applicants;
import kz.qujat.central.CentralConfig;
import kz.qujat.central.CentralServer;
import kz.qujat.client.StaffClient;
import kz.qujat.eds.CmsSigner;
import kz.qujat.production.ProductionConfig;
import kz.qujat.production.ProductionServer;
import kz.qujat.testsupport.Await;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three central instances on one PostgreSQL database, as behind a load balancer: two in this JVM (each with its
 * own server, pool, sweeper and relay) and one a real OS process that is SIGKILLed, plus the production node.
 * Nothing of the central service is shared but the database. Subclasses say which PostgreSQL: a server reached
 * by {@code jdbc:postgresql://} (CI starts Debian's), or the embedded one.
 */
abstract class MultiInstanceSuite {
    private static final Duration WAIT = Duration.ofSeconds(120);
    /** Long enough that no claim expires while the claimers run on a busy machine. */
    private static final Duration CLAIM_TTL = Duration.ofMinutes(30);
    /** A patient client: 64 at once against three instances on a small, busy machine. */
    private static final okhttp3.OkHttpClient PATIENT = new okhttp3.OkHttpClient.Builder()
            .readTimeout(Duration.ofSeconds(120)).callTimeout(Duration.ofSeconds(180)).build();
    /** Longer than the slow process instance needs for a whole batch (20 orders × 400 ms), short for the test. */
    private static final Duration LEASE = Duration.ofSeconds(20);
    private final List<CentralServer> inJvm = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ServiceProcess process;
    private ProductionServer production;
    private ProductionConfig productionConfig;
    private SlowLink slowLink;
    private Databases db;
    private List<String> urls;
    private Sql central;
    private Sql produced;

    /** The two databases (central, production) and the credentials the programs get from the environment. */
    record Databases(String centralUrl, String productionUrl, String user, String password) {
        /** The URL with the credentials in it, for the servers started in this JVM. */
        String withCredentials(String url) {
            if (user == null) {
                return url;
            }
            return url + (url.contains("?") ? "&" : "?") + "user=" + user + "&password=" + password;
        }
    }

    /** Fresh, empty databases for one test. */
    abstract Databases databases() throws Exception;

    @BeforeEach
    void start() throws Exception {
        db = databases();
        central = new Sql(db.withCredentials(db.centralUrl()));
        produced = new Sql(db.withCredentials(db.productionUrl()));
        int productionPort = FreePorts.next();
        Path work = Files.createDirectories(Path.of(System.getProperty("qujat.testWork", "target/test-work"),
                "multi-instance-" + System.nanoTime()));
        Path feedKey = Files.writeString(work.resolve("feed.key"), Actors.FEED_KEY);
        // the process first: it runs the migrations; the others find the schema up to date (Flyway locks)
        int processPort = FreePorts.next();
        // the process reaches production through a slow link (each request held 400 ms), so it is caught mid-delivery
        slowLink = new SlowLink(productionPort, 400);
        Map<String, String> env = new HashMap<>(Map.of("QUJAT_KEY_PASSWORD", DevIdentities.PASSWORD));
        if (db.user() != null) {
            env.put("QUJAT_DB_USER", db.user());
            env.put("QUJAT_DB_PASSWORD", db.password());
        }
        process = new ServiceProcess("central-c", processPort, List.of("central", "--port", String.valueOf(processPort),
                "--db", db.centralUrl(), "--trust", abs("trust"), "--staff", abs("staff-dev.csv"),
                "--registry-feed-key-file", feedKey.toString(), "--production", "http://127.0.0.1:" + slowLink.port(),
                "--key", abs("central-service.p12"), "--peer-cert", abs("production-node.crt"),
                "--claim-ttl", CLAIM_TTL.toString(), "--relay-lease", LEASE.toString(), "--sweep-interval", "PT0.5S"),
                env, work.resolve("central-c.log"));
        process.start(Duration.ofSeconds(240));
        for (int i = 0; i < 2; i++) {
            inJvm.add(CentralServer.start(CentralConfig.builder().port(0).db(db.withCredentials(db.centralUrl()))
                    .trustDir(DevIdentities.file("trust")).staffFile(DevIdentities.file("staff-dev.csv"))
                    .registryFeedKey(Actors.FEED_KEY).production(URI.create("http://127.0.0.1:" + productionPort))
                    .key(DevIdentities.file("central-service.p12"), DevIdentities.PASSWORD.toCharArray())
                    .peerCert(DevIdentities.file("production-node.crt")).relayInterval(Duration.ofMillis(1500))
                    .relayLease(LEASE).claimTtl(CLAIM_TTL).sweepInterval(Duration.ofMillis(500)).build()));
        }
        urls = List.of(inJvm.get(0).url(), inJvm.get(1).url(), process.url());
        productionConfig = new ProductionConfig(productionPort, db.withCredentials(db.productionUrl()),
                DevIdentities.trust(), DevIdentities.signingKey("production-node"),
                DevIdentities.certificate("central-service.crt"), urls.get(0), Duration.ofHours(1),
                Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofSeconds(2), TestClock.live());
        production = ProductionServer.start(productionConfig);
    }

    @AfterEach
    void stop() {
        if (production != null) {
            production.stop();
        }
        inJvm.forEach(CentralServer::stop);
        if (process != null) {
            process.close();
        }
        if (slowLink != null) {
            try {
                slowLink.close();
            } catch (java.io.IOException ignored) {
                // nothing listens any more
            }
        }
    }

    @Test
    void sixtyFourClaimersOverThreeInstancesNeverGetTheSameApplication() throws Exception {
        int applications = 150;
        submit(applications);
        int claimers = 64;
        ExecutorService pool = Executors.newFixedThreadPool(claimers);
        Map<UUID, String> claimedBy = new ConcurrentHashMap<>();
        List<String> duplicates = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            List<StaffClient> officers = new ArrayList<>();
            for (int i = 0; i < claimers; i++) {
                // each claimer with a session of its own, made on its instance
                StaffClient officer = new StaffClient(urls.get(i % urls.size()), PATIENT);
                officer.login(DevIdentities.authenticationKey("officer-astana"));
                officers.add(officer);
            }
            for (int i = 0; i < claimers; i++) {
                StaffClient officer = officers.get(i);
                String who = "claimer-" + i + "@" + (i % urls.size());
                done.add(pool.submit(() -> {
                    go.await();
                    int n = 0;
                    for (var next = officer.next(); next.isPresent(); next = officer.next()) {
                        String before = claimedBy.putIfAbsent(next.get().id(), who);
                        if (before != null) {
                            synchronized (duplicates) {
                                duplicates.add(next.get().id() + " to " + before + " and " + who);
                            }
                        }
                        n++;
                    }
                    return n;
                }));
            }
            go.countDown();
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get(5, TimeUnit.MINUTES);
            }
            assertThat(duplicates).isEmpty();
            assertThat(total).isEqualTo(applications);
            assertThat(claimedBy).hasSize(applications);
        } finally {
            pool.shutdownNow();
        }
        assertThat(central.count("SELECT count(*) FROM application WHERE status = 'IN_REVIEW'")).isEqualTo(applications);
        assertThat(central.count("SELECT count(*) FROM history WHERE event = 'CLAIM'")).isEqualTo(applications);
        // every instance served claims
        for (int i = 0; i < urls.size(); i++) {
            int instance = i;
            assertThat(claimedBy.values().stream().filter(w -> w.endsWith("@" + instance)).count()).isPositive();
        }
    }

    @Test
    void aChallengeAndASessionMadeOnOneInstanceWorkOnceOnAnother() throws Exception {
        submit(1);
        JsonNode challenge = post(urls.get(0), Paths.CHALLENGE, null, "").json();
        byte[] nonce = Base64.getDecoder().decode(challenge.get("nonce").asText());
        byte[] cms = CmsSigner.signDetached(DevIdentities.authenticationKey("officer-astana"), nonce);
        String login = Json.mapper().writeValueAsString(Map.of("challengeId", challenge.get("challengeId").asText(),
                "cms", Base64.getEncoder().encodeToString(cms)));
        Answer session = post(urls.get(1), Paths.SESSION, null, login);
        assertThat(session.status()).as(session.body()).isEqualTo(200);
        Answer replay = post(urls.get(2), Paths.SESSION, null, login);
        assertThat(replay.status()).as("the challenge is used up on every instance").isEqualTo(401);
        assertThat(post(urls.get(0), Paths.SESSION, null, login).status()).isEqualTo(401);

        String token = session.json().get("token").asText();
        for (String url : urls) {
            assertThat(get(url, Paths.QUEUE, token).status()).as("session from instance 1 at " + url).isEqualTo(200);
        }
        Answer claimed = post(urls.get(2), Paths.QUEUE_NEXT, token, "");
        assertThat(claimed.status()).isEqualTo(200);
        UUID id = UUID.fromString(claimed.json().get("id").asText());
        assertThat(get(urls.get(0), Paths.fill(Paths.APPLICATION, "id", id.toString()), token).json()
                .get("claimedBy").get("officerIin").asText()).isEqualTo("850314312017");
    }

    @Test
    void theRelaysDeliverEachApprovalExactlyOnceEvenWhenOneInstanceIsKilledMidDelivery() throws Exception {
        int count = 24;
        submit(count);
        StaffClient officer = new StaffClient(urls.get(0), PATIENT);
        officer.login(DevIdentities.authenticationKey("officer-astana"));
        Set<UUID> approved = new HashSet<>();
        // production is down while the approvals are made: they wait in the outbox, then go out together
        production.stop();
        production = null;
        for (int i = 0; i < count; i++) {
            approved.add(Actors.decideNext(officer, DecisionDocument.APPROVE, null));
        }
        production = ProductionServer.start(productionConfig);
        // SIGKILL the process instance while its relay holds orders it has not finished sending
        Await.until(WAIT, "the process instance mid-delivery", () ->
                produced.count("SELECT count(*) FROM orders") >= 1
                        && central.count("SELECT count(*) FROM outbox WHERE delivered_at IS NULL"
                        + " AND next_attempt_at > now() + interval '10 seconds'") >= 2);
        process.kill();
        long receivedAtKill = produced.count("SELECT count(*) FROM orders");
        Thread.sleep(1000);
        long orphaned = central.count("SELECT count(*) FROM outbox WHERE delivered_at IS NULL"
                + " AND next_attempt_at > now()");
        assertThat(receivedAtKill).as("the kill came while deliveries were going on").isLessThan(count);
        assertThat(orphaned).as("orders the killed instance had leased and not marked").isPositive();

        Await.until(WAIT, "every approval at production", () ->
                produced.count("SELECT count(*) FROM orders") == count);
        Await.until(WAIT, "every outbox row marked delivered", () ->
                central.count("SELECT count(*) FROM outbox WHERE delivered_at IS NULL") == 0);
        assertThat(produced.count("SELECT count(DISTINCT application_id) FROM orders")).isEqualTo(count);
        for (UUID id : approved) {
            assertThat(produced.count("SELECT count(*) FROM orders WHERE application_id = ?", id)).isEqualTo(1);
            assertThat(central.count("SELECT count(*) FROM history WHERE application_id = ? AND event = ?",
                    id, "PRODUCTION_ACCEPTED")).as("accepted once: %s", id).isEqualTo(1);
        }
        assertThat(central.count("SELECT count(*) FROM application WHERE status = 'IN_PRODUCTION'")).isEqualTo(count);
        // a repeat reaching production (an order sent but not marked, or sent by a survivor while the slow
        // instance still held it past its lease) is acknowledged as a duplicate and produces nothing
        String metrics = get(production.url(), Paths.METRICS, null).body();
        assertThat(sample(metrics, "qujat_production_orders_received_total{outcome=\"created\"}")).isEqualTo(count);
        assertThat(sample(metrics, "qujat_production_orders_received_total{outcome=\"duplicate\"}"))
                .isLessThan(count / 2.0);
    }

    @Test
    void claimsExpireWhicheverInstanceSweeps() throws Exception {
        submit(3);
        StaffClient officer = new StaffClient(urls.get(2), PATIENT);
        officer.login(DevIdentities.authenticationKey("officer-astana"));
        UUID a = officer.next().orElseThrow().id();
        UUID b = officer.next().orElseThrow().id();
        // the instance that made the claims dies; then their time runs out, and the two others sweep
        process.kill();
        assertThat(central.count("SELECT count(*) FROM application WHERE status = 'IN_REVIEW'")).isEqualTo(2);
        assertThat(central.count("WITH x AS (UPDATE application SET claim_expires_at ="
                + " now() - interval '1 second' WHERE status = 'IN_REVIEW' RETURNING 1) SELECT count(*) FROM x")).isEqualTo(2);
        Await.until(WAIT, "both claims expired", () -> central.count(
                "SELECT count(*) FROM application WHERE status = 'SUBMITTED'") == 3);
        for (UUID id : List.of(a, b)) {
            assertThat(central.count("SELECT count(*) FROM history WHERE application_id = ? AND event = ?",
                    id, "CLAIM_EXPIRED")).as("expired exactly once").isEqualTo(1);
            assertThat(central.text("SELECT claimed_by FROM application WHERE id = ?", id)).isNull();
        }
        double expired = 0;
        for (CentralServer s : inJvm) {
            expired += sample(get(s.url(), Paths.METRICS, null).body(), "qujat_claim_expiries_total");
        }
        assertThat(expired).as("the sweepers together expired each claim once").isEqualTo(2.0);
        // a surviving instance hands the application out again
        StaffClient again = new StaffClient(urls.get(0), PATIENT);
        again.login(DevIdentities.authenticationKey("officer-astana"));
        assertThat(again.next()).isPresent();
    }

    /** Submits n eligible Astana applications (small images: the intake checks are not what is tested here). */
    private void submit(int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Answer>> done = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String url = urls.get(i % urls.size());
                String body = Json.mapper().writeValueAsString(Applicants.valid("ASTANA"));
                done.add(pool.submit(() -> post(url, Paths.INTAKE, null, body)));
            }
            for (Future<Answer> f : done) {
                Answer a = f.get(5, TimeUnit.MINUTES);
                assertThat(a.status()).as(a.body()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(central.count("SELECT count(*) FROM application")).isEqualTo(n);
    }

    record Answer(int status, String body) {
        JsonNode json() throws Exception {
            return Json.mapper().readTree(body);
        }
    }

    private Answer post(String base, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    private Answer get(String base, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    private static double sample(String metrics, String name) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        return 0;
    }

    private static String abs(String certsDevFile) {
        return DevIdentities.file(certsDevFile).toAbsolutePath().toString();
    }
}
