package kz.qujat.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class SignatureComparisonTest {
    private static final Color INK = new Color(0x1a, 0x23, 0x7e);

    @Test
    void aSignatureComparedWithItselfMatchesPerfectly() {
        BufferedImage s = TestImages.signature(600, 200, 3f, INK, 1, 0, 7);
        SignatureComparison.Result r = SignatureComparison.compare(s, s);
        assertThat(r.horizontalProfileCorrelation()).isCloseTo(1.0, within(1e-9));
        assertThat(r.verticalProfileCorrelation()).isCloseTo(1.0, within(1e-9));
        assertThat(r.submitted()).isEqualTo(r.registry());
        assertThat(r.submittedInk().getHeight()).isEqualTo(SignatureComparison.HEIGHT);
        assertThat(r.overlay().getRGB(r.overlay().getWidth() / 2, 0) & 0xFFFFFF).isIn(0xFFFFFF, 0x4A148C);
    }

    @Test
    void scaleDoesNotChangeTheComparisonButADifferentSignatureDoes() {
        BufferedImage s = TestImages.signature(600, 200, 3f, INK, 1, 0, 7);
        BufferedImage bigger = TestImages.signature(900, 300, 4.5f, INK, 1, 0, 7);
        BufferedImage other = TestImages.signature(600, 200, 3f, INK, 1, 0, 99);
        SignatureComparison.Result same = SignatureComparison.compare(s, bigger);
        SignatureComparison.Result diff = SignatureComparison.compare(s, other);
        assertThat(same.submitted().aspectRatio()).isCloseTo(same.registry().aspectRatio(), within(0.05));
        assertThat(same.horizontalProfileCorrelation()).isGreaterThan(0.8);
        assertThat(diff.horizontalProfileCorrelation()).isLessThan(same.horizontalProfileCorrelation());
    }

    @Test
    void slantFollowsAKnownShear() {
        BufferedImage upright = TestImages.signature(600, 200, 3f, INK, 0.8, 0, 7);
        BufferedImage leaning = new BufferedImage(600, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = leaning.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 200);
        AffineTransform shear = new AffineTransform(1, 0, -Math.tan(Math.toRadians(20)), 1,
                Math.tan(Math.toRadians(20)) * 100, 0);
        g.drawImage(upright, shear, null);
        g.dispose();
        SignatureComparison.Result r = SignatureComparison.compare(upright, leaning);
        assertThat(r.registry().slantDegrees() - r.submitted().slantDegrees()).isCloseTo(20, within(4.0));
    }

    @Test
    void strokesAreCountedAsSeparatePiecesOfInk() {
        BufferedImage img = new BufferedImage(300, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 300, 100);
        g.setColor(Color.BLACK);
        g.fillRect(20, 20, 40, 6);
        g.fillRect(100, 30, 6, 50);
        g.fillOval(180, 30, 40, 40);
        g.dispose();
        SignatureComparison.Result r = SignatureComparison.compare(img, img);
        assertThat(r.submitted().strokes()).isEqualTo(3);
    }

    @Test
    void blankPaperHasNothingToCompare() {
        BufferedImage blank = new BufferedImage(300, 100, BufferedImage.TYPE_INT_RGB);
        assertThat(SignatureComparison.compare(blank, TestImages.signature(600, 200, 3f, INK, 1, 0, 7))).isNull();
        assertThat(SignatureComparison.binarised(TestImages.signature(600, 200, 3f, INK, 1, 0, 7)).getType())
                .isEqualTo(BufferedImage.TYPE_BYTE_BINARY);
    }

    @Test
    void theTemplateAgreesWithTheChecks() {
        Thresholds t = Thresholds.defaults();
        PortraitTemplate tpl = PortraitTemplate.of(700, 900, t);
        assertThat(tpl.centreX()).isEqualTo(350);
        assertThat(tpl.eyeBandTop()).isCloseTo(270, within(0.01));
        assertThat(tpl.eyeBandBottom()).isCloseTo(450, within(0.01));
        double y = (tpl.eyeBandTop() + tpl.eyeBandBottom()) / 2;
        FaceLandmarks f = FaceLandmarks.manual(new FaceLandmarks.Point(280, y), new FaceLandmarks.Point(420, y),
                new FaceLandmarks.Point(350, tpl.ovalCentreY() + tpl.ovalHalfHeight()),
                new FaceLandmarks.Point(350, tpl.ovalCentreY() - tpl.ovalHalfHeight()));
        Report r = new PhotoInspector(t, FaceFinder.NONE).inspect(
                TestImages.jpeg(new BufferedImage(700, 900, BufferedImage.TYPE_INT_RGB), 0.9f), f);
        assertThat(r.check("photo.eyeLine").verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.check("photo.headHeight").verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.check("photo.centring").verdict()).isEqualTo(Verdict.PASS);
        int[] hist = Histogram.luminance(new Raster(new BufferedImage(700, 900, BufferedImage.TYPE_INT_RGB)));
        assertThat(hist[0]).isEqualTo(700 * 900);
    }
}
