package kz.qujat.workstation.review;

import java.util.List;
import kz.qujat.workstation.I18n;

/** Short names of the checks in the officer's language; the id (photo.resolution) stays in the tooltip. */
public final class CheckNames {
    /** Every key, written out so that the bundle test sees them used. */
    static final List<String> KEYS = List.of("check.photo.decodable", "check.photo.resolution", "check.photo.aspect",
            "check.photo.colour", "check.photo.compression", "check.photo.oneFace", "check.photo.ied",
            "check.photo.roll", "check.photo.eyeLine", "check.photo.centring", "check.photo.headHeight",
            "check.photo.margins", "check.photo.backgroundUniformity", "check.photo.backgroundCorners",
            "check.photo.backgroundLightness", "check.photo.faceLuminance", "check.photo.exposure",
            "check.photo.dynamicRange", "check.photo.illuminationUniformity", "check.photo.sharpness",
            "check.photo.naturalColour", "check.signature.decodable", "check.signature.inkHeight",
            "check.signature.inkShare", "check.signature.clipped", "check.signature.contrast",
            "check.signature.strokeWidth");

    private CheckNames() {
    }

    /** The translated name, or the id itself for a check this version does not know. */
    public static String name(I18n i18n, String check) {
        String key = "check." + check;
        return KEYS.contains(key) ? i18n.get(key) : check;
    }
}
