package kz.qujat.workstation.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kz.qujat.inspect.FaceLandmarks.Point;
import kz.qujat.inspect.Verdict;
import kz.qujat.workstation.AppContext;
import kz.qujat.workstation.TestContexts;
import kz.qujat.workstation.TestPhotos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks, face points, highlight and decision note of the review, with the real checks and detector. */
class InspectionViewModelTest {
    @TempDir
    Path data;

    private final List<Exception> failures = new ArrayList<>();

    private InspectionViewModel loaded() {
        AppContext app = TestContexts.app(data, "http://localhost:1");
        InspectionViewModel m = new InspectionViewModel(app, failures::add);
        m.load(TestPhotos.facelessJpeg(), TestPhotos.signaturePng());
        return m;
    }

    private static Verdict verdict(InspectionViewModel m, String check) {
        return m.checks().stream().filter(l -> l.check().equals(check)).findFirst().orElseThrow().verdict();
    }

    @Test
    void withoutAFaceTheGeometryIsNotMeasuredUntilTheOfficerMarksThePoints() {
        InspectionViewModel m = loaded();
        assertThat(failures).isEmpty();
        assertThat(m.facePointsProperty().get()).isEqualTo(InspectionViewModel.FacePoints.NONE);
        assertThat(verdict(m, "photo.ied")).isEqualTo(Verdict.NOT_MEASURED);
        assertThat(m.histogramProperty().get()).hasSize(256);
        assertThat(m.templateProperty().get().centreX()).isEqualTo(TestPhotos.WIDTH / 2.0);
        assertThat(m.checks()).anyMatch(l -> l.check().startsWith("signature."));
        assertThat(m.note().get("facePoints").asText()).isEqualTo("NONE");

        m.toggleMarking();
        assertThat(m.markingProperty().get()).isEqualTo(PointMarking.Step.FIRST_EYE);
        m.click(new Point(370, 350));
        m.click(new Point(230, 352));
        m.click(new Point(300, 570));
        assertThat(m.markedProperty().get()).hasSize(3);
        assertThat(verdict(m, "photo.ied")).as("nothing re-runs before the fourth point").isEqualTo(Verdict.NOT_MEASURED);
        m.click(new Point(300, 150));

        assertThat(m.markingProperty().get()).isNull();
        assertThat(m.facePointsProperty().get()).isEqualTo(InspectionViewModel.FacePoints.MANUAL);
        assertThat(m.landmarksProperty().get().leftEye()).isEqualTo(new Point(230, 352));
        assertThat(verdict(m, "photo.ied")).isEqualTo(Verdict.PASS);
        assertThat(verdict(m, "photo.roll")).isEqualTo(Verdict.PASS);
        assertThat(m.checks()).anyMatch(l -> l.check().startsWith("signature."));
        assertThat(m.checks().filtered(l -> l.check().equals("photo.ied"))).hasSize(1);

        ObjectNode note = m.note();
        assertThat(note.get("facePoints").asText()).isEqualTo("MANUAL");
        List<String> failing = new ArrayList<>();
        note.get("failing").forEach(n -> failing.add(n.asText()));
        assertThat(failing).containsExactlyInAnyOrderElementsOf(m.checks().stream()
                .filter(l -> l.verdict() == Verdict.FAIL).map(CheckLine::check).toList());
        assertThat(note.get("worst").asText()).isEqualTo(failing.isEmpty() ? "WARN" : "FAIL");
    }

    @Test
    void escapeStopsMarkingAndTheFailuresComeFirst() {
        InspectionViewModel m = loaded();
        m.toggleMarking();
        m.click(new Point(10, 10));
        m.stopMarking();
        assertThat(m.markedProperty().get()).isEmpty();
        m.click(new Point(20, 20));
        assertThat(m.facePointsProperty().get()).isEqualTo(InspectionViewModel.FacePoints.NONE);
        List<Integer> order = m.checks().stream().map(l -> List.of(Verdict.FAIL, Verdict.WARN, Verdict.NOT_MEASURED,
                Verdict.PASS).indexOf(l.verdict())).toList();
        assertThat(order).isSorted();
    }

    @Test
    void aPhotoCheckHighlightsItsRegionAndOthersClearIt() {
        InspectionViewModel m = loaded();
        CheckLine background = m.checks().stream().filter(l -> l.check().equals("photo.backgroundLightness"))
                .findFirst().orElseThrow();
        assertThat(background.area()).isNotNull();
        assertThat(background.name(new kz.qujat.workstation.I18n(kz.qujat.workstation.I18n.ENGLISH))).isEqualTo("Light background");
        m.select(background);
        assertThat(m.highlightProperty().get()).isEqualTo(background.area());
        m.select(m.checks().stream().filter(l -> l.check().startsWith("signature.")).findFirst().orElseThrow());
        assertThat(m.highlightProperty().get()).isNull();
        m.select(m.checks().stream().filter(l -> l.check().equals("photo.resolution")).findFirst().orElseThrow());
        assertThat(m.highlightProperty().get()).as("the resolution is of the whole photo")
                .isEqualTo(kz.qujat.inspect.Area.whole(TestPhotos.WIDTH, TestPhotos.HEIGHT));
        m.select(background);
        m.clear();
        assertThat(m.highlightProperty().get()).isNull();
        assertThat(m.checks()).isEmpty();
    }
}
