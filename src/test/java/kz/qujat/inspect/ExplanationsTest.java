package kz.qujat.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ExplanationsTest {

    private static Set<String> keys(String lang) throws Exception {
        Properties p = new Properties();
        try (var in = new InputStreamReader(Explanations.class.getResourceAsStream("explanations_" + lang + ".properties"),
                StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    @Test
    void everyLanguageHasTheSameKeys() throws Exception {
        assertThat(keys("ru")).isEqualTo(keys("en")).isEqualTo(keys("kk"));
    }

    @Test
    void everyVerdictOfEveryBandedCheckIsExplained() throws Exception {
        Set<String> ru = keys("ru");
        Properties t = new Properties();
        try (var in = Thresholds.class.getResourceAsStream("thresholds.properties")) {
            t.load(in);
        }
        for (String k : t.stringPropertyNames()) {
            String[] v = t.getProperty(k).trim().split("\\s+");
            if (!k.contains(".source") && v.length == 4) {
                for (String verdict : new String[] {"pass", "warn", "fail"}) {
                    assertThat(ru).contains("inspect." + k + "." + verdict);
                }
                assertThat(t.getProperty(k + ".source")).as(k + " cites its source").isNotBlank();
            }
        }
        for (SafeImage.Problem p : SafeImage.Problem.values()) {
            assertThat(ru).contains(p.messageKey());
        }
    }

    @Test
    void russianIsTheDefaultAndKazakhAndEnglishAreThere() {
        String key = "inspect.photo.colour.fail";
        assertThat(Explanations.text(key, Locale.forLanguageTag("ru"))).contains("чёрно-белая");
        assertThat(Explanations.text(key, Locale.forLanguageTag("kk"))).contains("ақ-қара");
        assertThat(Explanations.text(key, Locale.ENGLISH)).contains("greyscale");
        assertThat(Explanations.text(key, Locale.GERMAN)).contains("чёрно-белая");
    }
}
