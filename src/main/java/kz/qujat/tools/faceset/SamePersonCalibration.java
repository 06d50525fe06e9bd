package kz.qujat.tools.faceset;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.qujat.inspect.FaceDescriptor;
import kz.qujat.inspect.Raster;
import kz.qujat.inspect.SamePerson;

/**
 * Measures the same-person check per group of {@code subjects.csv}: pairs of one person ({@code NNN_03.jpg}
 * with {@code smiling/NNN_08.jpg}) and pairs of two different sitters of the same group (each of the two
 * photos of one with each of the other's, four pairs per two sitters), with the thresholds in force.
 */
public final class SamePersonCalibration {
    /** Counts of one kind of pair in one group. */
    public static final class Counts {
        private final List<Double> distances = new ArrayList<>();
        private int same;
        private int unsure;
        private int different;

        void add(double d, SamePerson.Verdict v) {
            distances.add(d);
            switch (v) {
                case SAME -> same++;
                case UNSURE -> unsure++;
                case DIFFERENT -> different++;
                default -> throw new IllegalStateException(v.name());
            }
        }

        public int pairs() {
            return distances.size();
        }

        public int same() {
            return same;
        }

        public int unsure() {
            return unsure;
        }

        public int different() {
            return different;
        }

        public double min() {
            return distances.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        public double max() {
            return distances.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }

        public double median() {
            List<Double> s = distances.stream().sorted().toList();
            return s.isEmpty() ? Double.NaN : s.get(s.size() / 2);
        }
    }

    /** Per group: one person's pairs and two people's pairs; "all" sums every group. */
    public record Result(Map<String, Counts> samePerson, Map<String, Counts> differentPeople, double sameAtMost,
                         double differentAbove) {
        public String table() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "same-person check: SAME <= %.2f < UNSURE <= %.2f < DIFFERENT%n",
                    sameAtMost, differentAbove));
            sb.append(String.format(Locale.ROOT, "%-12s %-17s %6s %6s %7s %10s %s%n", "group", "pairs", "n", "SAME",
                    "UNSURE", "DIFFERENT", "distance min / median / max"));
            for (String g : samePerson.keySet()) {
                row(sb, g, "one person", samePerson.get(g));
                row(sb, g, "two people", differentPeople.get(g));
            }
            return sb.toString();
        }

        private static void row(StringBuilder sb, String g, String kind, Counts c) {
            sb.append(String.format(Locale.ROOT, "%-12s %-17s %6d %6d %7d %10d %.3f / %.3f / %.3f%n", g, kind,
                    c.pairs(), c.same(), c.unsure(), c.different(), c.min(), c.median(), c.max()));
        }
    }

    private final SamePerson same;
    private final double sameAtMost;
    private final double differentAbove;

    public SamePersonCalibration(SamePerson same, double sameAtMost, double differentAbove) {
        this.same = same;
        this.sameAtMost = sameAtMost;
        this.differentAbove = differentAbove;
    }

    public Result run(FaceSet set) throws IOException {
        Map<String, float[]> neutral = new LinkedHashMap<>();
        Map<String, float[]> smiling = new LinkedHashMap<>();
        for (FaceSet.Sitter s : set.sitters()) {
            neutral.put(s.id(), describe(s.image(), s.id()));
            if (s.smilingPhoto().isPresent()) {
                smiling.put(s.id(), describe(FaceSet.read(s.smilingPhoto().get()), s.id() + " smiling"));
            }
        }
        Map<String, Counts> one = new LinkedHashMap<>();
        Map<String, Counts> two = new LinkedHashMap<>();
        List<String> groups = new ArrayList<>(set.groups());
        groups.add("all");
        for (String g : groups) {
            one.put(g, new Counts());
            two.put(g, new Counts());
        }
        List<FaceSet.Sitter> sitters = set.sitters();
        for (int i = 0; i < sitters.size(); i++) {
            FaceSet.Sitter a = sitters.get(i);
            if (smiling.containsKey(a.id())) {
                add(one, a.group(), FaceDescriptor.distance(neutral.get(a.id()), smiling.get(a.id())));
            }
            for (int j = i + 1; j < sitters.size(); j++) {
                FaceSet.Sitter b = sitters.get(j);
                if (!a.group().equals(b.group())) {
                    continue;
                }
                for (float[] x : photos(a, neutral, smiling)) {
                    for (float[] y : photos(b, neutral, smiling)) {
                        add(two, a.group(), FaceDescriptor.distance(x, y));
                    }
                }
            }
        }
        return new Result(one, two, sameAtMost, differentAbove);
    }

    private static List<float[]> photos(FaceSet.Sitter s, Map<String, float[]> neutral, Map<String, float[]> smiling) {
        List<float[]> out = new ArrayList<>();
        out.add(neutral.get(s.id()));
        if (smiling.containsKey(s.id())) {
            out.add(smiling.get(s.id()));
        }
        return out;
    }

    private void add(Map<String, Counts> m, String group, double d) {
        SamePerson.Verdict v = d <= sameAtMost ? SamePerson.Verdict.SAME
                : d > differentAbove ? SamePerson.Verdict.DIFFERENT : SamePerson.Verdict.UNSURE;
        m.get(group).add(d, v);
        m.get("all").add(d, v);
    }

    private float[] describe(java.awt.image.BufferedImage img, String what) throws IOException {
        float[] d = same.describe(new Raster(img), new ArrayList<>());
        if (d == null) {
            throw new IOException("no face found on " + what);
        }
        return d;
    }
}
