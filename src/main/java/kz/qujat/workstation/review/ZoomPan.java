package kz.qujat.workstation.review;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import kz.qujat.inspect.FaceLandmarks.Point;

/**
 * The zoom and pan of the photo viewers: one instance is shared by the submitted and the register photo, so
 * both move together. A point of the reference image (the submitted photo) appears in the view at
 * {@code image * scale + translate}; another image is first placed over the reference by {@link #placement}.
 */
public final class ZoomPan {
    static final double MAX_SCALE = 16;
    private static final double STEP = 1.25;
    private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(1);
    private final ReadOnlyDoubleWrapper translateX = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyDoubleWrapper translateY = new ReadOnlyDoubleWrapper(0);
    private double contentWidth = 1;
    private double contentHeight = 1;
    private double viewWidth = 1;
    private double viewHeight = 1;
    private boolean fitted = true;

    /** How another image of {@code width × height} lies over the reference: same height, centred. */
    public record Placement(double factor, double offsetX) {
        public double x(double px) {
            return offsetX + px * factor;
        }

        public double y(double py) {
            return py * factor;
        }
    }

    public ReadOnlyDoubleProperty scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty translateXProperty() {
        return translateX.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty translateYProperty() {
        return translateY.getReadOnlyProperty();
    }

    public double scale() {
        return scale.get();
    }

    /** The reference image's size in pixels; the view fits it again. */
    public void setContent(double width, double height) {
        contentWidth = Math.max(1, width);
        contentHeight = Math.max(1, height);
        fit();
    }

    /** The size of each viewer; a fitted view stays fitted, otherwise the image point in the centre stays. */
    public void setViewport(double width, double height) {
        if (width <= 0 || height <= 0) {
            return;
        }
        Point centre = toImage(viewWidth / 2, viewHeight / 2);
        viewWidth = width;
        viewHeight = height;
        if (fitted) {
            fit();
        } else {
            centreOn(centre, scale.get());
        }
    }

    public Placement placement(double width, double height) {
        double f = contentHeight / Math.max(1, height);
        return new Placement(f, (contentWidth - width * f) / 2);
    }

    /** The whole reference image in view, centred. */
    public void fit() {
        fitted = true;
        set(fitScale(), (viewWidth - contentWidth * fitScale()) / 2, (viewHeight - contentHeight * fitScale()) / 2);
    }

    /** One image pixel to one screen pixel, keeping the image point in the centre of the view. */
    public void oneToOne() {
        fitted = false;
        centreOn(toImage(viewWidth / 2, viewHeight / 2), 1);
    }

    public void zoomIn() {
        zoomAt(STEP, viewWidth / 2, viewHeight / 2);
    }

    public void zoomOut() {
        zoomAt(1 / STEP, viewWidth / 2, viewHeight / 2);
    }

    /** Zooms by {@code factor} keeping the image point under the view point ({@code vx}, {@code vy}) in place. */
    public void zoomAt(double factor, double vx, double vy) {
        Point p = toImage(vx, vy);
        double s = Math.max(minScale(), Math.min(MAX_SCALE, scale.get() * factor));
        fitted = false;
        setClamped(s, vx - p.x() * s, vy - p.y() * s);
    }

    /** Moves the image with the mouse (a drag of {@code dx}, {@code dy} view pixels). */
    public void panBy(double dx, double dy) {
        fitted = false;
        setClamped(scale.get(), translateX.get() + dx, translateY.get() + dy);
    }

    public Point toImage(double vx, double vy) {
        return new Point((vx - translateX.get()) / scale.get(), (vy - translateY.get()) / scale.get());
    }

    public Point toView(double ix, double iy) {
        return new Point(ix * scale.get() + translateX.get(), iy * scale.get() + translateY.get());
    }

    private double fitScale() {
        return Math.min(viewWidth / contentWidth, viewHeight / contentHeight);
    }

    /** Zooming out stops at half the fitted size: smaller shows nothing more. */
    private double minScale() {
        return Math.min(1, fitScale() / 2);
    }

    private void centreOn(Point p, double s) {
        setClamped(s, viewWidth / 2 - p.x() * s, viewHeight / 2 - p.y() * s);
    }

    /** A dimension smaller than the view stays centred; a larger one may not be dragged past its edges. */
    private void setClamped(double s, double tx, double ty) {
        set(s, clamp(tx, contentWidth * s, viewWidth), clamp(ty, contentHeight * s, viewHeight));
    }

    private static double clamp(double t, double size, double view) {
        if (size <= view) {
            return (view - size) / 2;
        }
        return Math.max(view - size, Math.min(0, t));
    }

    private void set(double s, double tx, double ty) {
        scale.set(s);
        translateX.set(tx);
        translateY.set(ty);
    }
}
