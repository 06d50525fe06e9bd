package kz.qujat.workstation.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.qujat.inspect.FaceLandmarks;
import kz.qujat.inspect.FaceLandmarks.Point;

/**
 * The officer marking the face by hand: the two eye centres, then the chin, then the crown, in that order.
 * The eyes may be clicked in either order; the left one is the one on the image's left.
 */
public final class PointMarking {
    /** What the next click marks. */
    public enum Step { FIRST_EYE, SECOND_EYE, CHIN, CROWN, DONE }

    private final List<Point> points = new ArrayList<>();

    public Step next() {
        return Step.values()[points.size()];
    }

    /** Records a click in image pixels; returns the step that follows. Clicks after the fourth are ignored. */
    public Step click(Point p) {
        if (next() != Step.DONE) {
            points.add(p);
        }
        return next();
    }

    /** Takes the last click back (Backspace). */
    public void undo() {
        if (!points.isEmpty()) {
            points.remove(points.size() - 1);
        }
    }

    public List<Point> points() {
        return List.copyOf(points);
    }

    /** The four points as landmarks once all are marked. */
    public Optional<FaceLandmarks> landmarks() {
        if (next() != Step.DONE) {
            return Optional.empty();
        }
        Point a = points.get(0);
        Point b = points.get(1);
        Point left = a.x() <= b.x() ? a : b;
        Point right = left == a ? b : a;
        return Optional.of(FaceLandmarks.manual(left, right, points.get(2), points.get(3)));
    }
}
