package kz.qujat.workstation.review;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import kz.qujat.inspect.Area;
import kz.qujat.inspect.FaceLandmarks;
import kz.qujat.inspect.FaceLandmarks.Point;
import kz.qujat.inspect.PortraitTemplate;

/**
 * One photo viewer: draws the image through the shared {@link ZoomPan} and, over the submitted photo, the
 * 35×45 template, the face points, the points being marked and the highlighted region. It only draws and
 * forwards the mouse (wheel zooms, drag pans, a click goes to {@code onClick} in image pixels).
 */
final class PhotoCanvas extends Region {
    private static final Color TEMPLATE = Color.rgb(0, 200, 120, 0.9);
    private static final Color POINTS = Color.rgb(0, 229, 255);
    private static final Color MARKING = Color.rgb(255, 145, 0);
    private static final Color HIGHLIGHT = Color.rgb(255, 214, 0);
    private final Canvas canvas = new Canvas();
    private final ZoomPan zoom;
    private final boolean reference;
    private final javafx.beans.InvalidationListener redraw = o -> draw();
    private ShownImage image;
    private PortraitTemplate template;
    private FaceLandmarks landmarks;
    private List<Point> marked = List.of();
    private Area highlight;
    private Consumer<Point> onClick = p -> { };
    private double lastX;
    private double lastY;

    /** {@code reference}: this viewer shows the submitted photo, whose pixels the zoom and the overlays use. */
    PhotoCanvas(ZoomPan zoom, boolean reference) {
        this.zoom = zoom;
        this.reference = reference;
        getChildren().add(canvas);
        getStyleClass().add("photo-canvas");
        setMinSize(120, 150);
        setPrefSize(200, 257);
        zoom.scaleProperty().addListener(redraw);
        zoom.translateXProperty().addListener(redraw);
        zoom.translateYProperty().addListener(redraw);
        setOnScroll(e -> {
            if (e.getDeltaY() != 0) {
                zoom.zoomAt(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15, e.getX(), e.getY());
            }
            // the wheel zooms the photo; it must not also scroll the pane around it
            e.consume();
        });
        setOnMousePressed(e -> {
            lastX = e.getX();
            lastY = e.getY();
            requestFocus();
        });
        setOnMouseDragged(e -> {
            e.consume();
            zoom.panBy(e.getX() - lastX, e.getY() - lastY);
            lastX = e.getX();
            lastY = e.getY();
        });
        setOnMouseClicked(e -> {
            if (e.isStillSincePress() && image != null) {
                onClick.accept(zoom.toImage(e.getX(), e.getY()));
            }
        });
    }

    /** The photo to show; the zoom, overlays and clicks are in its original pixels, whatever copy is drawn. */
    void setImage(ShownImage image) {
        this.image = image;
        if (reference && image != null) {
            zoom.setContent(image.width(), image.height());
        }
        draw();
    }

    void setOverlays(PortraitTemplate template, FaceLandmarks landmarks, List<Point> marked, Area highlight) {
        this.template = template;
        this.landmarks = landmarks;
        this.marked = marked;
        this.highlight = highlight;
        draw();
    }

    void setOnImageClick(Consumer<Point> handler) {
        onClick = handler;
    }

    void setMarking(boolean on) {
        setCursor(on ? Cursor.CROSSHAIR : Cursor.OPEN_HAND);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            if (reference) {
                zoom.setViewport(w, h);
            }
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        // a neutral grey close to the frame: the image's own edges stay visible when zoomed out
        g.setFill(Color.rgb(206, 212, 218));
        g.fillRect(0, 0, w, h);
        if (image == null) {
            return;
        }
        ZoomPan.Placement p = reference ? new ZoomPan.Placement(1, 0)
                : zoom.placement(image.width(), image.height());
        Point a = zoom.toView(p.x(0), p.y(0));
        Point b = zoom.toView(p.x(image.width()), p.y(image.height()));
        double perPixel = zoom.scale() * p.factor();
        // above 2× the officer wants to see the pixels themselves, not a blur
        g.setImageSmoothing(perPixel < 2);
        // the shown copy while it has the pixels the screen needs, the original once zoomed past it
        g.drawImage(image.at(perPixel * renderScale()), a.x(), a.y(), b.x() - a.x(), b.y() - a.y());
        if (!reference) {
            return;
        }
        if (highlight != null) {
            drawHighlight(g, w, h);
        }
        if (template != null) {
            drawTemplate(g);
        }
        if (!marked.isEmpty()) {
            drawMarked(g);
        } else if (landmarks != null) {
            drawLandmarks(g);
        }
    }

