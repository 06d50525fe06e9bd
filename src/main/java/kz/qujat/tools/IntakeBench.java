package kz.qujat.tools;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import kz.qujat.api.IntakeRequest;
import kz.qujat.client.CentralClient;
import kz.qujat.domain.KzTime;
import kz.qujat.domain.Region;
import kz.qujat.tools.synthetic.SyntheticApplicant;
import kz.qujat.tools.synthetic.SyntheticApplicants;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code qujat bench intake}: realistic portal submissions (synthetic portraits and signatures, made before the
 * clock starts) sent by {@code --clients} concurrent portal connections to a running central service, which runs
 * every check on each (validation, eligibility, image headers, the photo and signature checks). Prints the
 * accepted rate with p50/p99 latency.
 */
@Command(name = "intake", mixinStandardHelpOptions = true,
        description = "Intake throughput of a running central service with every check on.")
final class IntakeBench implements Callable<Integer> {
    /**
     * {@link #steady}: submissions per round; the rounds end after two in a row in which the service's JIT compilers
     * used under this share of its CPU (a share the machine's own noise spreads as much), or after {@link #MAX_ROUNDS}.
     */
    private static final int ROUND = 400;
    private static final double QUIET_JIT_SHARE = 0.02;
    private static final int MAX_ROUNDS = 30;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--central", required = true, description = "Base URL of the central service.")
    String central;

    @Option(names = "--applications", defaultValue = "200", description = "Submissions (default ${DEFAULT-VALUE}).")
    int applications;

    @Option(names = "--clients", defaultValue = "8", description = "Concurrent submitters (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--warmup", defaultValue = "40", description = "Submissions of further applicants before the clock"
            + " starts (default ${DEFAULT-VALUE}), so that neither this client nor the service compiles its submission"
            + " path inside the timed ones; the register feed covers them too.")
    int warmup;

    @Option(names = "--steady", description = "After the warm-up, further rounds of 400 submissions before the clock"
            + " (new people with the warm-up's images, so they cost this client little; fed to the register first"
            + " like the others) until the service's JIT compilers (--central-pid, required) used under 2 %% of its CPU"
            + " in two rounds in a row, at most 30 rounds: the service as after a day of work. A method the"
            + " service runs once per application is compiled by C2 only after thousands of applications, so without"
            + " it the timed ones pay for compiling too (the share is printed either way).")
    boolean steady;

    @Option(names = "--seed", defaultValue = "13", description = "Seed of the synthetic applicants.")
    long seed;

    @Option(names = "--registry-feed-key-file", paramLabel = "FILE", description = "The central service's population"
            + " register feed key: each applicant is put into the register first (with the photo on their current"
            + " card), so the same-person check runs on every submission; without it that check has nothing to"
            + " compare and is skipped.")
    java.nio.file.Path feedKeyFile;

    @Option(names = "--central-pid", paramLabel = "PID", description = "The central service's process id when it runs on"
            + " this (Linux) machine: its CPU time during the run is printed per application, next to this client's.")
    Long centralPid;

    @Option(names = "--database-pid", paramLabel = "PID", description = "The central service's PostgreSQL server"
            + " (postmaster) process id when it runs on this (Linux) machine (the embedded one: pgrep -f 'bin/postgres"
            + " -D DIR/pgdata'): its CPU time and its backends' during the run is printed per application.")
    Long databasePid;

