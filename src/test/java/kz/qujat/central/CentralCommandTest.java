package kz.qujat.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import kz.qujat.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The {@code central} command is registered and documents its options. */
class CentralCommandTest {
    @Test
    void helpListsEveryOption() {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute("central", "--help")).isZero();
        assertThat(out.toString()).contains("--port", "--db", "--policy", "--trust", "--staff",
                "--registry-feed-key-file", "--claim-ttl", "--session-ttl", "--production", "--key", "--peer-cert");
    }

    @Test
    void aMissingDatabaseIsAUsageError() {
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(new StringWriter()));
        assertThat(cl.execute("central", "--port", "0")).isEqualTo(2);
    }
}
