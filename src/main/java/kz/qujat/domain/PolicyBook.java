package kz.qujat.domain;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * All policy versions, read from a properties text. Periods of versions must not overlap, so that the
 * version in force on any day is unambiguous. Format, one block per version listed in {@code versions}:
 * <pre>
 * versions=V1,V2
 * V1.label=...           V1.demonstration=false
 * V1.from=2025-05-28     V1.to=2026-03-31 (empty: open-ended)
 * V1.documents=ID_CARD   V1.reasons=EXPIRY
 * V1.daysBeforeExpiry=30 V1.daysAfterExpiry=10   V1.feeTiyn=...
 * </pre>
 */
public final class PolicyBook {
    private final List<Policy> policies;

    public PolicyBook(List<Policy> policies) {
        List<Policy> sorted = new ArrayList<>(policies);
        sorted.sort(Comparator.comparing(Policy::effectiveFrom));
        for (int i = 1; i < sorted.size(); i++) {
            Policy prev = sorted.get(i - 1);
            Policy next = sorted.get(i);
            if (prev.effectiveTo() == null || !prev.effectiveTo().isBefore(next.effectiveFrom())) {
                throw new IllegalArgumentException("policy periods overlap: " + prev.version() + " and " + next.version());
            }
        }
        this.policies = List.copyOf(sorted);
    }

    public static PolicyBook read(Reader reader) throws IOException {
        Properties p = new Properties();
        p.load(reader);
        String versions = p.getProperty("versions", "").trim();
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("policy file lists no versions");
        }
        List<Policy> list = new ArrayList<>();
        for (String v : versions.split("\\s*,\\s*")) {
            list.add(new Policy(v,
                    required(p, v, "label"),
                    Boolean.parseBoolean(p.getProperty(v + ".demonstration", "false").trim()),
                    date(required(p, v, "from"), v),
                    optionalDate(p.getProperty(v + ".to", ""), v),
                    enums(required(p, v, "documents"), DocumentType::valueOf, DocumentType.class, v),
                    enums(required(p, v, "reasons"), ApplicationReason::valueOf, ApplicationReason.class, v),
                    integer(required(p, v, "daysBeforeExpiry"), v),
                    integer(required(p, v, "daysAfterExpiry"), v),
                    Long.parseLong(required(p, v, "feeTiyn"))));
        }
        return new PolicyBook(list);
    }

    public List<Policy> all() {
        return policies;
    }

    public Optional<Policy> inForceOn(LocalDate day) {
        return policies.stream().filter(p -> p.inForceOn(day)).findFirst();
    }

    public Optional<Policy> version(String version) {
        return policies.stream().filter(p -> p.version().equals(version)).findFirst();
    }

    private static String required(Properties p, String version, String key) {
        String value = p.getProperty(version + "." + key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("policy " + version + ": missing " + key);
        }
        return value.trim();
    }

    private static LocalDate date(String text, String version) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("policy " + version + ": bad date " + text, e);
        }
    }

    private static LocalDate optionalDate(String text, String version) {
        return text == null || text.isBlank() ? null : date(text.trim(), version);
    }

    private static int integer(String text, String version) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("policy " + version + ": not a number: " + text, e);
        }
    }

    private static <E extends Enum<E>> Set<E> enums(String text, Function<String, E> parse, Class<E> type, String version) {
        Set<E> set = EnumSet.noneOf(type);
        for (String s : Arrays.asList(text.split("\\s*,\\s*"))) {
            try {
                set.add(parse.apply(s));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("policy " + version + ": unknown value " + s, e);
            }
        }
        return set;
    }
}
