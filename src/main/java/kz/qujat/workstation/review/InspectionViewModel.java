package kz.qujat.workstation.review;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kz.qujat.api.Json;
import kz.qujat.inspect.Area;
import kz.qujat.inspect.FaceLandmarks.Point;
import kz.qujat.inspect.FaceLandmarks;
import kz.qujat.inspect.Histogram;
import kz.qujat.inspect.PortraitTemplate;
import kz.qujat.inspect.Raster;
import kz.qujat.inspect.Report;
import kz.qujat.inspect.SafeImage;
import kz.qujat.inspect.Verdict;

/**
 * The automated checks and the photo tools of the review: runs the checks off the FX thread, keeps the face
 * points (found by the detector or clicked by the officer), the template, histogram and highlighted region,
 * and writes the note that goes with the decision ({@link #note()}).
 */
public final class InspectionViewModel {
    /** Where the face points the geometry checks used came from. */
    public enum FacePoints { DETECTED, MANUAL, NONE }

    private static final List<Verdict> SEVERITY = List.of(Verdict.FAIL, Verdict.WARN, Verdict.NOT_MEASURED,
            Verdict.PASS);
    private final InspectionServices services;
    private final Consumer<Exception> onFailure;
    private final ZoomPan zoom = new ZoomPan();
    private final ObservableList<CheckLine> checks = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<FaceLandmarks> landmarks = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FacePoints> facePoints = new ReadOnlyObjectWrapper<>(FacePoints.NONE);
    private final ReadOnlyObjectWrapper<PortraitTemplate> template = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<int[]> histogram = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Area> highlight = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PointMarking.Step> marking = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<Point>> marked = new ReadOnlyObjectWrapper<>(List.of());
    private final BooleanProperty templateShown = new SimpleBooleanProperty(false);
    private final BooleanProperty histogramShown = new SimpleBooleanProperty(false);
    private PointMarking points;
    private byte[] photo;
    private List<CheckLine> signatureLines = List.of();
    private int generation;

    /** What one run of the checks produced. */
    private record Outcome(Report report, List<CheckLine> photoLines, List<CheckLine> signatureLines,
                           int[] histogram, PortraitTemplate template) {
    }

    public InspectionViewModel(InspectionServices services, Consumer<Exception> onFailure) {
        this.services = services;
        this.onFailure = onFailure;
    }

    /** Runs every check on the application's images (a new application: earlier results are dropped). */
    public void load(byte[] photoBytes, byte[] signatureBytes) {
        clear();
        photo = photoBytes;
        int run = generation;
        running.set(true);
        services.tasks().run(() -> {
            Report report = services.photoInspectors().inspect(photoBytes);
            List<CheckLine> sig = new ArrayList<>();
            services.signatureInspector().inspect(signatureBytes).checks().forEach(r -> sig.add(CheckLine.of(r)));
            SafeImage.Result decoded = SafeImage.fromThresholds(services.thresholds()).decode(photoBytes);
            int[] hist = decoded.ok() ? Histogram.luminance(new Raster(decoded.image())) : null;
            PortraitTemplate t = decoded.ok() ? PortraitTemplate.of(decoded.image().getWidth(),
                    decoded.image().getHeight(), services.thresholds()) : null;
            return new Outcome(report, lines(report), sig, hist, t);
        }, o -> {
            if (run == generation) {
                running.set(false);
                signatureLines = o.signatureLines();
                histogram.set(o.histogram());
                template.set(o.template());
                show(o.report(), o.photoLines());
            }
        }, e -> failed(run, e));
    }

    public void clear() {
        generation++;
        photo = null;
        signatureLines = List.of();
        checks.clear();
        running.set(false);
        landmarks.set(null);
        facePoints.set(FacePoints.NONE);
        template.set(null);
        histogram.set(null);
        highlight.set(null);
        stopMarking();
    }

    /** The region of the photo a check measured is highlighted; other checks clear the highlight. */
    public void select(CheckLine line) {
        highlight.set(line != null && line.onPhoto() && line.area() != null && !line.area().isEmpty()
                ? line.area() : null);
    }

