package kz.qujat.central.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import kz.qujat.store.Database;
import kz.qujat.store.StoreException;
import kz.qujat.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcTest {
    private Database db;

    @BeforeEach
    void open() {
        db = Database.of(TestPostgres.freshDatabase(), "central");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void whenTheRollbackFailsTooTheWorksOwnFailureIsWhatIsThrown() {
        Jdbc jdbc = new Jdbc(db);
        // the work loses its connection and then fails: the rollback cannot run on a closed connection
        assertThatThrownBy(() -> jdbc.tx("the test operation", c -> {
            c.close();
            throw new SQLException("the work's own failure", "23505");
        })).isInstanceOf(StoreException.class)
                .hasMessageContaining("the test operation")
                .satisfies(e -> assertThatThrownBy(() -> {
                    throw e.getCause();
                }).hasMessage("the work's own failure").satisfies(cause -> {
                    org.assertj.core.api.Assertions.assertThat(((SQLException) cause).getSQLState()).isEqualTo("23505");
                    org.assertj.core.api.Assertions.assertThat(cause.getSuppressed()).hasSize(1);
                }));
    }

    @Test
    void aRuntimeFailureOfTheWorkPassesThroughUnchanged() {
        Jdbc jdbc = new Jdbc(db);
        IllegalStateException failure = new IllegalStateException("the work's own failure");
        assertThatThrownBy(() -> jdbc.tx("op", c -> {
            throw failure;
        })).isSameAs(failure);
    }
}
