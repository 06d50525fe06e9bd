package kz.qujat.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ministry's catalogue of registration points, read from a UTF-8 CSV file it can update without a code change
 * (header {@code code,region,nameRu,nameKk,addressRu,addressKk,hoursRu,hoursKk}; RFC 4180 quoting; {@code #}
 * comment lines). A bad line is refused with its line number; every region must have at least one point.
 */
public final class RegistrationPoints {
    public static final String HEADER = "code,region,nameRu,nameKk,addressRu,addressKk,hoursRu,hoursKk";
    private static final String BUNDLED = "/kz/qujat/domain/registration-points.csv";
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]*-[0-9]{2,3}");

    private final Map<String, RegistrationPoint> byCode;

    private RegistrationPoints(Map<String, RegistrationPoint> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
    }

    /** The demonstration list shipped in the jar (two points per region). */
    public static RegistrationPoints bundled() {
        try (InputStream in = RegistrationPoints.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the bundled registration points are missing");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a catalogue; {@link IllegalArgumentException} names the line of the first problem. */
    public static RegistrationPoints read(Reader reader) throws IOException {
        BufferedReader in = new BufferedReader(reader);
        Map<String, RegistrationPoint> points = new LinkedHashMap<>();
        boolean header = false;
        int lineNo = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            String text = line.replace("\uFEFF", "");
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!text.trim().equals(HEADER)) {
                    throw new IllegalArgumentException("line " + lineNo + ": the header must be " + HEADER);
                }
                header = true;
                continue;
            }
            try {
                RegistrationPoint p = point(fields(text));
                if (points.putIfAbsent(p.code(), p) != null) {
                    throw new IllegalArgumentException("registration point " + p.code() + " is listed twice");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        if (!header) {
            throw new IllegalArgumentException("no header line " + HEADER);
        }
        for (Region r : Region.values()) {
            if (points.values().stream().noneMatch(p -> p.region() == r)) {
                throw new IllegalArgumentException("region " + r + " has no registration point");
            }
        }
        return new RegistrationPoints(points);
    }

    private static RegistrationPoint point(List<String> f) {
        if (f.size() != 8) {
            throw new IllegalArgumentException("expected 8 fields, found " + f.size());
        }
        String code = f.get(0).trim();
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("code " + code + " is not like ASTANA-01");
        }
        Region region = Region.find(f.get(1).trim())
                .orElseThrow(() -> new IllegalArgumentException("unknown region " + f.get(1).trim()));
        for (int i = 2; i < 8; i++) {
            if (f.get(i).isBlank()) {
                throw new IllegalArgumentException(HEADER.split(",")[i] + " is empty");
            }
        }
        return new RegistrationPoint(code, region, f.get(2).trim(), f.get(3).trim(), f.get(4).trim(),
                f.get(5).trim(), f.get(6).trim(), f.get(7).trim());
    }

    /** One CSV record on one line: fields separated by commas, a quoted field may hold commas and "" quotes. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"' && cur.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field is not closed");
        }
        out.add(cur.toString());
        return out;
    }

    public Optional<RegistrationPoint> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public RegistrationPoint parse(String code) {
        return find(code).orElseThrow(() ->
                new InvalidInputException("registrationPoint", "unknown registration point code"));
    }

    public List<RegistrationPoint> of(Region region) {
        return byCode.values().stream().filter(p -> p.region() == region).toList();
    }

    public List<RegistrationPoint> all() {
        return List.copyOf(byCode.values());
    }
}
