package kz.qujat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import kz.qujat.api.ApplicationDetail;
import kz.qujat.api.DecisionDocument;
import kz.qujat.api.Paths;
import kz.qujat.client.CentralException;
import kz.qujat.client.StaffClient;
import kz.qujat.testsupport.Await;
import kz.qujat.testsupport.DevIdentities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost, nothing twice — also when a database dies. Central and production run as OS processes, each on
 * its own durable embedded PostgreSQL, while an officer approves applications one after another; at random
 * moments a fault strikes: central killed, production killed, central's PostgreSQL killed, production's
 * PostgreSQL killed, or all four at once (a power cut), each with SIGKILL. Afterwards every approval that was
 * answered 200 must be recorded, ordered once, produced once, READY once, with one card number on both sides.
 * {@code -Dqujat.fault.approvals=N} sets the number of approvals: 300 in CI (env {@code CI} set), 40 on a
 * developer's machine, where central's restarts and the intake checks are slow under other builds.
 */
class FaultInjectionE2eTest {
    private static final int APPROVALS = Integer.getInteger("qujat.fault.approvals",
            System.getenv("CI") != null ? 300 : 40);
    private static final int FAULTS = Math.max(5, APPROVALS / 15);
    /**
     * How long the approvals may take to settle after the last one ({@code -Dqujat.fault.settleSeconds}). A late
     * fault can legitimately cost a relay lease (60 s), the relay's and the reporter's longest backoff (60 s each)
     * and a restart on a slow machine; 360 s leaves room for that, and a settling stuck for good still fails, with
     * a report of what it left behind.
     */
    private static final Duration SETTLE = Duration.ofSeconds(Long.getLong("qujat.fault.settleSeconds", 360));

    enum Fault { CENTRAL, PRODUCTION, CENTRAL_DB, PRODUCTION_DB, ALL }

    private final List<ServiceProcess> processes = new ArrayList<>();
    private final List<Path> databases = new ArrayList<>();

    @AfterEach
    void killAll() throws Exception {
        for (ServiceProcess p : processes) {
            p.kill();
        }
        // a killed server leaves its embedded PostgreSQL running: stop those too, so no test leaves an orphan
        for (Path db : databases) {
            killPostgres(db);
        }
    }

