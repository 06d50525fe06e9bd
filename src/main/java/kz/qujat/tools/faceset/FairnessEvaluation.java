package kz.qujat.tools.faceset;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import kz.qujat.inspect.CheckResult;
import kz.qujat.inspect.FaceFinder;
import kz.qujat.inspect.Raster;
import kz.qujat.inspect.Thresholds;
import kz.qujat.inspect.PhotoInspector;
import kz.qujat.inspect.Report;
import kz.qujat.inspect.Verdict;

/**
 * Runs every photo check on each sample portrait cropped to 35×45 around its pupils, clean and with each
 * {@link Degradation}, through the real detector, and tabulates per group of {@code subjects.csv} how often
 * each check says FAIL or WARN. This is how the lighting thresholds were set and how a test holds them.
 */
public final class FairnessEvaluation {
    /** The checks of PHOTO-SIGNATURE.md's "light and background" section. */
    public static final List<String> LIGHTING = List.of("photo.backgroundUniformity", "photo.backgroundCorners",
            "photo.backgroundLightness", "photo.faceLuminance", "photo.exposure", "photo.dynamicRange",
            "photo.illuminationUniformity", "photo.sharpness", "photo.naturalColour");

    /** Counts of one group under one degradation. */
    public static final class Tally {
        private int photos;
        private int worstPass;
        private int lightingFail;
        private final Map<String, int[]> byCheck = new LinkedHashMap<>();
        private final Map<String, double[]> range = new LinkedHashMap<>();

        void add(Report r) {
            photos++;
            if (r.worst() == Verdict.PASS) {
                worstPass++;
            }
            boolean fail = false;
            for (CheckResult c : r.checks()) {
                int[] n = byCheck.computeIfAbsent(c.check(), k -> new int[Verdict.values().length]);
                n[c.verdict().ordinal()]++;
                if (c.measured()) {
                    double[] mm = range.computeIfAbsent(c.check(), k -> new double[] {Double.MAX_VALUE, -Double.MAX_VALUE});
                    mm[0] = Math.min(mm[0], c.value());
                    mm[1] = Math.max(mm[1], c.value());
                }
                fail |= LIGHTING.contains(c.check()) && c.verdict() == Verdict.FAIL;
            }
            if (fail) {
                lightingFail++;
            }
        }

        public int photos() {
            return photos;
        }

        /** Percent of photos whose worst verdict over every check is PASS. */
        public double worstPassRate() {
            return 100.0 * worstPass / photos;
        }

        /** Percent of photos that at least one lighting check FAILs. */
        public double lightingFailRate() {
            return 100.0 * lightingFail / photos;
        }

        /** Percent of photos on which {@code check} said {@code v}. */
        public double rate(String check, Verdict v) {
            int[] n = byCheck.get(check);
            return n == null ? 0 : 100.0 * n[v.ordinal()] / photos;
        }

        /** The smallest and largest measured value of {@code check}, or null if never measured. */
        public double[] range(String check) {
            return range.get(check);
        }

        public List<String> checks() {
            return List.copyOf(byCheck.keySet());
        }
    }

    /** The tallies: degradation → group → counts. */
    public record Result(List<String> groups, Map<Degradation, Map<String, Tally>> tallies, List<String> cleanNotPass) {
        public Tally tally(Degradation d, String group) {
            return tallies.get(d).get(group);
        }

