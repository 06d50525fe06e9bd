package kz.qujat.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need a system package: on a developer machine without it they are skipped with one line naming
 * the package; in CI (environment variable {@code CI} set, where {@code .ci/run} installs it) they fail instead.
 */
public final class Requires {
    private static final Set<String> SAID = ConcurrentHashMap.newKeySet();
    private static final List<String> LIBRARY_DIRS = List.of("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu",
            "/usr/lib/aarch64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib");

    private Requires() {
    }

    /** A command on the PATH, from a Debian package. */
    public static void command(String command, String debianPackage) {
        require(onPath(command), command + " not found: apt-get install " + debianPackage);
    }

    /** A file (a library or a module), from a Debian package. */
    public static void file(Path file, String debianPackage) {
        require(Files.isRegularFile(file), file + " not found: apt-get install " + debianPackage);
    }

    /** A shared library in the dynamic linker's usual folders (by its soname), from a Debian package. */
    public static void library(String soname, String debianPackage) {
        require(libraryPresent(soname), soname + " not found: apt-get install " + debianPackage);
    }

    /**
     * The JavaFX screen tests: JavaFX draws text through Pango on Linux (fontconfig and FreeType come with it),
     * which a machine with only a JDK does not have.
     */
    public static void javafxText() {
        library("libpangoft2-1.0.so.0", "libpangoft2-1.0-0");
    }

    static boolean libraryPresent(String soname) {
        for (String dir : LIBRARY_DIRS) {
            if (Files.isRegularFile(Path.of(dir, soname))) {
                return true;
            }
        }
        return false;
    }

    /** Whether this run is CI's, where nothing may be skipped for a missing package. */
    public static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !"false".equalsIgnoreCase(ci);
    }

    private static void require(boolean present, String message) {
        if (!present && inCi()) {
            throw new AssertionError("required in CI (.ci/run installs it): " + message);
        }
        if (!present && SAID.add(message)) {
            System.err.println("SKIPPED (not installed): " + message);
        }
        Assumptions.assumeTrue(present, message);
    }

    public static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