    @Test
    void everyApprovalAnswered200IsOrderedProducedAndReadyExactlyOnceThroughKills() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("qujat.testWork", "target/test-work"),
                "fault-" + System.nanoTime()));
        Path feedKey = Files.writeString(work.resolve("feed.key"), Actors.FEED_KEY);
        int centralPort = FreePorts.next();
        int productionPort = FreePorts.next();
        Path centralDb = work.resolve("central-db");
        Path productionDb = work.resolve("production-db");
        databases.add(centralDb);
        databases.add(productionDb);
        Map<String, String> env = Map.of("QUJAT_KEY_PASSWORD", DevIdentities.PASSWORD);
        ServiceProcess central = process(new ServiceProcess("central", centralPort, List.of("central",
                "--port", String.valueOf(centralPort), "--db", "embedded:" + centralDb, "--trust", abs("trust"),
                "--staff", abs("staff-dev.csv"), "--registry-feed-key-file", feedKey.toString(),
                "--production", "http://127.0.0.1:" + productionPort, "--key", abs("central-service.p12"),
                "--peer-cert", abs("production-node.crt")), env, work.resolve("central.log")));
        ServiceProcess production = process(new ServiceProcess("production", productionPort, List.of("production",
                "--port", String.valueOf(productionPort), "--db", "embedded:" + productionDb, "--trust", abs("trust"),
                "--key", abs("production-node.p12"), "--peer-cert", abs("central-service.crt"),
                "--central", "http://127.0.0.1:" + centralPort, "--production-time", "PT1S"), env,
                work.resolve("production.log")));
        production.start();
        central.start();

        long seed = Long.getLong("qujat.fault.seed", System.nanoTime());
        Random random = new Random(seed);
        Actors actors = new Actors(central.url(), seed);
        Set<UUID> answered200 = ConcurrentHashMap.newKeySet();
        Map<Fault, Integer> faults = new EnumMap<>(Fault.class);
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> faultFailure = new AtomicReference<>();

        List<Integer> moments = new ArrayList<>();
        for (int i = 0; i < FAULTS; i++) {
            moments.add(1 + random.nextInt(APPROVALS - 1));
        }
        Collections.sort(moments);
        List<Fault> kinds = new ArrayList<>();
        for (int i = 0; i < FAULTS; i++) {
            kinds.add(Fault.values()[i % Fault.values().length]);
        }
        Collections.shuffle(kinds, random);
        Thread striker = new Thread(() -> {
            try {
                for (int i = 0; i < FAULTS && !done.get(); i++) {
                    int at = moments.get(i);
                    while (answered200.size() < at && !done.get()) {
                        Thread.sleep(20);
                    }
                    Thread.sleep(random.nextInt(400));   // somewhere inside the next approval
                    Fault f = kinds.get(i);
                    strike(f, central, production, centralDb, productionDb);
                    faults.merge(f, 1, Integer::sum);
                }
            } catch (Throwable t) {
                faultFailure.set(t);
            }
        }, "fault-striker");
        striker.start();

        Instant started = Instant.now();
        StaffClient officer = null;
        int waiting = 0;
        try {
            // until the approvals are made and every fault has struck: a fault due near the end (or right after
            // another, whose restart took a while) must not be skipped because the approvals got there first
            while (answered200.size() < APPROVALS
                    || (striker.isAlive() && faultFailure.get() == null && answered200.size() < 2 * APPROVALS)) {
                assertThat(faultFailure.get()).as("the fault striker failed").isNull();
                try {
                    if (officer == null) {
                        officer = actors.officer();
                    }
                    if (waiting < 3) {
                        for (int i = 0; i < 10; i++) {
                            actors.submit();
                            waiting++;
                        }
                    }
                    Optional<ApplicationDetail> claimed = officer.next();
                    if (claimed.isEmpty()) {
                        waiting = 0;
                        continue;
                    }
                    ApplicationDetail detail = officer.detail(claimed.get().id());
                    byte[] photo = officer.image(Paths.PHOTO, detail.id());
                    byte[] signature = officer.image(Paths.SIGNATURE, detail.id());
                    officer.decide(detail, photo, signature, DecisionDocument.APPROVE, null, "",
                            DevIdentities.signingKey("officer-astana"), Instant.now());
                    answered200.add(detail.id());
                    waiting--;
                } catch (CentralException e) {
                    if (e.status() == 401) {
                        officer = null;
                    }
                    Thread.sleep(100);   // a fault is being handled; try again
                }
            }
        } finally {
            done.set(true);
            striker.join(Duration.ofMinutes(3).toMillis());
        }
        assertThat(faultFailure.get()).isNull();
        Duration approving = Duration.between(started, Instant.now());

        try {
            Await.until(SETTLE, "every approval answered 200 READY_FOR_PICKUP", () ->
                    sql(centralDb, "qujat_central").count("SELECT count(*) FROM application WHERE status = 'READY_FOR_PICKUP'"
                            + " AND id = ANY (?)", (Object) answered200.toArray(new UUID[0])) == answered200.size());
            Await.until(SETTLE, "production has reported every order", () ->
                    sql(productionDb, "qujat_production").count("SELECT count(*) FROM orders WHERE status <> 'REPORTED'") == 0);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " (seed " + seed + ", faults " + faults + ")\n"
                    + unsettled(answered200, central, production, centralDb, productionDb, work), e);
        }

        Sql c = sql(centralDb, "qujat_central");
        Sql p = sql(productionDb, "qujat_production");
        UUID[] ids = answered200.toArray(new UUID[0]);
        long lost = answered200.size() - c.count("SELECT count(*) FROM decision WHERE application_id = ANY (?)"
                + " AND decision = 'APPROVE'", (Object) ids);
        long notOrderedOnce = c.count("SELECT count(*) FROM (SELECT a.id FROM unnest(?::uuid[]) a(id) LEFT JOIN outbox o"
                + " ON o.application_id = a.id GROUP BY a.id HAVING count(o.application_id) <> 1) x", (Object) ids);
        long notProducedOnce = answered200.size() - p.count("SELECT count(*) FROM orders WHERE application_id = ANY (?)"
                + " AND document_number IS NOT NULL", (Object) ids);
        long readyTwice = c.count("SELECT count(*) FROM (SELECT application_id FROM history WHERE to_status ="
                + " 'READY_FOR_PICKUP' GROUP BY application_id HAVING count(*) > 1) x");
        long numbersDiffer = 0;
        Set<String> numbers = new HashSet<>();
        for (UUID id : answered200) {
            String there = p.text("SELECT document_number FROM orders WHERE application_id = ?", id);
            String here = c.text("SELECT new_document_number FROM application WHERE id = ?", id);
            if (there == null || !there.equals(here)) {
                numbersDiffer++;
            }
            numbers.add(there);
        }
        long orderedNotApproved = p.count("SELECT count(*) FROM orders") - c.count("SELECT count(*) FROM application"
                + " WHERE status IN ('APPROVED', 'IN_PRODUCTION', 'READY_FOR_PICKUP', 'ISSUED')");
        String figures = String.format("fault test: %d approvals answered 200 in %d s, %d faults %s, lost %d,"
                + " not ordered exactly once %d, not produced %d, READY twice %d, card numbers differing %d,"
                + " orders beyond central's approvals %d, seed %d", answered200.size(), approving.toSeconds(),
                faults.values().stream().mapToInt(Integer::intValue).sum(), faults, lost, notOrderedOnce,
                notProducedOnce, readyTwice, numbersDiffer, orderedNotApproved, seed);
        System.out.println(figures);
        Files.writeString(work.resolve("figures.txt"), figures + "\n", StandardCharsets.UTF_8);

        assertThat(faults.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(FAULTS);
        assertThat(lost).as(figures).isZero();
        assertThat(notOrderedOnce).as(figures).isZero();
        assertThat(notProducedOnce).as(figures).isZero();
        assertThat(readyTwice).as(figures).isZero();
        assertThat(numbersDiffer).as(figures).isZero();
        assertThat(numbers).as(figures).hasSize(answered200.size());
        assertThat(p.count("SELECT count(DISTINCT document_number) FROM orders")).isEqualTo(p.count("SELECT count(*) FROM orders"));
        assertThat(orderedNotApproved).as(figures).isZero();
    }

    /**
     * What a settling that timed out left behind, for the failure's report: the unsettled approvals on both sides
     * (status, the outbox row's attempts, refusals, parking and last error; production's order and its report),
     * whether each process is alive, and the warnings at the end of each server's log.
     */
    private static String unsettled(Set<UUID> answered200, ServiceProcess central, ServiceProcess production,
            Path centralDb, Path productionDb, Path work) {
        UUID[] ids = answered200.toArray(new UUID[0]);
        StringBuilder out = new StringBuilder();
        out.append("central alive ").append(central.isAlive()).append(", production alive ").append(production.isAlive())
                .append(", central PostgreSQL ").append(postmasterState(centralDb)).append(", production PostgreSQL ")
                .append(postmasterState(productionDb)).append('\n');
        out.append("central, unsettled (id | status | attempts | refusals | next attempt | delivered | parked | last error):\n");
        List<String> central0 = sql(centralDb, "qujat_central").rows("SELECT a.id, a.status, o.attempts, o.refusals,"
                + " o.next_attempt_at, o.delivered_at, o.parked_at, o.last_error FROM application a LEFT JOIN outbox o"
                + " ON o.application_id = a.id WHERE a.id = ANY (?) AND a.status <> 'READY_FOR_PICKUP'"
                + " ORDER BY a.id LIMIT 20", (Object) ids);
        central0.forEach(r -> out.append("  ").append(r).append('\n'));
        out.append("production, unreported (id | status | produce after | report attempts | next report | last error):\n");
        sql(productionDb, "qujat_production").rows("SELECT application_id, status, produce_after, report_attempts,"
                + " next_report_at, last_error FROM orders WHERE status <> 'REPORTED' ORDER BY application_id LIMIT 20")
                .forEach(r -> out.append("  ").append(r).append('\n'));
        for (String log : List.of("central.log", "production.log")) {
            out.append(log).append(", its last warnings:\n");
            try {
                List<String> lines = Files.readAllLines(work.resolve(log), StandardCharsets.UTF_8).stream()
                        .filter(l -> l.contains(" WARN ") || l.contains(" ERROR ") || l.startsWith("Exception")
                                || l.contains("started"))
                        .toList();
                lines.subList(Math.max(0, lines.size() - 25), lines.size())
                        .forEach(l -> out.append("  ").append(l, 0, Math.min(l.length(), 300)).append('\n'));
            } catch (IOException | RuntimeException e) {
                out.append("  not readable: ").append(e.getMessage()).append('\n');
            }
        }
        return out.toString();
    }

    private static String postmasterState(Path db) {
        try {
            return postmaster(db).map(p -> "running (pid " + p.pid() + ")").orElse("not running");
        } catch (IOException e) {
            return "unknown: " + e.getMessage();
        }
    }

    /** One fault: SIGKILL of a server (then its restart), of a server's PostgreSQL (its server restarts it), or of all. */
    private static void strike(Fault f, ServiceProcess central, ServiceProcess production, Path centralDb,
            Path productionDb) throws Exception {
        switch (f) {
            case CENTRAL -> {
                central.kill();
                central.start();
            }
            case PRODUCTION -> {
                production.kill();
                production.start();
            }
            case CENTRAL_DB -> killPostgres(centralDb);
            case PRODUCTION_DB -> killPostgres(productionDb);
            case ALL -> {
                central.kill();
                production.kill();
                killPostgres(centralDb);
                killPostgres(productionDb);
                production.start();
                central.start();
            }
            default -> throw new IllegalStateException();
        }
    }

    private static void killPostgres(Path db) throws Exception {
        Optional<ProcessHandle> postmaster = postmaster(db);
        if (postmaster.isEmpty()) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(postmaster.get().descendants().toList());
        postmaster.get().destroyForcibly();
        all.forEach(ProcessHandle::destroyForcibly);
        postmaster.get().onExit().get();
    }

    private static Optional<ProcessHandle> postmaster(Path db) throws IOException {
        Path pid = db.resolve("pgdata").resolve("postmaster.pid");
        if (!Files.exists(pid)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pid);
        return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                .filter(ProcessHandle::isAlive);
    }

    /** The database as it is now (its port changes when PostgreSQL is started again). */
    private static Sql sql(Path db, String name) {
        try {
            List<String> lines = Files.readAllLines(db.resolve("pgdata").resolve("postmaster.pid"));
            return new Sql("jdbc:postgresql://localhost:" + lines.get(3).trim() + "/" + name + "?user=postgres");
        } catch (IOException | IndexOutOfBoundsException e) {
            return new Sql("jdbc:postgresql://localhost:1/none");
        }
    }

    private ServiceProcess process(ServiceProcess p) {
        processes.add(p);
        return p;
    }

    private static String abs(String certsDevFile) {
        return DevIdentities.file(certsDevFile).toAbsolutePath().toString();
    }
}
