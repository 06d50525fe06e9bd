package kz.qujat.workstation.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import kz.qujat.testsupport.Xvfb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The receipt in a real GTK window (Xvfb), not on headless Monocle: the demo used to die here with "GTK+ 2.x
 * symbols detected" because OpenCV's highgui (GTK 2) had been loaded next to JavaFX's GTK 3.
 */
class ReceiptRealWindowTest {

    @Test
    void theWorkstationSurvivesSavingAndOpeningAReceiptInARealWindow(@TempDir Path work) throws Exception {
        try (Xvfb x = Xvfb.start(1366, 768)) {
            Path log = work.resolve("probe.log");
            ProcessBuilder pb = new ProcessBuilder(Xvfb.javaCommand(ReceiptWindowProbe.class.getName(),
                    work.toString())).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("DISPLAY", x.display());
            Process probe = pb.start();
            boolean ended = probe.waitFor(240, TimeUnit.SECONDS);
            if (!ended) {
                probe.destroyForcibly().waitFor();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(output).doesNotContain("Gtk-ERROR").doesNotContain("GTK+ 2.x symbols");
            assertThat(ended).as("the probe ended in time:%n%s", tail(output)).isTrue();
            assertThat(probe.exitValue()).as("exit code; output:%n%s", tail(output)).isZero();
            assertThat(output).contains(ReceiptWindowProbe.SURVIVED);
        }
    }

    private static String tail(String s) {
        return s.length() <= 4000 ? s : s.substring(s.length() - 4000);
    }
}