    @Override
    public Integer call() throws Exception {
        if (steady && centralPid == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--steady needs --central-pid: it watches the service's JIT compilers");
        }
        if (centralPid != null && !java.nio.file.Files.isRegularFile(java.nio.file.Path.of("/proc", centralPid.toString(), "stat"))) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--central-pid " + centralPid + ": no such process on this machine");
        }
        CentralClient portal = new CentralClient(central);
        // before painting a single applicant (seconds of this client's CPU): a service that is not there is said at once
        try {
            portal.health();
        } catch (kz.qujat.client.CentralException e) {
            spec.commandLine().getErr().println("bench intake: " + IntakeCommand.describe(e));
            return 1;
        }
        SyntheticApplicants people = SyntheticApplicants.forSubmission(seed, KzTime.today(Clock.systemUTC()), 0);
        List<IntakeRequest> requests = new ArrayList<>();
        List<kz.qujat.api.RegistryPerson> registered = new ArrayList<>();
        Region[] regions = {Region.ASTANA, Region.ALMATY, Region.KARAGANDA};
        List<IntakeRequest> warmups = new ArrayList<>();
        List<SyntheticApplicant> models = new ArrayList<>();
        for (int i = 0; i < applications + warmup; i++) {
            SyntheticApplicant p = people.next(regions[i % regions.length]);
            (i < warmup ? warmups : requests).add(p.toIntakeRequest());
            registered.add(feedKeyFile == null ? null : p.toRegistryPerson());
            if (models.size() < 40) {
                models.add(p);
            }
        }
        if (feedKeyFile != null) {
            feed(portal, registered, true);
        }
        int refusedBefore = warmups.isEmpty() ? 0 : submitAll(portal, warmups, new ConcurrentLinkedQueue<>());
        if (!warmups.isEmpty()) {
            System.out.printf("warm-up (before the clock): %d submissions, %d refused%n", warmups.size(), refusedBefore);
        }
        if (steady) {
            steadyState(portal, people, models, regions);
        }
        System.out.println(awaitJitQuiet());
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long centralCpu0 = cpuMillis(centralPid);
        long databaseCpu0 = treeCpuMillis(databasePid);
        long clientCpu0 = os.getProcessCpuTime();
        long clientJit0 = compilersCpuMillis(null);
        long centralJit0 = compilersCpuMillis(centralPid);
        long start = System.nanoTime();
        int refused = submitAll(portal, requests, latencies);
        double seconds = (System.nanoTime() - start) / 1e9;
        long centralCpu = cpuMillis(centralPid) - centralCpu0;
        long databaseCpu = treeCpuMillis(databasePid) - databaseCpu0;
        long clientCpu = (os.getProcessCpuTime() - clientCpu0) / 1_000_000;
        long clientJit = compilersCpuMillis(null) - clientJit0;
        long centralJit = compilersCpuMillis(centralPid) - centralJit0;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("intake: %d accepted, %d refused in %.2f s with %d clients: %.1f applications/s"
                        + "  p50 %.0f ms  p99 %.0f ms (target >= 60/s); same-person check %s; load average %.1f on %d"
                        + " cores%n", sorted.size(), refused, seconds, clients,
                sorted.size() / seconds, pct(sorted, 0.5), pct(sorted, 0.99),
                feedKeyFile == null ? "skipped (no --registry-feed-key-file)" : "on every submission",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        if (centralPid != null) {
            int n = Math.max(1, sorted.size() + refused);
            int cores = Runtime.getRuntime().availableProcessors();
            String database = databasePid == null ? "not measured (--database-pid)"
                    : String.format(java.util.Locale.ROOT, "%.1f ms", (double) databaseCpu / n);
            System.out.printf("CPU per application: central service %.1f ms (HTTP, JSON, both images decoded and checked,"
                            + " the photo suite with YuNet, the submitted face described and compared with the register"
                            + " face kept by the feed when the register has one, the store; of which its JIT compilers"
                            + " %.1f ms), its PostgreSQL %s, this"
                            + " client %.1f ms (of which its JIT compilers %.1f ms); %d cores: at most %.0f applications/s"
                            + " if nothing else ran%n",
                    (double) centralCpu / n, (double) centralJit / n, database, (double) clientCpu / n, (double) clientJit / n, cores,
                    cores * 1000.0 * n / Math.max(1, centralCpu + databaseCpu + clientCpu));
        }
        return refused == 0 && refusedBefore == 0 ? 0 : 1;
    }

