package kz.qujat.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.qujat.workstation.UserSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void freshWipesOnlyAFolderMarkedAsDemo() throws Exception {
        Path other = Files.createDirectories(dir.resolve("documents"));
        Files.writeString(other.resolve("thesis.txt"), "precious");
        StringWriter err = new StringWriter();
        assertThat(DemoCommand.wipe(other, new PrintWriter(err, true))).isFalse();
        assertThat(other.resolve("thesis.txt")).exists();
        assertThat(err.toString()).contains("not a Qujat demo folder");

        Path demo = Files.createDirectories(dir.resolve("demo/postgres/pgdata"));
        Files.writeString(dir.resolve("demo").resolve(DemoCommand.MARKER), "demo");
        assertThat(DemoCommand.wipe(dir.resolve("demo"), new PrintWriter(err, true))).isTrue();
        assertThat(dir.resolve("demo")).doesNotExist();
        assertThat(demo).doesNotExist();
    }

    @Test
    void theAstanaKeyIsOfferedOnlyUntilTheUserChoosesAnother() {
        Path ws = dir.resolve("workstation");
        DemoCommand.rememberDemoKey(ws, Path.of("certs-dev/officer-astana.p12"));
        assertThat(new UserSettings(ws).get(UserSettings.KEY_FILE)).get().asString().endsWith("officer-astana.p12");
        new UserSettings(ws).put(UserSettings.KEY_FILE, "/home/me/my.p12");
        DemoCommand.rememberDemoKey(ws, Path.of("certs-dev/officer-astana.p12"));
        assertThat(new UserSettings(ws).get(UserSettings.KEY_FILE)).contains("/home/me/my.p12");
    }
}
