package kz.qujat.workstation.review;

import static org.assertj.core.api.Assertions.assertThat;

import kz.qujat.inspect.FaceLandmarks;
import kz.qujat.inspect.FaceLandmarks.Point;
import org.junit.jupiter.api.Test;

class PointMarkingTest {
    @Test
    void eyesThenChinThenCrownMakeManualLandmarks() {
        PointMarking m = new PointMarking();
        assertThat(m.next()).isEqualTo(PointMarking.Step.FIRST_EYE);
        assertThat(m.click(new Point(400, 300))).isEqualTo(PointMarking.Step.SECOND_EYE);
        assertThat(m.click(new Point(200, 310))).isEqualTo(PointMarking.Step.CHIN);
        assertThat(m.landmarks()).isEmpty();
        assertThat(m.click(new Point(300, 600))).isEqualTo(PointMarking.Step.CROWN);
        assertThat(m.click(new Point(300, 60))).isEqualTo(PointMarking.Step.DONE);
        FaceLandmarks f = m.landmarks().orElseThrow();
        assertThat(f.manual()).isTrue();
        assertThat(f.leftEye()).as("the eye on the image's left, whichever was clicked first").isEqualTo(new Point(200, 310));
        assertThat(f.rightEye()).isEqualTo(new Point(400, 300));
        assertThat(f.chin()).isEqualTo(new Point(300, 600));
        assertThat(f.crown()).isEqualTo(new Point(300, 60));
    }

    @Test
    void undoTakesTheLastPointBackAndExtraClicksAreIgnored() {
        PointMarking m = new PointMarking();
        m.undo();
        m.click(new Point(1, 1));
        m.click(new Point(2, 2));
        m.undo();
        assertThat(m.next()).isEqualTo(PointMarking.Step.SECOND_EYE);
        assertThat(m.points()).containsExactly(new Point(1, 1));
        m.click(new Point(3, 3));
        m.click(new Point(4, 4));
        m.click(new Point(5, 5));
        m.click(new Point(6, 6));
        assertThat(m.points()).hasSize(4).doesNotContain(new Point(6, 6));
    }
}
