package kz.qujat.inspect;

/**
 * Where the face is: the two eye centres (left = on the image's left), and, when known, chin and crown;
 * {@code manual} when the officer clicked them rather than the detector finding them.
 * {@code facesFound} is how many faces of similar size the detector saw (1 for manual points).
 */
public record FaceLandmarks(Point leftEye, Point rightEye, Point chin, Point crown, Area faceBox, int facesFound,
                            boolean manual, FivePoints detected) {

    /**
     * The detector's five landmarks (image-left eye first, nose tip, image-left and image-right mouth corner)
     * and its score; null for clicked points. The eye centres above may be refined from these.
     */
    public record FivePoints(Point leftEye, Point rightEye, Point nose, Point mouthLeft, Point mouthRight,
                             double score) {
    }

    public FaceLandmarks(Point leftEye, Point rightEye, Point chin, Point crown, Area faceBox, int facesFound,
                         boolean manual) {
        this(leftEye, rightEye, chin, crown, faceBox, facesFound, manual, null);
    }

    public record Point(double x, double y) {
        public double distance(Point o) {
            return Math.hypot(o.x - x, o.y - y);
        }
    }

    public static FaceLandmarks manual(Point leftEye, Point rightEye, Point chin, Point crown) {
        return new FaceLandmarks(leftEye, rightEye, chin, crown, null, 1, true);
    }

    public double interEyeDistance() {
        return leftEye.distance(rightEye);
    }

    public Point eyeMidpoint() {
        return new Point((leftEye.x + rightEye.x) / 2, (leftEye.y + rightEye.y) / 2);
    }

    /** Degrees the eye line is tilted from horizontal (absolute). */
    public double rollDegrees() {
        return Math.abs(Math.toDegrees(Math.atan2(rightEye.y - leftEye.y, rightEye.x - leftEye.x)));
    }
}
