import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.*;
import java.time.*;
import java.util.*;

/**
 * A/B of the claim's transaction between two builds ({@code ClaimStore.claimNextAndRead}, no HTTP): usage
 * {@code ClaimAB BLOCKS CLAIMS_PER_BLOCK OLD_CLASSES NEW_CLASSES SEED_CLASSES} (see the README, "Benchmarks").
 * Old and new ClaimStore classes in one JVM (a class loader each, one database), claiming in alternating blocks on
 * one connection each, so the host's drift weighs on both alike: wall time, this thread's CPU and PostgreSQL's CPU
 * per claim, summed per side.
 */
public class ClaimAB {
    static class Side {
        final String name; final Object store; final Method claim; final Object region;
        double wall, cpu, pg; long n;
        Side(String name, String classes, ClassLoader parent, String url) throws Exception {
            this.name = name;
            ClassLoader l = new URLClassLoader(new URL[] {Path.of(classes).toUri().toURL()}, parent);
            Thread.currentThread().setContextClassLoader(l);
            Class<?> dbc = l.loadClass("kz.qujat.store.Database");
            Object db = dbc.getMethod("open", String.class, String.class, int.class).invoke(null, url, "central", 2);
            Class<?> cs = l.loadClass("kz.qujat.central.store.ClaimStore");
            store = cs.getConstructor(dbc).newInstance(db);
            Class<?> rc = l.loadClass("kz.qujat.domain.Region");
            region = rc.getField("ASTANA").get(null);
            claim = cs.getMethod("claimNextAndRead", rc, String.class, String.class, Instant.class, Duration.class);
        }
        void block(int k) throws Exception {
            long pg0 = pgCpu(), c0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(), t0 = System.nanoTime();
            for (int i = 0; i < k; i++) {
                Optional<?> o = (Optional<?>) claim.invoke(store, region, "850314312017", "OFFICER", Instant.now(), Duration.ofHours(1));
                if (o.isEmpty()) throw new IllegalStateException("queue empty");
            }
            long t1 = System.nanoTime(), c1 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(), pg1 = pgCpu();
            wall += (t1 - t0) / 1e3; cpu += (c1 - c0) / 1e3; pg += (pg1 - pg0) * 1e4; n += k;
        }
    }

    static long pgCpu() throws Exception {
        long ticks = 0;
        try (var s = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) continue;
                try {
                    if (!Files.readString(p.resolve("comm")).trim().startsWith("postgres")) continue;
                    String st = Files.readString(p.resolve("stat"));
                    String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                } catch (Exception e) { }
            }
        }
        return ticks;
    }

    public static void main(String[] a) throws Exception {
        int blocks = Integer.parseInt(a[0]), k = Integer.parseInt(a[1]);
        Path tmp = Files.createTempDirectory("claimab");
        ClassLoader app = ClaimAB.class.getClassLoader();
        ClassLoader seedLoader = new URLClassLoader(new URL[] {Path.of(a[3]).toUri().toURL(), Path.of(a[4]).toUri().toURL()}, app);
        Thread.currentThread().setContextClassLoader(seedLoader);
        Class<?> es = seedLoader.loadClass("kz.qujat.store.EmbeddedServer");
        AutoCloseable pg = (AutoCloseable) es.getMethod("start", Path.class).invoke(null, tmp);
        String url = (String) es.getMethod("jdbcUrl", String.class).invoke(pg, "cl");
        Class<?> dbc = seedLoader.loadClass("kz.qujat.store.Database");
        try (AutoCloseable db = (AutoCloseable) dbc.getMethod("open", String.class, String.class, int.class).invoke(null, url, "central", 2)) {
            seedLoader.loadClass("ClaimSeed").getMethod("seed", dbc, int.class).invoke(null, db, 2 * (blocks + 4) * k);
        }
        Side old = new Side("old", a[2], app, url), neu = new Side("new", a[3], app, url);
        for (int w = 0; w < 2; w++) { old.block(k); neu.block(k); }
        old.wall = old.cpu = old.pg = neu.wall = neu.cpu = neu.pg = 0; old.n = neu.n = 0;
        for (int b = 0; b < blocks; b++) {
            if (b % 2 == 0) { old.block(k); neu.block(k); } else { neu.block(k); old.block(k); }
        }
        for (Side s : List.of(old, neu)) {
            System.out.printf("%s: %d claims, wall %.1f us/claim, claiming thread's CPU %.1f us/claim, PostgreSQL CPU %.1f us/claim%n",
                    s.name, s.n, s.wall / s.n, s.cpu / s.n, s.pg / s.n);
        }
        System.out.printf("new/old: wall %.3f, thread CPU %.3f, PostgreSQL CPU %.3f%n", neu.wall / old.wall, neu.cpu / old.cpu, neu.pg / old.pg);
        System.exit(0);
    }
}