        /** The table the command prints: per degradation, per check, "FAIL%/WARN%" per group. */
        public String table() {
            StringBuilder sb = new StringBuilder();
            Map<String, Tally> clean = tallies.get(Degradation.CLEAN);
            for (Map.Entry<Degradation, Map<String, Tally>> e : tallies.entrySet()) {
                Degradation d = e.getKey();
                sb.append(String.format(Locale.ROOT, "%n%s (%s): FAIL %% / WARN %% per group%n", d.label(), d.setting()));
                sb.append(String.format(Locale.ROOT, "%-30s", "check"));
                for (String g : groups) {
                    sb.append(String.format(Locale.ROOT, "%16s", g + " (" + clean.get(g).photos() + ")"));
                }
                sb.append('\n');
                for (String check : e.getValue().get(groups.get(0)).checks()) {
                    sb.append(String.format(Locale.ROOT, "%-30s", check + (LIGHTING.contains(check) ? " *" : "")));
                    for (String g : groups) {
                        Tally t = e.getValue().get(g);
                        sb.append(String.format(Locale.ROOT, "%16s", String.format(Locale.ROOT, "%.0f / %.0f",
                                t.rate(check, Verdict.FAIL), t.rate(check, Verdict.WARN))));
                    }
                    sb.append('\n');
                }
                sb.append(String.format(Locale.ROOT, "%-30s", "a lighting check FAILs"));
                for (String g : groups) {
                    sb.append(String.format(Locale.ROOT, "%15.0f%%", e.getValue().get(g).lightingFailRate()));
                }
                sb.append('\n').append(String.format(Locale.ROOT, "%-30s", "worst verdict PASS"));
                for (String g : groups) {
                    sb.append(String.format(Locale.ROOT, "%15.0f%%", e.getValue().get(g).worstPassRate()));
                }
                sb.append('\n');
            }
            sb.append("* lighting check (PHOTO-SIGNATURE.md, light and background)\n");
            sb.append(String.format(Locale.ROOT, "%nclean photos whose worst verdict is not PASS: %d%n", cleanNotPass.size()));
            cleanNotPass.forEach(l -> sb.append("  ").append(l).append('\n'));
            sb.append(String.format(Locale.ROOT, "%nmeasured values (every check on the clean photos, the lighting checks on the others), min..max per group%n"));
            for (Map.Entry<Degradation, Map<String, Tally>> e : tallies.entrySet()) {
                sb.append(e.getKey().label()).append('\n');
                for (String check : e.getKey() == Degradation.CLEAN ? e.getValue().get(groups.get(0)).checks() : LIGHTING) {
                    sb.append(String.format(Locale.ROOT, "  %-28s", check));
                    for (String g : groups) {
                        double[] mm = e.getValue().get(g).range(check);
                        sb.append(String.format(Locale.ROOT, "%16s", mm == null ? "-"
                                : String.format(Locale.ROOT, "%.3g..%.3g", mm[0], mm[1])));
                    }
                    sb.append('\n');
                }
            }
            return sb.toString();
        }
    }

    private final PhotoInspector inspector;
    private final FaceFinder finder;

    public FairnessEvaluation(Thresholds thresholds, FaceFinder finder) {
        this.inspector = new PhotoInspector(thresholds, finder);
        this.finder = finder;
    }

    public Result run(FaceSet set) throws IOException {
        Map<Degradation, Map<String, Tally>> tallies = new EnumMap<>(Degradation.class);
        for (Degradation d : Degradation.values()) {
            Map<String, Tally> byGroup = new LinkedHashMap<>();
            for (String g : set.groups()) {
                byGroup.put(g, new Tally());
            }
            tallies.put(d, byGroup);
        }
        List<String> notPass = new ArrayList<>();
        for (FaceSet.Sitter s : set.sitters()) {
            BufferedImage original = s.image();
            // the chin where the detector puts it on the original (from the mouth): the photographer sees the real one
            double chinY = finder.find(new Raster(original)).map(f -> f.chin().y())
                    .orElseThrow(() -> new IOException("no face found on " + s.id()));
            FaceSet.Crop crop = FaceSet.crop(original, s.pupils()[0], s.pupils()[1], chinY);
            for (Degradation d : Degradation.values()) {
                Report r = inspector.inspect(jpeg(d.apply(crop.image())));
                tallies.get(d).get(s.group()).add(r);
                if (d == Degradation.CLEAN && r.worst() != Verdict.PASS) {
                    StringBuilder line = new StringBuilder(s.id() + " (" + s.group() + "):");
                    r.checks().stream().filter(c -> c.verdict() == Verdict.WARN || c.verdict() == Verdict.FAIL)
                            .forEach(c -> line.append(String.format(Locale.ROOT, " %s %s %.3g", c.check(),
                                    c.verdict(), c.value())));
                    notPass.add(line.toString());
                }
            }
        }
        return new Result(new ArrayList<>(set.groups()), tallies, notPass);
    }

    /** As a sitter would upload it: JPEG at quality 92. */
    public static byte[] jpeg(BufferedImage img) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.92f);
                writer.write(null, new IIOImage(img, null, null), param);
            } finally {
                writer.dispose();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
