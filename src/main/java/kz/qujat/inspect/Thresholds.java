package kz.qujat.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Every threshold of the checks, read from one configuration file (see {@code thresholds.properties}). */
public final class Thresholds {
    private final Properties props;

    private Thresholds(Properties props) {
        this.props = props;
    }

    /** The shipped thresholds. */
    public static Thresholds defaults() {
        try (InputStream in = Thresholds.class.getResourceAsStream("thresholds.properties")) {
            if (in == null) {
                throw new IllegalStateException("thresholds.properties missing from the build");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Thresholds read(Reader reader) throws IOException {
        Properties p = new Properties();
        p.load(reader);
        return new Thresholds(p);
    }

    public Band band(String key) {
        String[] parts = required(key).split("\\s+");
        if (parts.length != 4) {
            throw new IllegalArgumentException("threshold " + key + " needs 4 numbers");
        }
        return new Band(num(parts[0]), num(parts[1]), num(parts[2]), num(parts[3]));
    }

    public double number(String key) {
        return num(required(key));
    }

    /** A pair "low high" such as the natural-colour ranges. */
    public double[] range(String key) {
        String[] parts = required(key).split("\\s+");
        return new double[] {num(parts[0]), num(parts[1])};
    }

    /** Labelled whole numbers, "name number name number ...", such as the counts of a measurement. */
    public java.util.Map<String, Integer> counts(String key) {
        String[] parts = required(key).split("\\s+");
        if (parts.length % 2 != 0) {
            throw new IllegalArgumentException("threshold " + key + " needs name and number pairs");
        }
        java.util.Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < parts.length; i += 2) {
            out.put(parts[i], Integer.parseInt(parts[i + 1]));
        }
        return out;
    }

    public String source(String key) {
        return props.getProperty(key + ".source", "");
    }

    private String required(String key) {
        String v = props.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("threshold " + key + " is not configured");
        }
        return v.trim();
    }

    private static double num(String s) {
        return switch (s) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }
}
