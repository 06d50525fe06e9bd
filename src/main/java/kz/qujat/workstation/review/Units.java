package kz.qujat.workstation.review;

import java.util.Map;
import kz.qujat.workstation.I18n;

/** The units the checks measure in, in the officer's language ("px" is "пикс." in Russian, "levels" "уровней"). */
final class Units {
    /** The units with words (symbols such as %, °, L* and ΔE are the same in every language). */
    private static final Map<String, String> KEYS = Map.of("px", "unit.px", "levels", "unit.levels");

    private Units() {
    }

    static String of(I18n i18n, String unit) {
        String key = KEYS.get(unit);
        return key == null ? unit : i18n.get(key);
    }
}
