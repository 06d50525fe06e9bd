package kz.qujat.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.qujat.api.Paths;
import kz.qujat.testsupport.Await;
import kz.qujat.testsupport.Http;
import kz.qujat.testsupport.TestCentral;
import org.junit.jupiter.api.Test;

/** Prometheus /metrics shows what the operations team watches; /ready fails while the database is unreachable. */
class OperationsHttpTest {
    private static final String OFFICER = "officer-astana";

    @Test
    void metricsShowTheQueueTheCountersThePoolAndTheRoutes() throws Exception {
        try (TestCentral f = new TestCentral()) {
            f.submit("ASTANA");
            f.submit("ASTANA");
            f.submit("ALMATY");
            var bad = Applicants.valid("ASTANA");
            bad.put("iin", "123");
            assertThat(f.http.post(Paths.INTAKE, null, bad).status()).isEqualTo(400);
            Http.Answer next = f.http.post(Paths.QUEUE_NEXT, f.token(OFFICER), "");
            assertThat(next.status()).as(next.toString()).isEqualTo(200);

            Http.Answer scrape = f.http.get(Paths.METRICS, null);
            assertThat(scrape.status()).isEqualTo(200);
            assertThat(scrape.contentType()).startsWith("text/plain");
            String m = scrape.text();
            assertThat(value(m, "qujat_queue_waiting{region=\"ASTANA\"}")).isEqualTo(1.0);
            assertThat(value(m, "qujat_queue_waiting{region=\"ALMATY\"}")).isEqualTo(1.0);
            assertThat(value(m, "qujat_queue_waiting{region=\"KARAGANDA\"}")).isEqualTo(0.0);
            assertThat(value(m, "qujat_claims_held{region=\"ASTANA\"}")).isEqualTo(1.0);
            assertThat(value(m, "qujat_queue_oldest_waiting_seconds{region=\"ASTANA\"}")).isGreaterThanOrEqualTo(0.0);
            assertThat(value(m, "qujat_claims_total")).isEqualTo(1.0);
            assertThat(value(m, "qujat_intake_accepted_total")).isEqualTo(3.0);
            assertThat(value(m, "qujat_intake_refusals_total{reason=\"invalid-input\"}")).isEqualTo(1.0);
            assertThat(value(m, "qujat_outbox_backlog")).isEqualTo(0.0);
            assertThat(value(m, "qujat_database_up")).isEqualTo(1.0);
            assertThat(m).contains("hikaricp_connections_active").contains("hikaricp_connections_pending");
            assertThat(m).containsPattern("qujat_http_server_requests_seconds_count\\{method=\"POST\","
                    + "route=\"/api/v1/queue/next\",status=\"200\"} 1");
            // no personal data: the submitted IINs and names never appear
            assertThat(m).doesNotContain(Applicants.valid("ASTANA").get("surname").asText());
        }
    }

    @Test
    void readinessFailsWhileTheDatabaseRefusesConnectionsAndRecovers() throws Exception {
        try (TestCentral f = new TestCentral()) {
            assertThat(f.http.get(Paths.READY, null).status()).isEqualTo(200);
            String db = database(f);
            String admin = refuseConnections(f, db);
            try {
                Http.Answer down = f.http.get(Paths.READY, null);
                assertThat(down.status()).as(down.toString()).isEqualTo(503);
                assertThat(down.json().get("status").asText()).isEqualTo("NOT_READY");
                assertThat(f.http.get(Paths.HEALTH, null).status()).as("liveness stays up").isEqualTo(200);
            } finally {
                allow(admin, db);
            }
            Await.until(Duration.ofSeconds(60), "ready again", () -> f.http.get(Paths.READY, null).status() == 200);
        }
    }

    /**
     * An operator stops a service because its database is gone: the stop's last audit round must not wait out the
     * pool's 30-second connection timeout (it did: ~33 s from SIGTERM to exit, measured). The bound is the chainer's
     * 5 s plus the pool's own shutdown; 20 s is far above that and far below the 30 s wait the bug had.
     */
    @Test
    void aServiceWhoseDatabaseRefusesConnectionsStopsWithoutWaitingOutThePool() throws Exception {
        try (TestCentral f = new TestCentral()) {
            f.submit("ASTANA");
            String db = database(f);
            String admin = refuseConnections(f, db);
            try {
                // the service has noticed (its pooled connections are gone), so the stop must ask for a new one
                Await.until(Duration.ofSeconds(30), "not ready", () -> f.http.get(Paths.READY, null).status() == 503);
                assertTimeoutPreemptively(Duration.ofSeconds(20), f::stop,
                        "the stop waited for a database that refuses connections");
            } finally {
                allow(admin, db);
            }
            // nothing lost: a new instance on the same database chains whatever the stop left pending
            f.start();
            Await.until(Duration.ofSeconds(30), "the pending audit events chained",
                    () -> {
                        try {
                            return ((Number) f.scalar("SELECT count(*) FROM audit_pending")).longValue() == 0;
                        } catch (SQLException e) {
                            throw new AssertionError(e);
                        }
                    });
        }
    }

    private static String database(TestCentral f) {
        return f.jdbcUrl.replaceAll(".*/([^/?]+)(\\?.*)?$", "$1");
    }

    /** The service's database refuses new connections and its open ones are ended; returns the admin database's URL. */
    private static String refuseConnections(TestCentral f, String db) throws SQLException {
        String admin = f.jdbcUrl.replace("/" + db, "/postgres");
        try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
            st.execute("ALTER DATABASE " + db + " ALLOW_CONNECTIONS false");
            st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db + "'");
        }
        return admin;
    }

    private static void allow(String admin, String db) throws SQLException {
        try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
            st.execute("ALTER DATABASE " + db + " ALLOW_CONNECTIONS true");
        }
    }

    /** The value of one sample line {@code name{labels} value}. */
    static double value(String metrics, String sample) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(sample) + " (\\S+)$").matcher(metrics);
        if (!m.find()) {
            throw new AssertionError("no sample " + sample + " in\n" + metrics);
        }
        return Double.parseDouble(m.group(1));
    }
}
