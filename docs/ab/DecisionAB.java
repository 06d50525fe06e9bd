import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A/B of recording an approval between two builds ({@code DecisionStore.decide}: the database part of a decision, no
 * HTTP, no signature check): usage {@code DecisionAB BLOCKS DECISIONS_PER_BLOCK OLD_CLASSES NEW_CLASSES SEED_CLASSES}
 * (see the README, "Benchmarks"). Old and new classes in one JVM (a class loader each, one database), every application
 * claimed by one officer beforehand, approvals recorded in alternating blocks on one connection each, with a document,
 * CMS and order of the sizes real ones have (0.6, 3.1 and 5.5 KB): wall time, this thread's CPU and PostgreSQL's CPU
 * per approval, summed per side.
 */
public class DecisionAB {
    static final String OFFICER = "850314312017";

    static class Side {
        final String name; final Object store; final Method decide; final Object check; final List<UUID> ids;
        double wall, cpu, pg; long n; int next;
        Side(String name, String classes, ClassLoader parent, String url, List<UUID> ids) throws Exception {
            this.name = name;
            this.ids = ids;
            ClassLoader l = new URLClassLoader(new URL[] {Path.of(classes).toUri().toURL()}, parent);
            Thread.currentThread().setContextClassLoader(l);
            Class<?> dbc = l.loadClass("kz.qujat.store.Database");
            Object db = dbc.getMethod("open", String.class, String.class, int.class).invoke(null, url, "central", 2);
            Class<?> ds = l.loadClass("kz.qujat.central.store.DecisionStore");
            Class<?> texts = l.loadClass("kz.qujat.central.store.NoticeTexts");
            Object noTexts = Proxy.newProxyInstance(l, new Class<?>[] {texts}, (p, m, a) -> null);
            store = ds.getConstructor(dbc, texts).newInstance(db, noTexts);
            Class<?> checkType = l.loadClass("kz.qujat.central.store.DecisionStore$Check");
            Class<?> decision = l.loadClass("kz.qujat.central.store.DecisionStore$Decision");
            Constructor<?> make = decision.getConstructors()[0];
            Random r = new Random(7);
            byte[] document = new byte[600], cms = new byte[3100];
            r.nextBytes(document);
            r.nextBytes(cms);
            String payload = "{\"order\":\"" + "x".repeat(5500) + "\"}";
            check = Proxy.newProxyInstance(l, new Class<?>[] {checkType}, (p, m, a) -> {
                if (!m.getName().equals("check")) {
                    return m.invoke(this, a);
                }
                UUID id = (UUID) a[0].getClass().getMethod("id").invoke(a[0]);
                return make.newInstance(id, "APPROVE", null, null, OFFICER, Instant.now(), document, cms, null, null,
                        payload, 0L, null);
            });
            decide = ds.getMethod("decide", UUID.class, checkType, Instant.class);
        }

        void block(int k) throws Exception {
            long pg0 = pgCpu(), c0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(), t0 = System.nanoTime();
            for (int i = 0; i < k; i++) {
                Object result = decide.invoke(store, ids.get(next++), check, Instant.now());
                if (!result.toString().contains("DONE")) {
                    throw new IllegalStateException(name + ": " + result);
                }
            }
            long t1 = System.nanoTime(), c1 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(), pg1 = pgCpu();
            wall += (t1 - t0) / 1e3; cpu += (c1 - c0) / 1e3; pg += (pg1 - pg0) * 1e4; n += k;
        }
    }

    static long pgCpu() throws Exception {
        long ticks = 0;
        try (var s = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (!p.getFileName().toString().chars().allMatch(Character::isDigit)) continue;
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
        int perSide = (blocks + 2) * k;
        Path tmp = Files.createTempDirectory("decisionab");
        ClassLoader app = DecisionAB.class.getClassLoader();
        ClassLoader seedLoader = new URLClassLoader(new URL[] {Path.of(a[3]).toUri().toURL(), Path.of(a[4]).toUri().toURL()}, app);
        Thread.currentThread().setContextClassLoader(seedLoader);
        Class<?> es = seedLoader.loadClass("kz.qujat.store.EmbeddedServer");
        AutoCloseable pg = (AutoCloseable) es.getMethod("start", Path.class).invoke(null, tmp);
        String url = (String) es.getMethod("jdbcUrl", String.class).invoke(pg, "da");
        Class<?> dbc = seedLoader.loadClass("kz.qujat.store.Database");
        try (AutoCloseable db = (AutoCloseable) dbc.getMethod("open", String.class, String.class, int.class).invoke(null, url, "central", 2)) {
            seedLoader.loadClass("ClaimSeed").getMethod("seed", dbc, int.class).invoke(null, db, 2 * perSide);
        }
        List<UUID> odd = new ArrayList<>(), even = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("UPDATE application SET status = 'IN_REVIEW', claimed_by = '" + OFFICER
                    + "', claimed_at = now(), claim_expires_at = now() + interval '1 day'");
            try (ResultSet rs = c.createStatement().executeQuery("SELECT id FROM application ORDER BY seq")) {
                for (int i = 0; rs.next(); i++) {
                    (i % 2 == 0 ? even : odd).add(rs.getObject(1, UUID.class));
                }
            }
            c.createStatement().execute("VACUUM ANALYZE");
        }
        Side old = new Side("old", a[2], app, url, even), neu = new Side("new", a[3], app, url, odd);
        for (int w = 0; w < 2; w++) { old.block(k); neu.block(k); }
        old.wall = old.cpu = old.pg = neu.wall = neu.cpu = neu.pg = 0; old.n = neu.n = 0;
        for (int b = 0; b < blocks; b++) {
            if (b % 2 == 0) { old.block(k); neu.block(k); } else { neu.block(k); old.block(k); }
        }
        for (Side s : List.of(old, neu)) {
            System.out.printf("%s: %d approvals, wall %.1f us each, deciding thread's CPU %.1f us each, PostgreSQL CPU %.1f us each%n",
                    s.name, s.n, s.wall / s.n, s.cpu / s.n, s.pg / s.n);
        }
        System.out.printf("new/old: wall %.3f, thread CPU %.3f, PostgreSQL CPU %.3f%n", neu.wall / old.wall, neu.cpu / old.cpu, neu.pg / old.pg);
        System.exit(0);
    }
}
