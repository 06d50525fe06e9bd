package kz.qujat.inspect;

/**
 * The 35×45 template drawn over a photo: the band where the eye line must lie, the oval the head should
 * fill, and the vertical centre line, all in the photo's pixels and taken from the same thresholds the
 * checks use, so that what the officer sees and what the checks measure agree.
 */
public record PortraitTemplate(double centreX, double eyeBandTop, double eyeBandBottom, double ovalCentreY,
                               double ovalHalfWidth, double ovalHalfHeight) {

    public static PortraitTemplate of(int width, int height, Thresholds t) {
        Band eyeLine = t.band("photo.eyeLine");
        Band head = t.band("photo.headHeight");
        // eye line: PASS band in percent of the height measured from the bottom
        double top = height * (1 - eyeLine.passHigh() / 100);
        double bottom = height * (1 - eyeLine.passLow() / 100);
        double headHeight = height * (head.passLow() + head.passHigh()) / 200;
        double eyeY = (top + bottom) / 2;
        // in an adult face the eyes sit a little above the middle of the chin-to-crown height
        double ovalCentreY = eyeY + headHeight * 0.05;
        return new PortraitTemplate(width / 2.0, top, bottom, ovalCentreY, headHeight * 0.36, headHeight / 2);
    }
}
