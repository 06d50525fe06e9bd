package kz.qujat.tools.faceset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.qujat.Main;
import kz.qujat.api.Json;
import kz.qujat.inspect.SamePerson;
import kz.qujat.inspect.Thresholds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same-person check on the sample faces, per group: one person's two photos are called SAME, two different
 * sitters of the same group are never called SAME; and {@code qujat face-compare} prints it as JSON.
 */
class SamePersonCalibrationTest {
    private static SamePersonCalibration.Result result;
    private static Path faces;

    @BeforeAll
    static void run() throws Exception {
        faces = SampleFaces.dir();
        Thresholds t = Thresholds.defaults();
        result = new SamePersonCalibration(new SamePerson(t), t.number("face.samePerson.same"),
                t.number("face.samePerson.different")).run(FaceSet.open(faces));
    }

    @Test
    void differentPeopleOfTheSameGroupAreNeverCalledTheSamePerson() {
        for (var e : result.differentPeople().entrySet()) {
            assertThat(e.getValue().pairs()).as(e.getKey()).isPositive();
            assertThat(e.getValue().same()).as(e.getKey() + "\n" + result.table()).isZero();
        }
    }

    /** The figures the officer is shown in words are the ones measured today. */
    @Test
    void theErrorRatesShownToTheOfficerAreTheMeasuredOnes() {
        SamePerson.Calibration shown = SamePerson.Calibration.of(Thresholds.defaults());
        assertThat(shown.measuredWith(result.sameAtMost(), result.differentAbove())).isTrue();
        assertThat(shown.onePerson()).as(result.table()).isEqualTo(counts(result.samePerson().get("all")));
        assertThat(shown.twoPeople()).as(result.table()).isEqualTo(counts(result.differentPeople().get("all")));
        SamePersonCalibration.Counts hardest = null;
        for (var e : result.differentPeople().entrySet()) {
            var c = e.getValue();
            if (e.getKey().equals("all")) {
                continue;
            }
            double share = (double) (c.pairs() - c.different()) / c.pairs();
            double best = hardest == null ? -1 : (double) (hardest.pairs() - hardest.different()) / hardest.pairs();
            if (share > best || share == best && c.pairs() > hardest.pairs()) {
                hardest = c;
            }
        }
        assertThat(shown.hardestGroup()).as(result.table()).isEqualTo(counts(hardest));
    }

    private static SamePerson.Counts counts(SamePersonCalibration.Counts c) {
        return new SamePerson.Counts(c.pairs(), c.same(), c.unsure(), c.different());
    }

    @Test
    void onePersonSmilingOrNotIsCalledTheSamePersonInEveryGroup() {
        for (var e : result.samePerson().entrySet()) {
            assertThat(e.getValue().same()).as(e.getKey() + "\n" + result.table()).isEqualTo(e.getValue().pairs());
        }
    }

    @Test
    void faceCompareCommandPrintsTheVerdictAsJson(@TempDir Path tmp) throws Exception {
        var same = run(faces.resolve("099_03.jpg"), faces.resolve("smiling/099_08.jpg"));
        assertThat(same.get("verdict").asText()).isEqualTo("SAME");
        assertThat(same.get("distance").asDouble()).isLessThan(same.get("threshold").get("sameAtMost").asDouble());
        assertThat(same.get("faces")).hasSize(2);
        var other = run(faces.resolve("099_03.jpg"), faces.resolve("129_03.jpg"));
        assertThat(other.get("verdict").asText()).isIn("DIFFERENT", "UNSURE");
        Path wall = tmp.resolve("wall.png");
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(400, 500, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(img, "png", wall.toFile());
        var none = run(faces.resolve("099_03.jpg"), wall);
        assertThat(none.get("verdict").asText()).isEqualTo("NOT_MEASURED");
        assertThat(none.get("distance").isNull()).isTrue();
        assertThat(none.get("faces").get(1).get("found").asBoolean()).isFalse();
        assertThat(none.get("faces").get(1).get("reason").asText()).isNotBlank();
    }

    private static com.fasterxml.jackson.databind.JsonNode run(Path a, Path b) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int code;
        try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(ps);
            code = new picocli.CommandLine(new Main()).execute("face-compare", a.toString(), b.toString(), "--lang", "en");
        } finally {
            System.setOut(old);
        }
        assertThat(code).isZero();
        assertThat(Files.exists(a)).isTrue();
        return Json.mapper().readTree(out.toString(StandardCharsets.UTF_8));
    }
}
