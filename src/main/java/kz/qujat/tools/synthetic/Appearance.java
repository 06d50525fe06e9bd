package kz.qujat.tools.synthetic;

import java.awt.Color;
import java.util.Random;

/**
 * How one synthetic person looks: the parameters the portrait painter draws from. The same appearance,
 * slightly altered by {@link #earlier(Random)}, gives the older register photo of the same person.
 */
record Appearance(Color skin, Color hair, Color clothing, Color background, Color iris, double headWidth,
                  double headHeight, double eyeSpacing, double hairVolume, double offsetX, double offsetY,
                  double mouthWidth, boolean longHair) {

    private static final Color[] SKIN = {new Color(241, 194, 160), new Color(224, 172, 135),
        new Color(205, 150, 112), new Color(230, 185, 150), new Color(198, 140, 105), new Color(238, 204, 178)};
    private static final Color[] HAIR = {new Color(25, 20, 18), new Color(45, 32, 24), new Color(70, 50, 35),
        new Color(110, 80, 50), new Color(160, 125, 80), new Color(30, 28, 30)};
    private static final Color[] CLOTHING = {new Color(30, 40, 70), new Color(60, 60, 65), new Color(20, 20, 25),
        new Color(90, 30, 40), new Color(40, 70, 60), new Color(230, 230, 235)};
    private static final Color[] IRIS = {new Color(60, 40, 25), new Color(45, 30, 20), new Color(70, 90, 60),
        new Color(60, 90, 120)};

    static Appearance random(Random rnd, boolean female) {
        int bg = 232 + rnd.nextInt(18);
        return new Appearance(pick(rnd, SKIN), pick(rnd, HAIR), pick(rnd, CLOTHING),
                new Color(bg, bg - rnd.nextInt(4), Math.min(255, bg + rnd.nextInt(6))), pick(rnd, IRIS),
                0.6 + rnd.nextDouble() * 0.06, 0.62 + rnd.nextDouble() * 0.04, 0.44 + rnd.nextDouble() * 0.04,
                0.5 + rnd.nextDouble() * 0.5, (rnd.nextDouble() - 0.5) * 0.02, (rnd.nextDouble() - 0.5) * 0.02,
                0.28 + rnd.nextDouble() * 0.1, female && rnd.nextDouble() < 0.8);
    }

    /** The same face photographed years earlier: other clothes and background, hair and pose a little different. */
    Appearance earlier(Random rnd) {
        int bg = 228 + rnd.nextInt(22);
        return new Appearance(skin, hair, pick(rnd, CLOTHING), new Color(bg, bg, Math.min(255, bg + 3)), iris,
                headWidth * (0.97 + rnd.nextDouble() * 0.03), headHeight * (0.97 + rnd.nextDouble() * 0.03),
                eyeSpacing, Math.min(1.0, hairVolume + 0.15), offsetX + (rnd.nextDouble() - 0.5) * 0.03,
                offsetY + (rnd.nextDouble() - 0.5) * 0.02, mouthWidth * (0.95 + rnd.nextDouble() * 0.1), longHair);
    }

    private static <T> T pick(Random rnd, T[] options) {
        return options[rnd.nextInt(options.length)];
    }
}
