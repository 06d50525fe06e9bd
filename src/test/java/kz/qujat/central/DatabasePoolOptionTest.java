package kz.qujat.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import kz.qujat.Main;
import kz.qujat.api.Paths;
import kz.qujat.store.Database;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.TestCentral;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --db-pool}: how many connections the service keeps to its database, an operator's setting. */
class DatabasePoolOptionTest {

    @Test
    void theServiceKeepsThePoolItIsGivenAndShowsItInTheMetrics() throws Exception {
        try (TestCentral f = new TestCentral(b -> b.dbPool(3))) {
            assertThat(f.server().dbPoolSize()).isEqualTo(3);
            String metrics = f.http.get(Paths.METRICS, null).text();
            assertThat(OperationsHttpTest.value(metrics, "hikaricp_connections_max{pool=\"qujat-central\"}"))
                    .isEqualTo(3.0);
            // and the claim path works through it
            f.submit("ASTANA");
            assertThat(f.http.post(Paths.QUEUE_NEXT, f.token("officer-astana"), "").status()).isEqualTo(200);
        }
    }

    @Test
    void byDefaultTheServiceKeepsTenConnections() throws Exception {
        try (TestCentral f = new TestCentral()) {
            assertThat(f.server().dbPoolSize()).isEqualTo(Database.DEFAULT_POOL_SIZE).isEqualTo(10);
        }
    }

    @Test
    void aPoolOfNoConnectionIsRefusedClearly() throws Exception {
        assertThatThrownBy(() -> CentralConfig.builder().db("embedded:/nowhere").trustDir(DevIdentities.file("trust"))
                .dbPool(0).build()).hasMessageContaining("--db-pool").hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Database.open("jdbc:postgresql://localhost:1/none", "central", -2))
                .hasMessageContaining("--db-pool").hasMessageContaining("not -2");
    }

    @Test
    void theCommandLineTakesThePoolAndRefusesZero() {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute("central", "--help")).isZero();
        assertThat(out.toString()).contains("--db-pool");
        cl.setErr(new PrintWriter(new StringWriter()));
        assertThat(cl.execute("central", "--db", "jdbc:postgresql://localhost:1/none", "--db-pool", "0")).isEqualTo(2);
    }
}
