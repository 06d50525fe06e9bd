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
 * same-person check against a register photo as intake runs it (the suite's decoded image and YuNet points reused;
 * the register photo's descriptor computed, as for a citizen seen the first time, or taken from the cache), and
 * the earlier way (both photos decoded and searched again), after warm-up, with the ratios to the decode.
 * Targets on the reference 2-core machine: suite under 150 ms, under 4× the decode; suite + same person ≤ 150 ms.
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
        byte[] register = SyntheticApplicants.portraitJpeg(43, 1200, 1600);
        // capacity 0: every register photo is described (a citizen seen for the first time)
        SamePerson cold = new SamePerson(t, new YuNetFaceFinder(false), descriptor, new kz.qujat.inspect.DescriptorCache(0));
        SamePerson warm = new SamePerson(t, new YuNetFaceFinder(false), descriptor,
                new kz.qujat.inspect.DescriptorCache(16));
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
            intake(inspector, cold, bytes, register);
            intake(inspector, warm, bytes, register);
            cold.compare(bytes, register);
        }
        double[] decode = new double[iterations];
        double[] suite = new double[iterations];
        double[] detect = new double[iterations];
        double[] describe = new double[iterations];
        double[] whole = new double[iterations];
        double[] cached = new double[iterations];
        double[] before = new double[iterations];
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
            // what intake does: the photo suite, then the same-person check on its image and points
            String v = intake(inspector, cold, bytes, register);
            long t6 = System.nanoTime();
            intake(inspector, warm, bytes, register);
            long t7 = System.nanoTime();
            // the earlier way: the suite, then both photos decoded and searched again
            inspector.inspect(bytes);
            cold.compare(bytes, register);
            long t8 = System.nanoTime();
            if (v.equals("NOT_MEASURED")) {
                throw new IllegalStateException("the same-person check measured nothing");
            }
            detect[i] = (t4 - t3) / 1e6;
            describe[i] = (t5 - t4) / 1e6;
            whole[i] = (t6 - t5) / 1e6;
            cached[i] = (t7 - t6) / 1e6;
            before[i] = (t8 - t7) / 1e6;
        }
        double d = median(decode);
        double s = median(suite);
        System.out.printf(Locale.ROOT, "decode alone:     median %.1f ms%n", d);
        System.out.printf(Locale.ROOT, "whole photo suite: median %.1f ms (target < 150 ms)%n", s);
        System.out.printf(Locale.ROOT, "ratio suite/decode: %.2f (target < 4)%n", s / d);
        System.out.printf(Locale.ROOT, "YuNet detector:    median %.1f ms%n", median(detect));
        System.out.printf(Locale.ROOT, "face descriptor:   median %.1f ms (align + network, one face)%n", median(describe));
        double w = median(whole);
        System.out.printf(Locale.ROOT, "suite + same person, register photo described (new citizen): median %.1f ms"
                + " (target <= 150 ms), ratio to decode %.2f%n", w, w / d);
        double c = median(cached);
        System.out.printf(Locale.ROOT, "suite + same person, register descriptor cached: median %.1f ms, ratio to decode"
                + " %.2f%n", c, c / d);
        double b = median(before);
        System.out.printf(Locale.ROOT, "suite + same person, both photos decoded and searched again (before): median"
                + " %.1f ms, ratio to decode %.2f%n", b, b / d);
        return 0;
    }

    private static String intake(PhotoInspector inspector, SamePerson same, byte[] photo, byte[] register) {
        PhotoInspector.Inspected in = inspector.inspectKeeping(photo);
        return same.compare(in.image(), in.report().landmarks(), register).verdict().name();
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
