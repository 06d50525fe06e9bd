import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
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

    static final class Side extends AbSupport.Side {
        final Object store;
        final Method decide;
        final Object check;
        final List<UUID> ids;
        int next;

        Side(String name, String classes, String url, List<UUID> ids) throws Exception {
            super(name);
            this.ids = ids;
            ClassLoader l = AbSupport.build(classes);
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

        @Override
        void one() throws Exception {
            Object result = decide.invoke(store, ids.get(next++), check, Instant.now());
            if (!result.toString().contains("DONE")) {
                throw new IllegalStateException(totals.name + ": " + result);
            }
        }
    }

    public static void main(String[] a) throws Exception {
        int blocks = Integer.parseInt(a[0]);
        int k = Integer.parseInt(a[1]);
        String url = AbSupport.seededDatabase(a[3], a[4], "decisionab", 2 * (blocks + 2) * k);
        List<UUID> odd = new ArrayList<>();
        List<UUID> even = new ArrayList<>();
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
        Side old = new Side("old", a[2], url, even);
        Side neu = new Side("new", a[3], url, odd);
        AbSupport.alternate("approvals", old, neu, blocks, k);
        System.exit(0);
    }
}
