import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A/B of the claim's transaction between two builds ({@code ClaimStore.claimNextAndRead}, no HTTP): usage
 * {@code ClaimAB BLOCKS CLAIMS_PER_BLOCK OLD_CLASSES NEW_CLASSES SEED_CLASSES} (see the README, "Benchmarks"). Old and
 * new classes in one JVM (a class loader each, one database), claiming in alternating blocks on one connection each,
 * so the host's drift weighs on both alike.
 */
public class ClaimAB {
    static final class Side extends AbSupport.Side {
        final Object store;
        final Method claim;
        final Object region;

        Side(String name, String classes, String url) throws Exception {
            super(name);
            ClassLoader l = AbSupport.build(classes);
            Class<?> dbc = l.loadClass("kz.qujat.store.Database");
            Object db = dbc.getMethod("open", String.class, String.class, int.class).invoke(null, url, "central", 2);
            Class<?> cs = l.loadClass("kz.qujat.central.store.ClaimStore");
            store = cs.getConstructor(dbc).newInstance(db);
            Class<?> rc = l.loadClass("kz.qujat.domain.Region");
            region = rc.getField("ASTANA").get(null);
            claim = cs.getMethod("claimNextAndRead", rc, String.class, String.class, Instant.class, Duration.class);
        }

        @Override
        void one() throws Exception {
            Optional<?> o = (Optional<?>) claim.invoke(store, region, "850314312017", "OFFICER", Instant.now(),
                    Duration.ofHours(1));
            if (o.isEmpty()) {
                throw new IllegalStateException("queue empty");
            }
        }
    }

    public static void main(String[] a) throws Exception {
        int blocks = Integer.parseInt(a[0]);
        int k = Integer.parseInt(a[1]);
        String url = AbSupport.seededDatabase(a[3], a[4], "claimab", 2 * (blocks + 4) * k);
        Side old = new Side("old", a[2], url);
        Side neu = new Side("new", a[3], url);
        AbSupport.alternate("claims", old, neu, blocks, k);
        System.exit(0);
    }
}
