package kz.qujat.central.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import kz.qujat.store.Database;
import kz.qujat.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Intake's two duplicate checks look up one person's document through an index, not by reading every annulled or
 * issued application: on a table of 6,000 applications (a third annulled for further verification) PostgreSQL's plan
 * for each statement, with its parameters bound as the store binds them, names the index meant for it.
 */
class IntakeDuplicateChecksPlanTest {
    private Database db;
    private DataSource ds;

    @BeforeEach
    void open() {
        ds = TestPostgres.freshDatabase();
        db = Database.of(ds, "central");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void eachDuplicateCheckUsesItsIndex() throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO application (id, seq, ticket_number, iin, document_number, status, region,"
                    + " registration_point, form_json, photo, photo_sha256, signature, signature_sha256, policy_version,"
                    + " expiry_date, days_from_expiry, submitted_at, annul_reason)"
                    + " SELECT gen_random_uuid(), g, 'T-' || g, lpad((100000000000 + g)::text, 12, '0'), 'D' || g,"
                    + " CASE g % 3 WHEN 0 THEN 'ANNULLED' WHEN 1 THEN 'ISSUED' ELSE 'SUBMITTED' END, 'ASTANA', 'X', '{}',"
                    + " '\\x00', repeat('0', 64), '\\x00', repeat('0', 64), 'p', current_date, 0, now(),"
                    + " CASE WHEN g % 3 = 0 THEN 'FURTHER_VERIFICATION' END FROM generate_series(1, 6000) g");
            s.execute("ANALYZE application");
            assertThat(plan(c, ApplicationStore.REFERRED_SQL)).contains("application_further_verification");
            assertThat(plan(c, ApplicationStore.ACTIVE_SQL)).contains("application_one_active");
        }
    }

    private static String plan(Connection c, String sql) throws Exception {
        StringBuilder out = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            Jdbc.bind(ps, "100000000003", "D3");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append('\n');
                }
            }
        }
        return out.toString();
    }
}