    /** Device pixels per view pixel (2 on a screen scaled ×2). */
    private double renderScale() {
        return getScene() == null || getScene().getWindow() == null ? 1 : getScene().getWindow().getRenderScaleX();
    }

    /** Dims everything but the measured region, then outlines it. */
    private void drawHighlight(GraphicsContext g, double w, double h) {
        Point a = zoom.toView(highlight.x(), highlight.y());
        Point b = zoom.toView(highlight.x() + highlight.width(), highlight.y() + highlight.height());
        g.setFill(Color.rgb(0, 0, 0, 0.45));
        g.fillRect(0, 0, w, a.y());
        g.fillRect(0, b.y(), w, h - b.y());
        g.fillRect(0, a.y(), a.x(), b.y() - a.y());
        g.fillRect(b.x(), a.y(), w - b.x(), b.y() - a.y());
        g.setStroke(HIGHLIGHT);
        g.setLineWidth(2);
        g.setLineDashes();
        g.strokeRect(a.x(), a.y(), b.x() - a.x(), b.y() - a.y());
    }

    private void drawTemplate(GraphicsContext g) {
        PortraitTemplate t = template;
        Point top = zoom.toView(0, t.eyeBandTop());
        Point bottom = zoom.toView(t.centreX() * 2, t.eyeBandBottom());
        g.setFill(Color.rgb(0, 200, 120, 0.16));
        g.fillRect(top.x(), top.y(), bottom.x() - top.x(), bottom.y() - top.y());
        g.setStroke(TEMPLATE);
        g.setLineWidth(1.5);
        g.setLineDashes();
        g.strokeLine(top.x(), top.y(), bottom.x(), top.y());
        g.strokeLine(top.x(), bottom.y(), bottom.x(), bottom.y());
        Point c = zoom.toView(t.centreX(), t.ovalCentreY());
        double rx = t.ovalHalfWidth() * zoom.scale();
        double ry = t.ovalHalfHeight() * zoom.scale();
        g.strokeOval(c.x() - rx, c.y() - ry, 2 * rx, 2 * ry);
        g.setLineDashes(6, 5);
        Point up = zoom.toView(t.centreX(), 0);
        Point down = zoom.toView(t.centreX(), t.ovalCentreY() * 4);
        g.strokeLine(up.x(), up.y(), down.x(), down.y());
        g.setLineDashes();
    }

    private void drawLandmarks(GraphicsContext g) {
        FaceLandmarks f = landmarks;
        g.setStroke(POINTS);
        g.setLineWidth(2);
        g.setLineCap(StrokeLineCap.ROUND);
        Point l = zoom.toView(f.leftEye().x(), f.leftEye().y());
        Point r = zoom.toView(f.rightEye().x(), f.rightEye().y());
        g.setLineDashes(3, 4);
        g.strokeLine(l.x(), l.y(), r.x(), r.y());
        g.setLineDashes();
        cross(g, l);
        cross(g, r);
        if (f.chin() != null) {
            tick(g, zoom.toView(f.chin().x(), f.chin().y()));
        }
        if (f.crown() != null) {
            tick(g, zoom.toView(f.crown().x(), f.crown().y()));
        }
    }

    private void drawMarked(GraphicsContext g) {
        g.setLineWidth(2);
        g.setStroke(MARKING);
        g.setFill(MARKING);
        int n = 1;
        for (Point p : marked) {
            Point v = zoom.toView(p.x(), p.y());
            cross(g, v);
            g.fillText(Integer.toString(n++), v.x() + 9, v.y() - 7);
        }
    }

    private static void cross(GraphicsContext g, Point v) {
        g.strokeOval(v.x() - 6, v.y() - 6, 12, 12);
        g.strokeLine(v.x() - 10, v.y(), v.x() + 10, v.y());
        g.strokeLine(v.x(), v.y() - 10, v.x(), v.y() + 10);
    }

    /** Chin and crown: a short horizontal mark, since only their height matters to the checks. */
    private static void tick(GraphicsContext g, Point v) {
        g.strokeLine(v.x() - 16, v.y(), v.x() + 16, v.y());
        g.strokeLine(v.x(), v.y() - 4, v.x(), v.y() + 4);
    }

    /** Stops following the shared zoom (the review view that held this viewer is gone). */
    void dispose() {
        zoom.scaleProperty().removeListener(redraw);
        zoom.translateXProperty().removeListener(redraw);
        zoom.translateYProperty().removeListener(redraw);
        image = null;
    }
}
