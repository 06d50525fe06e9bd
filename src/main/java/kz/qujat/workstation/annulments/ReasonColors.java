package kz.qujat.workstation.annulments;

import java.util.Map;
import kz.qujat.domain.AnnulmentReason;

/**
 * One fixed colour per R9 annulment reason, the same in the chart's bars, its legend and the log's reason
 * column, whatever the language and whichever reasons a filter leaves: a supervisor learns "orange is the photo"
 * once. Colours from the Okabe–Ito palette, told apart with the common colour-vision deficiencies.
 */
public final class ReasonColors {
    private static final Map<AnnulmentReason, String> COLOURS = Map.of(
            AnnulmentReason.PHOTO, "#e69f00",
            AnnulmentReason.SIGNATURE, "#0072b2",
            AnnulmentReason.FURTHER_VERIFICATION, "#cc79a7");
    /** A reason this version does not know (a newer server) is grey, never another reason's colour. */
    static final String UNKNOWN = "#999999";

    private ReasonColors() {
    }

    public static String of(AnnulmentReason reason) {
        return reason == null ? UNKNOWN : COLOURS.get(reason);
    }

    /** The colour of a reason code as the server sends it ({@code PHOTO}, ...). */
    public static String of(String reasonCode) {
        try {
            return reasonCode == null ? UNKNOWN : of(AnnulmentReason.valueOf(reasonCode));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