    public void toggleTemplate() {
        templateShown.set(!templateShown.get());
    }

    public void toggleHistogram() {
        histogramShown.set(!histogramShown.get());
    }

    /** Starts marking the face by hand, or stops it (the detector's or earlier points stay). */
    public void toggleMarking() {
        if (marking.get() != null) {
            stopMarking();
        } else if (photo != null && !running.get()) {
            points = new PointMarking();
            marking.set(points.next());
            marked.set(List.of());
        }
    }

    public void stopMarking() {
        points = null;
        marking.set(null);
        marked.set(List.of());
    }

    /** A click on the submitted photo, in its pixels: while marking, the next point; the fourth re-runs the checks. */
    public void click(Point p) {
        if (points == null) {
            return;
        }
        marking.set(points.click(p));
        marked.set(points.points());
        points.landmarks().ifPresent(this::rerun);
    }

    /** Takes the last marked point back. */
    public void undoPoint() {
        if (points != null) {
            points.undo();
            marking.set(points.next());
            marked.set(points.points());
        }
    }

    private void rerun(FaceLandmarks manual) {
        byte[] bytes = photo;
        int run = generation;
        running.set(true);
        services.tasks().run(() -> {
            Report r = services.photoInspectors().inspect(bytes, manual);
            return new Outcome(r, lines(r), null, null, null);
        }, o -> {
            if (run == generation) {
                running.set(false);
                stopMarking();
                show(o.report(), o.photoLines());
            }
        }, e -> failed(run, e));
    }

    private void failed(int run, Exception e) {
        if (run == generation) {
            running.set(false);
            stopMarking();
            onFailure.accept(e);
        }
    }

    private List<CheckLine> lines(Report report) {
        List<CheckLine> out = new ArrayList<>();
        report.checks().forEach(r -> out.add(CheckLine.of(r)));
        return out;
    }

    private void show(Report report, List<CheckLine> photoLines) {
        FaceLandmarks face = report.landmarks();
        landmarks.set(face);
        facePoints.set(face == null ? FacePoints.NONE : face.manual() ? FacePoints.MANUAL : FacePoints.DETECTED);
        List<CheckLine> all = new ArrayList<>(photoLines);
        all.addAll(signatureLines);
        // what needs the officer's eye first: failures, then warnings, then what could not be measured
        all.sort(Comparator.comparingInt(l -> SEVERITY.indexOf(l.verdict())));
        highlight.set(null);
        checks.setAll(all);
    }

    /** What the checks showed when deciding, sent (unsigned) with the decision. */
    public ObjectNode note() {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("facePoints", facePoints.get().name());
        Verdict worst = Verdict.PASS;
        var failing = n.putArray("failing");
        for (CheckLine l : checks) {
            if (l.verdict() == Verdict.FAIL) {
                worst = Verdict.FAIL;
                failing.add(l.check());
            } else if (l.verdict() == Verdict.WARN && worst != Verdict.FAIL) {
                worst = Verdict.WARN;
            }
        }
        n.put("worst", checks.isEmpty() ? Verdict.NOT_MEASURED.name() : worst.name());
        return n;
    }

    public ZoomPan zoom() {
        return zoom;
    }

    public ObservableList<CheckLine> checks() {
        return checks;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FaceLandmarks> landmarksProperty() {
        return landmarks.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FacePoints> facePointsProperty() {
        return facePoints.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PortraitTemplate> templateProperty() {
        return template.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<int[]> histogramProperty() {
        return histogram.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Area> highlightProperty() {
        return highlight.getReadOnlyProperty();
    }

    /** The point the next click marks; null when not marking. */
    public ReadOnlyObjectProperty<PointMarking.Step> markingProperty() {
        return marking.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<Point>> markedProperty() {
        return marked.getReadOnlyProperty();
    }

    public BooleanProperty templateShownProperty() {
        return templateShown;
    }

    public BooleanProperty histogramShownProperty() {
        return histogramShown;
    }
}
