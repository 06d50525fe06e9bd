package kz.qujat.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each known defect, applied to a real portrait, turns its own check to WARN or FAIL and leaves the checks
 * it has nothing to do with as they were on the clean photo.
 */
class PhotoChecksTest {
    private static final List<String> GEOMETRY = List.of("photo.ied", "photo.roll", "photo.eyeLine", "photo.centring",
            "photo.headHeight", "photo.margins");
    private static final List<String> FORMAT = List.of("photo.resolution", "photo.aspect", "photo.compression");
    private static PhotoInspector inspector;
    private static TestImages.Portrait clean;
    private static Report baseline;

    @BeforeAll
    static void setUp() {
        inspector = new PhotoInspector(Thresholds.defaults(), FaceFinder.NONE);
        clean = TestImages.standard();
        baseline = inspector.inspect(clean.jpeg(), clean.landmarks());
    }

    private static Report inspect(BufferedImage img, FaceLandmarks f) {
        return inspector.inspect(TestImages.jpeg(img, 0.92f), f);
    }

    private static void assertUnchanged(Report r, List<String> checks) {
        for (String c : checks) {
            assertThat(r.check(c).verdict()).as(c).isEqualTo(baseline.check(c).verdict());
        }
    }

    private static void assertFlagged(Report r, String check) {
        assertThat(r.check(check).verdict()).as(check + " = " + r.check(check).value())
                .isIn(Verdict.WARN, Verdict.FAIL);
    }

    @Test
    void theCleanPortraitPassesItsGeometryFormatAndFaceChecks() {
        for (String c : List.of("photo.decodable", "photo.resolution", "photo.aspect", "photo.colour",
                "photo.compression", "photo.backgroundUniformity", "photo.oneFace", "photo.ied", "photo.roll",
                "photo.eyeLine", "photo.centring", "photo.headHeight", "photo.margins", "photo.faceLuminance",
                "photo.dynamicRange", "photo.naturalColour", "photo.sharpness")) {
            assertThat(baseline.check(c).verdict()).as(c + " = " + baseline.check(c).value()).isEqualTo(Verdict.PASS);
        }
    }

    @Test
    void darkPhotoFailsOnTheBackgroundAndTheFlatFaceNotOnTheFaceBrightness() {
        Report r = inspect(TestImages.scaleBrightness(clean.image(), 0.35), clean.landmarks());
        assertThat(r.check("photo.backgroundLightness").verdict()).isEqualTo(Verdict.FAIL);
        assertFlagged(r, "photo.dynamicRange");
        // a face this dark (L* ~ 22) is as dark as correctly exposed dark skin: information, not a verdict
        assertThat(r.check("photo.faceLuminance").verdict()).isEqualTo(Verdict.PASS);
        assertUnchanged(r, GEOMETRY);
        assertUnchanged(r, List.of("photo.resolution", "photo.aspect", "photo.colour"));
    }

    @Test
    void overexposedPhotoIsFlagged() {
        Report r = inspect(TestImages.scaleBrightness(clean.image(), 1.9), clean.landmarks());
        assertFlagged(r, "photo.exposure");
        assertUnchanged(r, GEOMETRY);
        assertUnchanged(r, List.of("photo.resolution", "photo.aspect"));
    }

    @Test
    void blurredPhotoFailsSharpnessOnly() {
        Report r = inspect(TestImages.blur(clean.image(), 2), clean.landmarks());
        assertThat(r.check("photo.sharpness").verdict()).isEqualTo(Verdict.FAIL);
        assertUnchanged(r, GEOMETRY);
        assertUnchanged(r, List.of("photo.resolution", "photo.aspect", "photo.colour", "photo.faceLuminance",
                "photo.backgroundUniformity"));
    }

