package kz.qujat.tools;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.qujat.inspect.FaceFinder;
import kz.qujat.inspect.FaceLandmarks;
import kz.qujat.inspect.YuNetFaceFinder;
import kz.qujat.inspect.Raster;
import kz.qujat.inspect.Thresholds;
import kz.qujat.tools.faceset.FaceSet;
import kz.qujat.tools.faceset.FairnessEvaluation;
import kz.qujat.tools.faceset.SamePersonCalibration;
import kz.qujat.inspect.SamePerson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code qujat inspect-eval DIR}: runs the face and eye detector on portraits with known pupil positions
 * ({@code NAME.jpg} + {@code NAME.eyes}: two lines "x TAB y", image-left eye first) and prints the
 * detection rate, the eye-position error as a share of the inter-eye distance, and the time per image.
 */
@Command(name = "inspect-eval", mixinStandardHelpOptions = true,
        description = "Measures the face/eye detector on a folder of portraits with known pupil positions.")
public final class InspectEvalCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR")
    Path dir;

    @Option(names = "--verbose", description = "print the eye error of every portrait")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        List<Path> images;
        try (Stream<Path> s = Files.list(dir)) {
            images = s.filter(p -> p.toString().matches(".*\\.(jpe?g|png|JPE?G|PNG)$"))
                    .filter(p -> Files.exists(eyesFile(p))).sorted().toList();
        }
        if (images.isEmpty()) {
            System.err.println("no portraits with .eyes files in " + dir);
            return 2;
        }
        YuNetFaceFinder finder = new YuNetFaceFinder();
        Map<String, FaceFinder> finders = new LinkedHashMap<>();
        finders.put("YuNet landmarks alone", new YuNetFaceFinder(false));
        finders.put("YuNet + pupil refinement (in use)", finder);
        for (Map.Entry<String, FaceFinder> e : finders.entrySet()) {
            evaluate(e.getKey(), e.getValue(), images);
        }
        if (Files.isRegularFile(dir.resolve("subjects.csv"))) {
            FaceSet set = FaceSet.open(dir);
            System.out.printf(Locale.ROOT, "%nevery check per group of subjects.csv, on the portraits cropped to 35x45 around"
                    + " the pupils, clean and degraded (JPEG q92, detector points)%n");
            System.out.print(new FairnessEvaluation(Thresholds.defaults(), finder).run(set).table());
            Thresholds t = Thresholds.defaults();
            System.out.printf(Locale.ROOT, "%n");
            System.out.print(new SamePersonCalibration(new SamePerson(t), t.number("face.samePerson.same"),
                    t.number("face.samePerson.different")).run(set).table());
        }
        return 0;
    }

    private void evaluate(String name, FaceFinder finder, List<Path> images) throws IOException {
        System.out.printf(Locale.ROOT, "%n== %s%n", name);
        finder.find(new Raster(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB))); // load natives before timing
        List<Double> errors = new ArrayList<>();
        List<Double> millis = new ArrayList<>();
        int detected = 0;
        for (Path p : images) {
            BufferedImage img = ImageIO.read(p.toFile());
            if (img == null) {
                System.err.println("unreadable: " + p.getFileName());
                continue;
            }
            FaceLandmarks.Point[] truth = readEyes(eyesFile(p));
            long t0 = System.nanoTime();
            Optional<FaceLandmarks> found = finder.find(new Raster(img));
            millis.add((System.nanoTime() - t0) / 1e6);
            if (found.isEmpty()) {
                System.out.printf("%-24s not detected%n", p.getFileName());
                continue;
            }
            detected++;
            double ied = truth[0].distance(truth[1]);
            double el = found.get().leftEye().distance(truth[0]) / ied;
            double er = found.get().rightEye().distance(truth[1]) / ied;
            errors.add(el);
            errors.add(er);
            if (verbose) {
                System.out.printf(Locale.ROOT, "%-24s left %.3f right %.3f IED%n", p.getFileName(), el, er);
            }
        }
        Collections.sort(errors);
        Collections.sort(millis);
        System.out.printf(Locale.ROOT, "images %d, detected %d (%.1f %%)%n", images.size(), detected,
                100.0 * detected / images.size());
        if (!errors.isEmpty()) {
            System.out.printf(Locale.ROOT, "eye error / IED: median %.3f, 95th percentile %.3f, max %.3f%n",
                    percentile(errors, 50), percentile(errors, 95), errors.get(errors.size() - 1));
        }
        System.out.printf(Locale.ROOT, "time per image: median %.1f ms, mean %.1f ms%n", percentile(millis, 50),
                millis.stream().mapToDouble(Double::doubleValue).average().orElse(0));
    }

    static double percentile(List<Double> sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static Path eyesFile(Path image) {
        String name = image.getFileName().toString();
        return image.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".eyes");
    }

    private static FaceLandmarks.Point[] readEyes(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        if (lines.size() < 2) {
            throw new IOException(file.getFileName() + ": needs two lines 'x<TAB>y'");
        }
        FaceLandmarks.Point[] out = new FaceLandmarks.Point[2];
        for (int i = 0; i < 2; i++) {
            String[] xy = lines.get(i).trim().split("\\s+");
            out[i] = new FaceLandmarks.Point(Double.parseDouble(xy[0]), Double.parseDouble(xy[1]));
        }
        return out;
    }
}
