package kz.qujat.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private X server (Xvfb) for tests that need a real window with GTK, which the headless Monocle build does not
 * give. It picks a free display itself ({@code -displayfd}), so tests run side by side. Without Xvfb a test is
 * skipped on a developer machine and FAILS in CI (environment variable CI set; .ci/run installs xvfb).
 */
public final class Xvfb implements AutoCloseable {
    private final Process server;
    private final String display;

    private Xvfb(Process server, String display) {
        this.server = server;
        this.display = display;
    }

    /** Starts a server with one screen of {@code width}×{@code height}×24. */
    public static Xvfb start(int width, int height) throws IOException {
        require();
        Process p = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", width + "x" + height + "x24",
                "-nolisten", "tcp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
        String number = out.readLine();
        if (number == null || !number.strip().matches("\\d+")) {
            p.destroyForcibly();
            throw new IOException("Xvfb did not report its display (exit " + (p.isAlive() ? "-" : p.exitValue()) + ")");
        }
        return new Xvfb(p, ":" + number.strip());
    }

    /** Xvfb, and GTK 3 for the window in it: skipped with one line naming the package, or failing in CI. */
    public static void require() {
        Requires.command("Xvfb", "xvfb");
        Requires.library("libgtk-3.so.0", "libgtk-3-0");
    }

    /** The value for DISPLAY. */
    public String display() {
        return display;
    }

    /** A java command line with this JVM's class path, native access and test properties, ready for a main class. */
    public static List<String> javaCommand(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("--add-exports=jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED");
        cmd.add("-Xmx768m");
        for (String property : List.of("qujat.certsDev", "qujat.testWork", "javafx.cachedir")) {
            if (System.getProperty(property) != null) {
                cmd.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        // a real GTK window, the software renderer (Xvfb has no GPU), TestFX through the glass robot
        cmd.add("-Dprism.order=sw");
        cmd.add("-Dtestfx.robot=glass");
        cmd.add("-Dtestfx.headless=false");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }

    @Override
    public void close() throws InterruptedException {
        server.destroy();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
    }
}
