package kz.qujat.tools;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import kz.qujat.inspect.YuNetFaceFinder;
import kz.qujat.inspect.FaceDescriptor;
import kz.qujat.inspect.PhotoInspector;
import kz.qujat.inspect.Raster;
import kz.qujat.inspect.SamePerson;
import kz.qujat.inspect.Report;
import kz.qujat.inspect.SafeImage;
import kz.qujat.inspect.Thresholds;
import kz.qujat.tools.synthetic.SyntheticApplicants;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code qujat bench inspect}: on a 1200×1600 JPEG portrait, the time to decode alone, the whole photo suite
 * (decode, face and eyes, every check), the YuNet detector and the face descriptor alone, and the suite with the
 * same-person check against a register photo, after warm-up, with the ratios to the decode.
 * Targets on the reference 2-core machine: suite under 150 ms, under 4× the decode.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Times the photo check suite against decoding alone.")
final class InspectBench implements Callable<Integer> {
    @Option(names = "--photo", paramLabel = "FILE", description = "portrait to use (default: a synthetic 1200x1600 JPEG)")
    Path photo;

    @Option(names = "--warmup", defaultValue = "15")
    int warmup;

    @Option(names = "--iterations", defaultValue = "40")
    int iterations;

    @Override
    public Integer call() throws Exception {
        byte[] bytes = photo != null ? Files.readAllBytes(photo)
                : SyntheticApplicants.portraitJpeg(42, 1200, 1600);
        Thresholds t = Thresholds.defaults();
        SafeImage decoder = SafeImage.fromThresholds(t);
        YuNetFaceFinder yunet = new YuNetFaceFinder();
        PhotoInspector inspector = new PhotoInspector(t, yunet);
        FaceDescriptor descriptor = new FaceDescriptor();
        SamePerson samePerson = new SamePerson(t, new YuNetFaceFinder(false), descriptor);
        Raster raster = new Raster(decoder.decode(bytes).image());
        Report sample = inspector.inspect(bytes);
        System.out.printf(Locale.ROOT, "portrait %dx%d, %d bytes, face %s%n", sample.header().width(),
                sample.header().height(), bytes.length, sample.landmarks() == null ? "not found" : "found");
        var points = yunet.detectAll(raster);
        if (points.isEmpty()) {
            throw new IllegalStateException("no face in the portrait");
        }
        for (int i = 0; i < warmup; i++) {
            decoder.decode(bytes);
            inspector.inspect(bytes);
            descriptor.describe(raster, points.get(0));
            samePerson.compare(bytes, bytes);
        }
        double[] decode = new double[iterations];
        double[] suite = new double[iterations];
        double[] detect = new double[iterations];
        double[] describe = new double[iterations];
        double[] whole = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            BufferedImage img = decoder.decode(bytes).image();
            long t1 = System.nanoTime();
            inspector.inspect(bytes);
            long t2 = System.nanoTime();
            if (img == null) {
                throw new IllegalStateException("the portrait does not decode");
            }
            decode[i] = (t1 - t0) / 1e6;
            suite[i] = (t2 - t1) / 1e6;
            long t3 = System.nanoTime();
            yunet.detectAll(raster);
            long t4 = System.nanoTime();
            descriptor.describe(raster, points.get(0));
            long t5 = System.nanoTime();
            // what intake does: the photo suite plus the same-person check against the register's photo
            inspector.inspect(bytes);
            samePerson.compare(bytes, bytes);
            long t6 = System.nanoTime();
            detect[i] = (t4 - t3) / 1e6;
            describe[i] = (t5 - t4) / 1e6;
            whole[i] = (t6 - t5) / 1e6;
        }
        double d = median(decode);
        double s = median(suite);
        System.out.printf(Locale.ROOT, "decode alone:     median %.1f ms%n", d);
        System.out.printf(Locale.ROOT, "whole photo suite: median %.1f ms (target < 150 ms)%n", s);
        System.out.printf(Locale.ROOT, "ratio suite/decode: %.2f (target < 4)%n", s / d);
        System.out.printf(Locale.ROOT, "YuNet detector:    median %.1f ms%n", median(detect));
        System.out.printf(Locale.ROOT, "face descriptor:   median %.1f ms (align + network, one face)%n", median(describe));
        double w = median(whole);
        System.out.printf(Locale.ROOT, "suite + same person (photo and register photo): median %.1f ms (target <= 150 ms),"
                + " ratio to decode %.2f%n", w, w / d);
        return 0;
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
