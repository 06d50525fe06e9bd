package kz.qujat.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of registration points: two per region, coded {@code REGION-NN}. A real deployment
 * would load the ministry's list; the shape (code → region) is what the rest of the system relies on.
 */
public final class RegistrationPoints {
    private static final int PER_REGION = 2;
    private static final Map<String, RegistrationPoint> BY_CODE = build();

    private RegistrationPoints() {
    }

    private static Map<String, RegistrationPoint> build() {
        Map<String, RegistrationPoint> points = new LinkedHashMap<>();
        for (Region region : Region.values()) {
            for (int n = 1; n <= PER_REGION; n++) {
                String code = String.format("%s-%02d", region.name(), n);
                points.put(code, new RegistrationPoint(code, region,
                        "Отдел документирования №" + n + " (" + region.nameRu() + ")",
                        "Documentation office No. " + n + " (" + region.nameEn() + ")"));
            }
        }
        return Collections.unmodifiableMap(points);
    }

    public static Optional<RegistrationPoint> find(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    public static RegistrationPoint parse(String code) {
        return find(code).orElseThrow(() ->
                new InvalidInputException("registrationPoint", "unknown registration point code"));
    }

    public static List<RegistrationPoint> of(Region region) {
        List<RegistrationPoint> list = new ArrayList<>();
        for (RegistrationPoint p : BY_CODE.values()) {
            if (p.region() == region) {
                list.add(p);
            }
        }
        return list;
    }

    public static List<RegistrationPoint> all() {
        return List.copyOf(BY_CODE.values());
    }
}
