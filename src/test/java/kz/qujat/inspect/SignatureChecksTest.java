package kz.qujat.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SignatureChecksTest {
    private static final Color INK = new Color(0x1a, 0x23, 0x7e);
    private static SignatureInspector inspector;
    private static Report baseline;

    @BeforeAll
    static void setUp() {
        inspector = new SignatureInspector(Thresholds.defaults());
        baseline = inspect(TestImages.signature(600, 200, 3f, INK, 1, 0, 7));
    }

    private static Report inspect(BufferedImage img) {
        return inspector.inspect(TestImages.png(img));
    }

    @Test
    void aNormalSignaturePassesEverything() {
        for (CheckResult c : baseline.checks()) {
            assertThat(c.verdict()).as(c.check() + " = " + c.value()).isEqualTo(Verdict.PASS);
        }
    }

    @Test
    void blankPaperFailsInkAndMeasuresNothingElse() {
        BufferedImage blank = TestImages.signature(600, 200, 3f, INK, 0, 0, 7);
        Graphics2D g = blank.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 200);
        g.dispose();
        Report r = inspect(blank);
        assertThat(r.check("signature.inkShare").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.check("signature.inkHeight").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.check("signature.contrast").verdict()).isEqualTo(Verdict.NOT_MEASURED);
        assertThat(r.check("signature.strokeWidth").verdict()).isEqualTo(Verdict.NOT_MEASURED);
    }

    @Test
    void aSignatureCutByTheFrameFailsClipped() {
        Report r = inspect(TestImages.signature(600, 200, 3f, INK, 1.6, 0, 7));
        assertThat(r.check("signature.clipped").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.check("signature.contrast").verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.check("signature.strokeWidth").verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aSignatureTouchingOneEdgeIsAWarning() {
        Report r = inspect(TestImages.signature(600, 200, 3f, INK, 1, 130, 7));
        assertThat(r.check("signature.clipped").verdict()).isEqualTo(Verdict.WARN);
    }

    @Test
    void faintInkFailsContrastOnly() {
        Report r = inspect(TestImages.signature(600, 200, 3f, new Color(228, 228, 228), 1, 0, 7));
        assertThat(r.check("signature.contrast").verdict()).isEqualTo(Verdict.FAIL);
        for (String c : List.of("signature.inkHeight", "signature.clipped", "signature.inkShare")) {
            assertThat(r.check(c).verdict()).as(c).isEqualTo(Verdict.PASS);
        }
    }

    @Test
    void aHugeBlobFailsInkShareAndStrokeWidth() {
        BufferedImage blob = TestImages.signature(600, 200, 3f, INK, 1, 0, 7);
        Graphics2D g = blob.createGraphics();
        g.setColor(INK);
        g.fillOval(150, 20, 300, 160);
        g.dispose();
        Report r = inspect(blob);
        assertThat(r.check("signature.inkShare").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.check("signature.strokeWidth").verdict()).isEqualTo(Verdict.WARN);
        assertThat(r.check("signature.contrast").verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aTinySignatureIsFlagged() {
        Report r = inspect(TestImages.signature(600, 200, 2f, INK, 0.35, 0, 7));
        assertThat(r.check("signature.inkHeight").verdict()).isIn(Verdict.WARN, Verdict.FAIL);
        assertThat(r.check("signature.contrast").verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void hairlineAndThickStrokesAreMeasuredAsWidth() {
        double thin = inspect(TestImages.signature(600, 200, 2f, INK, 1, 0, 7)).check("signature.strokeWidth").value();
        double thick = inspect(TestImages.signature(600, 200, 6f, INK, 1, 0, 7)).check("signature.strokeWidth").value();
        assertThat(thick).isGreaterThan(thin * 2);
    }
}
