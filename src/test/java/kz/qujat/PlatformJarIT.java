package kz.qujat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The jar that {@code ./mvnw package} built (Failsafe runs this after the package phase): the natives of
 * its one platform and nothing of another, no Python bindings, the Linux jar within 100 MB, and the
 * natives it does carry (OpenCV's core and imgproc, ONNX Runtime) enough for {@code inspect} (YuNet) and
 * {@code face-compare} (YuNet, the alignment, the descriptor), run from the jar itself. The server commands and the tools load no JavaFX class.
 */
class PlatformJarIT {
    private static final Path JAR = Path.of(System.getProperty("qujat.jar", "target/qujat.jar"));
    private static final String PLATFORM = System.getProperty("qujat.platform", "linux-x86_64");
    private static final Path FACE = Path.of("src/test/resources/faces/140_03.jpg");
    /** The target of issue 8 for the Linux jar. */
    private static final long LINUX_JAR_LIMIT = 100_000_000L;

    private static List<String> entries;
    private static String manifestPlatform;

    @BeforeAll
    static void readJar() throws IOException {
        assertThat(JAR).as("run after ./mvnw package").isRegularFile();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            entries = jar.stream().map(ZipEntry::getName).toList();
            manifestPlatform = jar.getManifest().getMainAttributes().getValue("Qujat-Platform");
        }
    }

    @Test
    void carriesTheNativesOfItsOwnPlatformOnly() {
        assertThat(manifestPlatform).isEqualTo(PLATFORM);
        String os = PLATFORM.substring(0, PLATFORM.indexOf('-'));
        List<String> foreign = new ArrayList<>();
        for (String name : entries) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.matches("org/bytedeco/[^/]+/[^/]+-[^/]+/.*") && !lower.split("/")[3].equals(PLATFORM)) {
                foreign.add(name);
            }
            if (lower.matches("ai/onnxruntime/native/[^/]+/.+") && !lower.split("/")[3].equals(onnxRuntimePlatform())) {
                foreign.add(name);
            }
            boolean windowsNative = lower.endsWith(".dll");
            boolean macNative = lower.endsWith(".dylib") || lower.endsWith(".jnilib");
            boolean linuxNative = lower.matches(".*\\.so(\\.[0-9]+)*");
            if (macNative || (windowsNative && !os.equals("windows")) || (linuxNative && !os.equals("linux"))) {
                foreign.add(name);
            }
        }
        assertThat(foreign).as("natives of another platform").isEmpty();
        String so = os.equals("windows") ? ".dll" : ".so";
        assertThat(entries).as("the natives that run are there").anyMatch(n -> n.contains("opencv_imgproc"))
                .anyMatch(n -> n.equals("ai/onnxruntime/native/" + onnxRuntimePlatform() + "/"
                        + (os.equals("windows") ? "onnxruntime.dll" : "libonnxruntime.so")));
        assertThat(entries).as("OpenCV modules that no longer run (the networks are in ONNX Runtime)")
                .noneMatch(n -> n.startsWith("org/bytedeco/opencv/" + PLATFORM + "/") && n.contains(so)
                        && (n.contains("opencv_dnn") || n.contains("opencv_objdetect") || n.contains("opencv_calib3d")));
    }

    /** ONNX Runtime's name for the platform. */
    private static String onnxRuntimePlatform() {
        return PLATFORM.replace("windows", "win").replace("x86_64", "x64");
    }

    @Test
    void carriesNoPythonHeadersOrLinkerFiles() {
        // (JavaFX's own Direct3D shaders on Windows are .obj files it needs: only the bytedeco natives are judged)
        assertThat(entries).filteredOn(n -> n.contains("/python/") || n.endsWith(".pyd") || n.contains("python3")
                || n.matches("org/bytedeco/[^/]+/[^/]+/include/.*")
                || n.startsWith("org/bytedeco/") && (n.endsWith(".obj") || n.endsWith(".lib") || n.endsWith(".exe")))
                .isEmpty();
    }

    @Test
    void theLinuxJarStaysWithin100Megabytes() throws IOException {
        Assumptions.assumeTrue(PLATFORM.startsWith("linux"), "the size target is for the Linux jar");
        assertThat(Files.size(JAR)).isLessThanOrEqualTo(LINUX_JAR_LIMIT);
    }

    @Test
    void inspectAndFaceCompareRunFromTheJarWithoutJavaFx() throws Exception {
        Assumptions.assumeTrue(PLATFORM.equals(hostPlatform()), "the jar is for " + PLATFORM + ", this is " + hostPlatform());
        Path cache = Files.createDirectories(JAR.resolveSibling("it-javacpp-cache"));
        String inspect = run(cache, "inspect", FACE.toString(), "--lang", "en");
        assertThat(inspect).contains("\"facesFound\" : 1");
        assertThat(loadedJavaFx(inspect)).isEmpty();
        String compare = run(cache, "face-compare", FACE.toString(), FACE.toString(), "--lang", "en");
        assertThat(compare).contains("\"verdict\" : \"SAME\"");
        // the servers' commands: Main builds every subcommand (the workstation's too) and still loads no JavaFX
        for (String server : List.of("central", "production")) {
            assertThat(loadedJavaFx(run(cache, server, "--help"))).as(server).isEmpty();
        }
    }

    private static List<String> loadedJavaFx(String verboseOutput) {
        return verboseOutput.lines().filter(l -> l.contains("[class,load]"))
                .filter(l -> l.contains(" javafx.") || l.contains(" com.sun.javafx.") || l.contains(" com.sun.glass."))
                .toList();
    }

    private static String run(Path cache, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info", "-Djava.awt.headless=true",
                "-Dorg.bytedeco.javacpp.cachedir=" + cache, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(JAR.getParent(), "it-", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            builder.environment().remove("DISPLAY");
            Process process = builder.start();
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", args) + " finished").isTrue();
            String output = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(String.join(" ", args) + ":\n" + tail(output)).isZero();
            return output;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static String tail(String output) {
        List<String> lines = output.lines().filter(l -> !l.contains("[class,load]")).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static String hostPlatform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        String family = os.contains("win") ? "windows" : os.contains("mac") ? "macosx" : "linux";
        return family + "-" + (arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch);
    }
}
