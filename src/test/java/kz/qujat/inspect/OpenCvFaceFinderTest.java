package kz.qujat.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenCvFaceFinderTest {
    private static OpenCvFaceFinder finder;
    private static TestImages.Portrait portrait;

    @BeforeAll
    static void load() {
        finder = new OpenCvFaceFinder();
        portrait = TestImages.standard();
    }

    @Test
    void findsTheEyesOfARealPortraitWithinFivePercentOfTheirDistance() {
        FaceLandmarks found = finder.find(new Raster(portrait.image())).orElseThrow();
        FaceLandmarks truth = portrait.landmarks();
        double ied = truth.interEyeDistance();
        assertThat(found.leftEye().distance(truth.leftEye()) / ied).isLessThan(0.05);
        assertThat(found.rightEye().distance(truth.rightEye()) / ied).isLessThan(0.05);
        assertThat(found.facesFound()).isEqualTo(1);
        assertThat(found.manual()).isFalse();
        assertThat(found.crown().y()).isLessThan(truth.eyeMidpoint().y() - 1.5 * ied);
    }

    @Test
    void theWholeSuiteRunsOnDetectedPointsWithoutHelp() {
        Report r = new PhotoInspector(Thresholds.defaults(), finder).inspect(portrait.jpeg());
        for (String c : new String[] {"photo.oneFace", "photo.ied", "photo.roll", "photo.eyeLine", "photo.centring"}) {
            assertThat(r.check(c).verdict()).as(c + " = " + r.check(c).value()).isEqualTo(Verdict.PASS);
        }
        assertThat(r.check("photo.sharpness").measured()).isTrue();
    }

    @Test
    void detectingAFaceMapsNoGuiLibraryIntoTheProcess() throws IOException {
        Path maps = Path.of("/proc/self/maps");
        Assumptions.assumeTrue(Files.isReadable(maps), "no /proc/self/maps on this system (Linux only)");
        assertThat(finder.find(new Raster(portrait.image()))).isPresent();
        // and the product's own path: YuNet and the descriptor in ONNX Runtime, the alignment in OpenCV's imgproc
        FaceLandmarks yunet = new YuNetFaceFinder().find(new Raster(portrait.image())).orElseThrow();
        assertThat(new FaceDescriptor().describe(new Raster(portrait.image()), yunet.detected())).hasSize(128);
        String mapped = Files.readAllLines(maps).stream().map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .filter(file -> file.contains(".so")).distinct().collect(Collectors.joining("\n"));
        assertThat(mapped).contains("libopencv_objdetect").contains("libjniopencv_objdetect")
                .contains("libopencv_imgproc").contains("libonnxruntime");
        // highgui is linked to GTK 2, which kills a JavaFX (GTK 3) window at its next native dialog
        assertThat(mapped).doesNotContain("libopencv_highgui").doesNotContain("libgtk-x11-2.0")
                .doesNotContain("libgdk-x11-2.0").doesNotContain("libopencv_videoio");
    }

    @Test
    void noFaceMeansNotMeasuredNotAGuess() {
        BufferedImage wall = new BufferedImage(600, 771, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = wall.createGraphics();
        g.setColor(new Color(230, 230, 225));
        g.fillRect(0, 0, 600, 771);
        g.dispose();
        assertThat(finder.find(new Raster(wall))).isEmpty();
        Report r = new PhotoInspector(Thresholds.defaults(), finder).inspect(TestImages.jpeg(wall, 0.9f));
        assertThat(r.check("photo.ied").verdict()).isEqualTo(Verdict.NOT_MEASURED);
        assertThat(r.check("photo.oneFace").messageKey()).isEqualTo("inspect.notMeasured.noFace");
    }

    @Test
    void twoPeopleAreCountedAsTwoFaces() {
        BufferedImage one = portrait.image();
        int w = one.getWidth();
        BufferedImage two = new BufferedImage(w * 2, one.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = two.createGraphics();
        g.drawImage(one, 0, 0, null);
        g.drawImage(one, w, 0, null);
        g.dispose();
        FaceLandmarks found = finder.find(new Raster(two)).orElseThrow();
        assertThat(found.facesFound()).isEqualTo(2);
        Report r = new PhotoInspector(Thresholds.defaults(), finder).inspect(TestImages.jpeg(two, 0.9f));
        assertThat(r.check("photo.oneFace").verdict()).isEqualTo(Verdict.FAIL);
    }
}
