package kz.qujat.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import kz.qujat.testsupport.Requires;
import org.junit.jupiter.api.Assumptions;

/**
 * The multi-instance suite on a PostgreSQL server, as in production: {@code QUJAT_TEST_PG_URL}
 * ({@code jdbc:postgresql://host:port/db}), {@code QUJAT_TEST_PG_USER} and {@code QUJAT_TEST_PG_PASSWORD} name a
 * server and a user allowed to create databases ({@code .ci/run} installs Debian's {@code postgresql} and starts
 * one). Without them: skipped with one line outside CI, a failure in CI.
 */
class MultiInstanceServerTest extends MultiInstanceSuite {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static boolean said;

    @Override
    Databases databases() throws Exception {
        String url = System.getenv("QUJAT_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            String message = "no PostgreSQL server given (QUJAT_TEST_PG_URL; apt-get install postgresql, see .ci/run)";
            if (Requires.inCi()) {
                throw new AssertionError("required in CI: " + message);
            }
            if (!said) {
                said = true;
                System.err.println("SKIPPED: " + message);
            }
            Assumptions.abort(message);
        }
        String user = System.getenv("QUJAT_TEST_PG_USER");
        String password = System.getenv().getOrDefault("QUJAT_TEST_PG_PASSWORD", "");
        String base = url.replaceAll("/[^/?]*(\\?.*)?$", "/");
        String prefix = "qujat_mi_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + prefix + "_central");
            st.execute("CREATE DATABASE " + prefix + "_production");
        }
        return new Databases(base + prefix + "_central", base + prefix + "_production", user, password);
    }
}
