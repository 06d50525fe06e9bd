package kz.qujat.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any image that decodes gets every check with a verdict, whatever its size: 1x1, a line of 300x2, a column,
 * and the sizes around the checks' own windows (the corner squares, the 600 px working copy). Checks that
 * cannot measure on so few pixels say NOT_MEASURED; nothing throws.
 */
class TinyImagesTest {
    private static PhotoInspector photos;
    private static PhotoInspector withDetector;
    private static SignatureInspector signatures;

    @BeforeAll
    static void setUp() {
        photos = new PhotoInspector(Thresholds.defaults(), FaceFinder.NONE);
        withDetector = new PhotoInspector(Thresholds.defaults(), new OpenCvFaceFinder());
        signatures = new SignatureInspector(Thresholds.defaults());
    }

    record Size(int w, int h) {
        @Override
        public String toString() {
            return w + "x" + h;
        }
    }

    static List<Size> sizes() {
        List<Size> out = new ArrayList<>();
        for (int w = 1; w <= 6; w++) {
            for (int h = 1; h <= 6; h++) {
                out.add(new Size(w, h));
            }
        }
        for (int n : new int[] {2, 3, 39, 40, 41, 300, 601, 1201}) {
            out.add(new Size(n, 1));
            out.add(new Size(1, n));
            out.add(new Size(n, 2));
            out.add(new Size(2, n));
        }
        out.add(new Size(300, 3));
        out.add(new Size(3, 300));
        out.add(new Size(7, 9));
        out.add(new Size(35, 45));
        for (int[] wh : new int[][] {{16, 16}, {15, 16}, {16, 15}, {16, 1201}, {1201, 16}, {17, 300}, {300, 17},
            {6000, 16}, {16, 6000}, {12000, 16}, {16, 12000}, {12000, 40}}) {
            out.add(new Size(wh[0], wh[1]));
        }
        return out;
    }

    private static BufferedImage image(Size s, long seed) {
        BufferedImage img = new BufferedImage(s.w(), s.h(), BufferedImage.TYPE_INT_RGB);
        Random r = new Random(seed);
        for (int y = 0; y < s.h(); y++) {
            for (int x = 0; x < s.w(); x++) {
                img.setRGB(x, y, seed == 0 ? 0xffffff : r.nextInt(0x1000000));
            }
        }
        return img;
    }

    private static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(ImageIO.write(img, format, out)).isTrue();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertComplete(Report r, String label) {
        assertThat(r.checks()).as(label).isNotEmpty();
        for (CheckResult c : r.checks()) {
            assertThat(c.verdict()).as(label + " " + c.check()).isNotNull();
            if (c.verdict() != Verdict.NOT_MEASURED) {
                assertThat(Double.isFinite(c.value()) || Double.isNaN(c.value())).as(label + " " + c.check()).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    void everyDecodableSizeGetsItsChecks(Size s) {
        for (String format : new String[] {"png", "jpeg"}) {
            for (long seed : new long[] {0, 1}) {
                byte[] bytes = encode(image(s, seed), format);
                String label = s + " " + format + " seed " + seed;
                assertThatCode(() -> {
                    Report p = photos.inspect(bytes);
                    assertComplete(p, label);
                    assertThat(p.check("photo.decodable").verdict()).as(label).isEqualTo(Verdict.PASS);
                    assertComplete(withDetector.inspect(bytes), label + " detector");
                    assertComplete(signatures.inspect(bytes), label + " signature");
                }).as(label).doesNotThrowAnyException();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    void pointsMarkedByHandOnATinyPhotoAreMeasuredOrNotMeasured(Size s) {
        byte[] bytes = encode(image(s, 1), "png");
        FaceLandmarks inside = FaceLandmarks.manual(new FaceLandmarks.Point(0, 0),
                new FaceLandmarks.Point(s.w() - 1, 0), new FaceLandmarks.Point(s.w() / 2.0, s.h() - 1),
                new FaceLandmarks.Point(s.w() / 2.0, 0));
        FaceLandmarks outside = FaceLandmarks.manual(new FaceLandmarks.Point(-50, 10),
                new FaceLandmarks.Point(400, 10), new FaceLandmarks.Point(100, 900), new FaceLandmarks.Point(100, -300));
        for (FaceLandmarks f : new FaceLandmarks[] {inside, outside}) {
            assertThatCode(() -> assertComplete(photos.inspect(bytes, f), s + " manual"))
                    .as(s.toString()).doesNotThrowAnyException();
        }
    }
}
