package kz.qujat.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import kz.qujat.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @Test
    void embeddedDataSurvivesARestart(@TempDir Path dir) throws Exception {
        try (Database db = Database.embedded(dir, "storetest")) {
            exec(db.dataSource(), "INSERT INTO note(body) VALUES ('kept')");
        }
        try (Database db = Database.embedded(dir, "storetest")) {
            assertThat(count(db.dataSource())).isEqualTo(1);
        }
    }

    @Test
    void freshTestDatabasesAreIsolated() throws Exception {
        try (Database a = Database.of(TestPostgres.freshDatabase(), "storetest");
             Database b = Database.of(TestPostgres.freshDatabase(), "storetest")) {
            exec(a.dataSource(), "INSERT INTO note(body) VALUES ('only in a')");
            assertThat(count(a.dataSource())).isEqualTo(1);
            assertThat(count(b.dataSource())).isZero();
        }
    }

    @Test
    void anUnknownSpecIsRefusedClearly() {
        assertThatThrownBy(() -> Database.open("mysql://x", "storetest"))
                .hasMessageContaining("embedded:DIR or jdbc:postgresql");
    }

    private static void exec(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static int count(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM note")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