    @Test
    void tiltMeasuresTheKnownAngle() {
        FaceLandmarks f = clean.landmarks();
        double own = Math.toDegrees(Math.atan2(f.rightEye().y() - f.leftEye().y(), f.rightEye().x() - f.leftEye().x()));
        TestImages.Portrait level = TestImages.rotate(clean, -own); // the sitter's own tilt, undone
        assertThat(inspect(level.image(), level.landmarks()).check("photo.roll").value()).isLessThan(0.1);
        TestImages.Portrait warn = TestImages.rotate(level, 6.5);
        Report rw = inspect(warn.image(), warn.landmarks());
        assertThat(rw.check("photo.roll").value()).isCloseTo(6.5, org.assertj.core.data.Offset.offset(0.05));
        assertThat(rw.check("photo.roll").verdict()).isEqualTo(Verdict.WARN);
        TestImages.Portrait fail = TestImages.rotate(level, -12);
        Report rf = inspect(fail.image(), fail.landmarks());
        assertThat(rf.check("photo.roll").verdict()).isEqualTo(Verdict.FAIL);
        assertUnchanged(rf, List.of("photo.ied", "photo.resolution", "photo.aspect", "photo.colour", "photo.sharpness"));
    }

    @Test
    void headTooSmallOrTooLargeFailsHeadHeight() {
        TestImages.Portrait small = TestImages.portrait("140_03", TestImages.STANDARD_IED_SHARE * 0.75,
                TestImages.STANDARD_EYE_LINE, 0);
        Report rs = inspect(small.image(), small.landmarks());
        assertThat(rs.check("photo.headHeight").verdict()).isEqualTo(Verdict.FAIL);
        assertUnchanged(rs, List.of("photo.roll", "photo.centring", "photo.colour", "photo.aspect", "photo.ied"));
        TestImages.Portrait large = TestImages.portrait("140_03", TestImages.STANDARD_IED_SHARE * 1.25,
                TestImages.STANDARD_EYE_LINE, 0);
        Report rl = inspect(large.image(), large.landmarks());
        assertThat(rl.check("photo.headHeight").verdict()).isEqualTo(Verdict.FAIL);
        assertUnchanged(rl, List.of("photo.roll", "photo.centring", "photo.colour", "photo.aspect", "photo.ied"));
    }

    @Test
    void offCentreFaceFailsCentring() {
        TestImages.Portrait off = TestImages.portrait("140_03", TestImages.STANDARD_IED_SHARE, TestImages.STANDARD_EYE_LINE,
                0.12);
        Report r = inspect(off.image(), off.landmarks());
        assertThat(r.check("photo.centring").verdict()).isEqualTo(Verdict.FAIL);
        assertUnchanged(r, List.of("photo.ied", "photo.roll", "photo.eyeLine", "photo.headHeight", "photo.colour",
                "photo.resolution", "photo.faceLuminance"));
    }

    @Test
    void eyesTooHighIsFlagged() {
        TestImages.Portrait high = TestImages.portrait("140_03", TestImages.STANDARD_IED_SHARE, 0.78, 0);
        Report r = inspect(high.image(), high.landmarks());
        assertThat(r.check("photo.eyeLine").verdict()).isEqualTo(Verdict.FAIL);
        assertUnchanged(r, List.of("photo.ied", "photo.roll", "photo.centring", "photo.headHeight", "photo.colour"));
    }

    @Test
    void busyBackgroundFailsUniformity() {
        BufferedImage busy = TestImages.replaceBackground(clean.image(),
                (x, y) -> ((x / 12 + y / 12) % 2 == 0) ? 0xF0F0F0 : 0x303030);
        Report r = inspect(busy, clean.landmarks());
        assertThat(r.check("photo.backgroundUniformity").verdict()).isEqualTo(Verdict.FAIL);
        assertUnchanged(r, GEOMETRY);
        assertUnchanged(r, List.of("photo.resolution", "photo.aspect", "photo.faceLuminance", "photo.sharpness"));
    }

    @Test
    void darkBackgroundFailsLightness() {
        Report r = inspect(TestImages.replaceBackground(clean.image(), (x, y) -> 0x3C3C46), clean.landmarks());
        assertThat(r.check("photo.backgroundLightness").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.check("photo.backgroundUniformity").verdict()).isEqualTo(Verdict.PASS);
        assertUnchanged(r, GEOMETRY);
        assertUnchanged(r, List.of("photo.resolution", "photo.faceLuminance", "photo.sharpness"));
    }

    @Test
    void greyscaleFailsColour() {
        Report r = inspect(TestImages.greyscale(clean.image()), clean.landmarks());
        assertThat(r.check("photo.colour").verdict()).isEqualTo(Verdict.FAIL);
        assertUnchanged(r, GEOMETRY);
        assertUnchanged(r, List.of("photo.resolution", "photo.aspect", "photo.sharpness", "photo.backgroundUniformity"));
    }

