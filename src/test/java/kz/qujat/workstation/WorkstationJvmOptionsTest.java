package kz.qujat.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The workstation's JVM options live in one file, {@code installer/workstation-jvm.options}, and every way the
 * workstation starts takes them from there: the installers' launchers, {@code ./mvnw javafx:run}, the README's
 * start commands, and the memory bench (which starts its window with {@code java @file}). Each option in the file
 * reaches a JVM started with it: the file asks a JVM to start anyway on an option it does not know, so a typo
 * would otherwise pass unnoticed.
 */
class WorkstationJvmOptionsTest {
    private static final Path FILE = Path.of("installer", "workstation-jvm.options");
    private static final String AT_FILE = "installer/workstation-jvm.options";

    @Test
    void everyOptionOfTheFileReachesAJvmStartedWithIt() throws Exception {
        List<String> options = options();
        assertThat(options).contains("-XX:+IgnoreUnrecognizedVMOptions");
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + FILE.toAbsolutePath(), "-XX:+PrintFlagsFinal", "-version").redirectErrorStream(true).start();
        String flags = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).as(flags).isZero();
        Pattern xx = Pattern.compile("-XX:([+-]?)(\\w+)(?:=(.*))?");
        for (String option : options) {
            Matcher m = xx.matcher(option);
            if (m.matches()) {
                String value = m.group(3) != null ? m.group(3) : (m.group(1).equals("+") ? "true" : "false");
                assertThat(flags).as(option + " must be a flag this JVM knows, set from the command line")
                        .containsPattern("\\s" + m.group(2) + "\\s+=\\s+" + Pattern.quote(sized(value))
                                + "\\s.*\\{command line");
            } else if (option.startsWith("-Xmx") || option.startsWith("-Xms")) {
                String flag = option.startsWith("-Xmx") ? "MaxHeapSize" : "InitialHeapSize";
                assertThat(flags).as(option).containsPattern("\\s" + flag + "\\s+=\\s+" + bytes(option.substring(4)) + "\\s");
            } else {
                assertThat(option).as("an option the launchers pass as it is").startsWith("--add-exports=");
            }
        }
    }

    @Test
    void theInstallersTheDemoAndTheReadmeStartWithTheFile() throws IOException {
        String deb = Files.readString(Path.of("installer", "build-deb.sh"));
        assertThat(deb).contains("done < " + AT_FILE).contains("\"${java_options[@]}\"");
        assertThat(deb).as("build-deb.sh: no option of its own").doesNotContainPattern("--java-options\\s+\"?-");
        String msi = Files.readString(Path.of("installer", "build-msi.cmd"));
        assertThat(msi).contains("\"installer\\workstation-jvm.options\"").contains("!JAVA_OPTIONS!");
        assertThat(msi).as("build-msi.cmd: no option of its own").doesNotContainPattern("--java-options\\s+\"?-");
        assertThat(Files.readString(Path.of("pom.xml")))
                .contains("<option>@${project.basedir}/" + AT_FILE + "</option>");
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains("java @" + AT_FILE + " -jar target/qujat.jar workstation")
                .contains("java @" + AT_FILE + " -jar target/qujat.jar demo");
    }

    private static List<String> options() throws IOException {
        return Files.readAllLines(FILE).stream().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    /** A flag's value as PrintFlagsFinal prints it: sizes like 64m in bytes. */
    private static String sized(String value) {
        return value.matches("\\d+[kKmMgG]") ? Long.toString(bytes(value)) : value;
    }

    private static long bytes(String size) {
        if (Character.isDigit(size.charAt(size.length() - 1))) {
            return Long.parseLong(size);
        }
        long n = Long.parseLong(size.substring(0, size.length() - 1));
        return switch (Character.toLowerCase(size.charAt(size.length() - 1))) {
            case 'k' -> n << 10;
            case 'm' -> n << 20;
            case 'g' -> n << 30;
            default -> Long.parseLong(size);
        };
    }
}