    /** Sends {@code requests} from {@link #clients} concurrent connections, each latency to {@code latencies}; the refused. */
    private int submitAll(CentralClient portal, List<IntakeRequest> requests, ConcurrentLinkedQueue<Long> latencies)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                        long t = System.nanoTime();
                        try {
                            portal.submit(requests.get(i));
                            latencies.add(System.nanoTime() - t);
                        } catch (kz.qujat.client.CentralException e) {
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return refused.get();
    }

    /**
     * Puts every applicant into the population register before the clock starts, as the register's feed does ahead
     * of any application: the central service checks each record's images and describes its photo's face once (kept
     * with the record for the same-person check). Its cost is printed: the register pays it once per citizen.
     */
    private void feed(CentralClient portal, List<kz.qujat.api.RegistryPerson> registered, boolean print) throws Exception {
        char[] key = java.nio.file.Files.readString(feedKeyFile).strip().toCharArray();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long cpu0 = cpuMillis(centralPid);
        long start = System.nanoTime();
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<Void>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < registered.size(); i = next.getAndIncrement()) {
                        portal.putRegistryPerson(registered.get(i), key);
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            java.util.Arrays.fill(key, '\0');
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!print) {
            return;
        }
        System.out.printf("register feed (before the clock): %d records in %.2f s%s; each record's photo checked and its"
                        + " face described once, kept with the record for the same-person check%n", registered.size(),
                seconds, centralPid == null ? "" : String.format(java.util.Locale.ROOT,
                        ", central service CPU %.1f ms per record", (double) (cpuMillis(centralPid) - cpu0)
                                / Math.max(1, registered.size())));
    }

    /**
     * {@link #steady}'s rounds: each of {@value #ROUND} new people with the images of {@code models} in turn, fed to
     * the register (when the key is given) and submitted; stops once the service's JIT compilers used under
     * {@value #QUIET_JIT_SHARE} of its CPU in two rounds in a row, or after {@value #MAX_ROUNDS} rounds. Prints each.
     */
    private void steadyState(CentralClient portal, SyntheticApplicants people, List<SyntheticApplicant> models,
                             Region[] regions) throws Exception {
        int quiet = 0;
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            List<IntakeRequest> batch = new ArrayList<>();
            List<kz.qujat.api.RegistryPerson> records = new ArrayList<>();
            for (int i = 0; i < ROUND; i++) {
                SyntheticApplicant p = people.withImagesOf(models.get(i % models.size()), regions[i % regions.length]);
                batch.add(p.toIntakeRequest());
                records.add(p.toRegistryPerson());
            }
            long jit0 = compilersCpuMillis(centralPid);
            long cpu0 = cpuMillis(centralPid);
            long start = System.nanoTime();
            if (feedKeyFile != null) {
                feed(portal, records, false);
            }
            int refused = submitAll(portal, batch, new ConcurrentLinkedQueue<>());
            double jit = (double) (compilersCpuMillis(centralPid) - jit0) / ROUND;
            double cpu = (double) (cpuMillis(centralPid) - cpu0) / ROUND;
            System.out.printf(java.util.Locale.ROOT, "steady-state round %d (before the clock): %d submissions, %d"
                            + " refused, %.1f s; the service's CPU %.1f ms per application (register record included),"
                            + " its JIT compilers' %.2f ms%n", round, ROUND, refused,
                    (System.nanoTime() - start) / 1e9, cpu, jit);
            quiet = jit < QUIET_JIT_SHARE * cpu ? quiet + 1 : 0;
            if (quiet == 2) {
                return;
            }
        }
        System.out.printf("the service's JIT compilers were still busy after %d rounds; the clock starts anyway%n",
                MAX_ROUNDS);
    }

    /**
     * Waits, before the clock, until the JIT compilers of this client (still compiling what made the applicants and
     * fed the register) and of the central service ({@code --central-pid}) have used less than 10 ms of CPU in half a
     * second, at most a minute: on a shared machine their work would otherwise be counted in the timed submissions
     * (an outside portal's compilers are not on the service's machine). Says how long that took.
     */
    private String awaitJitQuiet() throws InterruptedException, java.io.IOException {
        long start = System.nanoTime();
        long first = compilersCpuMillis(null) + compilersCpuMillis(centralPid);
        long before = first;
        while (System.nanoTime() - start < java.time.Duration.ofMinutes(1).toNanos()) {
            Thread.sleep(500);
            long now = compilersCpuMillis(null) + compilersCpuMillis(centralPid);
            if (now - before < 10) {
                return String.format(java.util.Locale.ROOT, "the JIT compilers (this client's%s) went quiet after %.1f s"
                                + " (%d ms of their CPU meanwhile)", centralPid == null ? "" : " and the service's",
                        (System.nanoTime() - start) / 1e9, now - first);
            }
            before = now;
        }
        return "the JIT compilers are still busy after a minute; the timed submissions start anyway";
    }

    /**
     * CPU time of the JIT compiler threads (C1, C2) of a JVM from /proc/PID/task (Linux; null: this JVM), in ms; 0
     * where that cannot be read.
     */
    private static long compilersCpuMillis(Long pid) throws java.io.IOException {
        java.nio.file.Path tasks = java.nio.file.Path.of("/proc", pid == null ? "self" : pid.toString(), "task");
        if (!java.nio.file.Files.isDirectory(tasks)) {
            return 0;
        }
        long ticks = 0;
        try (var list = java.nio.file.Files.newDirectoryStream(tasks)) {
            for (java.nio.file.Path task : list) {
                try {
                    String stat = java.nio.file.Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("C1 ") || name.startsWith("C2 ")) {
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // a thread that ended while the list was read
                }
            }
        }
        return ticks * 10;
    }

    /** User + system CPU time of a process from /proc (Linux), in ms; 0 without a pid. */
    private static long cpuMillis(Long pid) throws java.io.IOException {
        if (pid == null) {
            return 0;
        }
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid.toString(), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields 14 and 15 of stat (utime, stime), counted after the command name: 12 and 13 here; clock ticks of 10 ms
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    /**
     * CPU time of process {@code pid} and its descendants (a PostgreSQL server and its backends), in ms: each living
     * one by its own and its reaped children's time, from /proc (Linux); 0 without a pid.
     */
    private static long treeCpuMillis(Long pid) throws java.io.IOException {
        if (pid == null) {
            return 0;
        }
        java.util.Map<Long, List<long[]>> children = new java.util.HashMap<>();
        try (var procs = java.nio.file.Files.newDirectoryStream(java.nio.file.Path.of("/proc"), "[0-9]*")) {
            for (java.nio.file.Path p : procs) {
                try {
                    String stat = java.nio.file.Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // ppid, then utime, stime, cutime, cstime (fields 4, 14-17 of stat)
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13])
                            + Long.parseLong(f[14]);
                    children.computeIfAbsent(Long.parseLong(f[1]), k -> new ArrayList<>())
                            .add(new long[] {Long.parseLong(p.getFileName().toString()), ticks});
                } catch (java.io.IOException | RuntimeException gone) {
                    // a process that ended while the table was read
                }
            }
        }
        String own = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid.toString(), "stat"));
        String[] o = own.substring(own.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(o[11]) + Long.parseLong(o[12]) + Long.parseLong(o[13]) + Long.parseLong(o[14]);
        java.util.ArrayDeque<Long> todo = new java.util.ArrayDeque<>(List.of(pid));
        while (!todo.isEmpty()) {
            for (long[] c : children.getOrDefault(todo.pop(), List.of())) {
                ticks += c[1];
                todo.push(c[0]);
            }
        }
        return ticks * 10;
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN
                : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
