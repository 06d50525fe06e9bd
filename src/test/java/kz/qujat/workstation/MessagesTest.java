package kz.qujat.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kz.qujat.api.ProblemKind;
import kz.qujat.domain.AnnulmentReason;
import kz.qujat.domain.RefundStatus;
import kz.qujat.domain.StaffRole;
import kz.qujat.eds.EdsException;
import kz.qujat.inspect.Verdict;
import kz.qujat.workstation.login.CertificateJudge;
import org.junit.jupiter.api.Test;

/**
 * Every visible text exists in Russian, Kazakh and English, and every text in the bundles is used: by a
 * {@code %key} in FXML, a key literal in the workstation's code, or a key built from an enumeration.
 */
class MessagesTest {
    private static final Path SOURCES = Path.of("src/main/java/kz/qujat/workstation");
    private static final Path FXML = Path.of("fxml/kz/qujat/workstation");
    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z][\\w.\\-]*)\"");
    private static final Pattern JAVA_LITERAL = Pattern.compile("\"([a-z][A-Za-z0-9_\\-]*(?:\\.[A-Za-z0-9_\\-]+)+)\"");
    private static final Pattern JAVA_GET = Pattern.compile("i18n(?:\\(\\))?\\.get\\(\"([a-z][\\w\\-]*(?:\\.[\\w\\-]+)+)\"");

    @Test
    void theThreeBundlesHaveTheSameKeys() throws IOException {
        Set<String> ru = keys("ru");
        assertThat(keys("kk")).containsExactlyInAnyOrderElementsOf(ru);
        assertThat(keys("en")).containsExactlyInAnyOrderElementsOf(ru);
        assertThat(ru).hasSizeGreaterThan(50);
    }

    @Test
    void everyKeyTheViewsAndCodeNameExists() throws IOException {
        Set<String> ru = keys("ru");
        Set<String> named = new TreeSet<>();
        named.addAll(matches(FXML, ".fxml", FXML_KEY));
        named.addAll(matches(SOURCES, ".java", JAVA_GET));
        Screens.all().forEach(e -> named.add(e.titleKey()));
        named.addAll(enumerated());
        assertThat(named).isNotEmpty();
        assertThat(ru).containsAll(named);
    }

    @Test
    void everyKeyInTheBundlesIsUsed() throws IOException {
        Set<String> used = new TreeSet<>();
        used.addAll(matches(FXML, ".fxml", FXML_KEY));
        used.addAll(matches(SOURCES, ".java", JAVA_LITERAL));
        used.addAll(enumerated());
        Set<String> unused = new TreeSet<>(keys("ru"));
        unused.removeAll(used);
        assertThat(unused).as("keys no view or code uses").isEmpty();
    }

    @Test
    void bundlesLoadForEveryLanguageWithoutFallingBack() {
        for (Locale l : I18n.SUPPORTED) {
            assertThat(new I18n(l).get("app.title")).isNotEqualTo("app.title");
        }
        assertThat(new I18n(Locale.GERMAN).locale()).isEqualTo(I18n.RUSSIAN);
        assertThat(new I18n(I18n.KAZAKH).get("nav.queue")).isEqualTo("Кезек");
    }

    /** Keys the code builds as prefix + enumeration value. */
    private static Set<String> enumerated() {
        Set<String> keys = new TreeSet<>();
        Arrays.stream(ProblemKind.values()).forEach(k -> keys.add("problem." + k.slug()));
        Arrays.stream(EdsException.Kind.values()).forEach(k -> keys.add("error.eds." + k.name()));
        Arrays.stream(StaffRole.values()).forEach(r -> keys.add("role." + r.name()));
        Arrays.stream(RefundStatus.values()).forEach(r -> keys.add("refund.status." + r.name()));
        kz.qujat.workstation.annulments.AnnulmentsViewModel.ACCESS_KINDS
                .forEach(w -> keys.add("annulments.accesses.what." + w));
        Arrays.stream(AnnulmentReason.values()).forEach(r -> keys.add("refunds.reason." + r.name()));
        Arrays.stream(CertificateJudge.Verdict.values()).filter(v -> v != CertificateJudge.Verdict.OK)
                .forEach(v -> keys.add("login.verdict." + v.name()));
        I18n.SUPPORTED.forEach(l -> keys.add("language." + l.getLanguage()));
        keys.addAll(Enumerated.keys());
        return keys;
    }

    private static Set<String> keys(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/kz/qujat/workstation/messages_" + lang + ".properties")) {
            assertThat(in).as("bundle " + lang).isNotNull();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    private static Set<String> matches(Path dir, String suffix, Pattern pattern) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
                Matcher m = pattern.matcher(Files.readString(f));
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
        }
        return found;
    }

    /** Keys built from the enumerations of the officer's screens (annulment reasons, check verdicts). */
    private static final class Enumerated {
        static Set<String> keys() {
            Set<String> keys = new TreeSet<>();
            Arrays.stream(AnnulmentReason.values()).forEach(r -> keys.add("review.annul.reason." + r.name()));
            Arrays.stream(Verdict.values()).forEach(v -> keys.add("review.checks.verdict." + v.name()));
            keys.add("review.decided." + kz.qujat.api.DecisionDocument.APPROVE);
            keys.add("review.decided." + kz.qujat.api.DecisionDocument.ANNUL);
            return keys;
        }
    }
}
