import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/** What ClaimAB and DecisionAB share: one side's running totals, PostgreSQL's CPU, the embedded database, the report. */
final class AbSupport {
    private AbSupport() {
    }

    /** One side of an A/B: wall time, this thread's CPU and PostgreSQL's CPU, in microseconds, over n operations. */
    static final class Totals {
        final String name;
        double wall, cpu, pg;
        long n;
        private long pg0, cpu0, t0;

        Totals(String name) {
            this.name = name;
        }

        void begin() throws Exception {
            pg0 = pgCpu();
            cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            t0 = System.nanoTime();
        }

        void end(int k) throws Exception {
            long t1 = System.nanoTime(), c1 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(), pg1 = pgCpu();
            wall += (t1 - t0) / 1e3;
            cpu += (c1 - cpu0) / 1e3;
            pg += (pg1 - pg0) * 1e4;
            n += k;
        }

        void reset() {
            wall = cpu = pg = 0;
            n = 0;
        }
    }

    /** CPU ticks (1/100 s) of every PostgreSQL process on the machine. */
    static long pgCpu() throws Exception {
        long ticks = 0;
        try (var s = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (!p.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    if (!Files.readString(p.resolve("comm")).trim().startsWith("postgres")) {
                        continue;
                    }
                    String st = Files.readString(p.resolve("stat"));
                    String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                } catch (Exception e) {
                    // the process ended meanwhile
                }
            }
        }
        return ticks;
    }

    /**
     * Starts an embedded PostgreSQL with the new build's classes and seeds {@code applications} waiting ones with
     * ClaimSeed; returns its JDBC URL (the server lives until the JVM exits).
     */
    static String seededDatabase(String newClasses, String seedClasses, String name, int applications) throws Exception {
        ClassLoader seedLoader = new URLClassLoader(new URL[] {Path.of(newClasses).toUri().toURL(),
            Path.of(seedClasses).toUri().toURL()}, AbSupport.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(seedLoader);
        Class<?> es = seedLoader.loadClass("kz.qujat.store.EmbeddedServer");
        Object pg = es.getMethod("start", Path.class).invoke(null, Files.createTempDirectory(name));
        String url = (String) es.getMethod("jdbcUrl", String.class).invoke(pg, name);
        Class<?> dbc = seedLoader.loadClass("kz.qujat.store.Database");
        try (AutoCloseable db = (AutoCloseable) dbc.getMethod("open", String.class, String.class, int.class)
                .invoke(null, url, "central", 2)) {
            seedLoader.loadClass("ClaimSeed").getMethod("seed", dbc, int.class).invoke(null, db, applications);
        }
        return url;
    }

    /** A class loader for one build's classes, made the context loader (Flyway finds the migrations through it). */
    static ClassLoader build(String classes) throws Exception {
        ClassLoader l = new URLClassLoader(new URL[] {Path.of(classes).toUri().toURL()}, AbSupport.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(l);
        return l;
    }

    /** One side: its operation, run in blocks of k counted in its totals. */
    abstract static class Side {
        final Totals totals;

        Side(String name) {
            totals = new Totals(name);
        }

        /** One operation; throws when it did not do what it should. */
        abstract void one() throws Exception;

        void block(int k) throws Exception {
            totals.begin();
            for (int i = 0; i < k; i++) {
                one();
            }
            totals.end(k);
        }

        Totals totals() {
            return totals;
        }
    }

    /** Two warm-up blocks a side, then {@code blocks} pairs, the side going first alternating; prints the report. */
    static void alternate(String what, Side old, Side neu, int blocks, int k) throws Exception {
        for (int w = 0; w < 2; w++) {
            old.block(k);
            neu.block(k);
        }
        old.totals().reset();
        neu.totals().reset();
        for (int b = 0; b < blocks; b++) {
            Side first = b % 2 == 0 ? old : neu;
            Side second = first == old ? neu : old;
            first.block(k);
            second.block(k);
        }
        report(what, old.totals(), neu.totals());
    }

    static void report(String what, Totals old, Totals neu) {
        for (Totals s : new Totals[] {old, neu}) {
            System.out.printf("%s: %d %s, wall %.1f us each, this thread's CPU %.1f us each, PostgreSQL CPU %.1f us each%n",
                    s.name, s.n, what, s.wall / s.n, s.cpu / s.n, s.pg / s.n);
        }
        System.out.printf("new/old: wall %.3f, thread CPU %.3f, PostgreSQL CPU %.3f%n", neu.wall / old.wall,
                neu.cpu / old.cpu, neu.pg / old.pg);
    }
}