    @Test
    void heavyCompressionIsEstimatedAndFailed() {
        Report r = inspector.inspect(TestImages.jpeg(clean.image(), 0.30f), clean.landmarks());
        assertThat(r.check("photo.compression").value()).isBetween(25.0, 35.0);
        assertThat(r.check("photo.compression").verdict()).isEqualTo(Verdict.FAIL);
        Report mid = inspector.inspect(TestImages.jpeg(clean.image(), 0.70f), clean.landmarks());
        assertThat(mid.check("photo.compression").verdict()).isEqualTo(Verdict.WARN);
        assertUnchanged(r, GEOMETRY);
        assertUnchanged(r, List.of("photo.resolution", "photo.aspect", "photo.colour"));
    }

    @Test
    void wrongAspectAndLowResolutionAreFlagged() {
        BufferedImage square = TestImages.scaleTo(clean.image(), clean.image().getWidth(), clean.image().getWidth());
        Report r = inspect(square, TestImages.scale(clean.landmarks(), 1,
                (double) clean.image().getWidth() / clean.image().getHeight()));
        assertThat(r.check("photo.aspect").verdict()).isEqualTo(Verdict.FAIL);
        assertUnchanged(r, List.of("photo.colour", "photo.compression", "photo.resolution", "photo.centring"));
        double s = 450.0 / clean.image().getWidth();
        Report tiny = inspect(TestImages.scaleTo(clean.image(), 450, (int) Math.round(clean.image().getHeight() * s)),
                TestImages.scale(clean.landmarks(), s, s));
        assertThat(tiny.check("photo.resolution").verdict()).isEqualTo(Verdict.WARN);
        assertThat(tiny.check("photo.ied").verdict()).isEqualTo(Verdict.WARN);
        assertUnchanged(tiny, List.of("photo.aspect", "photo.colour", "photo.roll", "photo.centring", "photo.eyeLine"));
    }

    @Test
    void withoutEyesTheFaceChecksSayNotMeasuredNeverPass() {
        Report r = inspector.inspect(clean.jpeg());
        for (String c : GEOMETRY) {
            assertThat(r.check(c).verdict()).as(c).isEqualTo(Verdict.NOT_MEASURED);
        }
        for (String c : LightChecks.FACE_CHECKS) {
            if (!c.equals("photo.exposure")) {
                assertThat(r.check(c).verdict()).as(c).isEqualTo(Verdict.NOT_MEASURED);
            }
        }
        // clipping is measured where the format puts the face, so a blown-out photo that hides the face still fails
        assertThat(r.check("photo.exposure").verdict()).isEqualTo(Verdict.PASS);
        Report blown = inspector.inspect(TestImages.jpeg(TestImages.scaleBrightness(clean.image(), 3.5), 0.92f));
        assertThat(blown.check("photo.exposure").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.check("photo.oneFace").messageKey()).isEqualTo("inspect.notMeasured.noFace");
        assertThat(r.check("photo.backgroundUniformity").verdict()).isEqualTo(Verdict.PASS);
        assertUnchanged(r, FORMAT);
    }

    @Test
    void clickedPointsAreUsedAndMarkedManual() {
        FaceLandmarks f = clean.landmarks();
        Report r = inspector.inspect(clean.jpeg(), FaceLandmarks.manual(f.leftEye(), f.rightEye(), f.chin(), f.crown()));
        assertThat(r.landmarks().manual()).isTrue();
        assertThat(r.check("photo.ied").value()).isEqualTo(baseline.check("photo.ied").value());
    }

    @Test
    void checkAreasPointAtWhatWasMeasured() {
        Area eyes = baseline.check("photo.ied").area();
        FaceLandmarks f = clean.landmarks();
        assertThat(eyes.x()).isLessThan((int) f.leftEye().x());
        assertThat(eyes.x() + eyes.width()).isGreaterThan((int) f.rightEye().x());
        Area face = baseline.check("photo.faceLuminance").area();
        assertThat(face.y()).isLessThan((int) f.leftEye().y());
        assertThat(face.y() + face.height()).isLessThan((int) f.chin().y() + 1);
    }
}
