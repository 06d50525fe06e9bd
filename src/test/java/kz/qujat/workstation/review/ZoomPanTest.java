package kz.qujat.workstation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import kz.qujat.inspect.FaceLandmarks.Point;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ZoomPanTest {
    private final ZoomPan zoom = new ZoomPan();

    @BeforeEach
    void photoOf600x800InA300x300View() {
        zoom.setViewport(300, 300);
        zoom.setContent(600, 800);
    }

    @Test
    void fitShowsTheWholeImageCentred() {
        assertThat(zoom.scale()).isCloseTo(300.0 / 800, within(1e-9));
        assertThat(zoom.toView(0, 0).x()).isCloseTo((300 - 600 * 0.375) / 2, within(1e-9));
        assertThat(zoom.toView(600, 800).y()).isCloseTo(300, within(1e-9));
    }

    @Test
    void viewAndImageCoordinatesAreInverse() {
        zoom.zoomAt(3, 100, 50);
        Point v = zoom.toView(123.5, 456.25);
        Point back = zoom.toImage(v.x(), v.y());
        assertThat(back.x()).isCloseTo(123.5, within(1e-9));
        assertThat(back.y()).isCloseTo(456.25, within(1e-9));
    }

    @Test
    void theWheelZoomsAboutThePointUnderTheMouse() {
        Point before = zoom.toImage(180, 120);
        zoom.zoomAt(2, 180, 120);
        Point after = zoom.toImage(180, 120);
        assertThat(zoom.scale()).isCloseTo(0.75, within(1e-9));
        assertThat(after.x()).isCloseTo(before.x(), within(1e-9));
        assertThat(after.y()).isCloseTo(before.y(), within(1e-9));
    }

    @Test
    void oneToOneKeepsTheCentreAndShowsPixelsAsTheyAre() {
        zoom.zoomAt(2, 100, 100);
        Point centre = zoom.toImage(150, 150);
        zoom.oneToOne();
        assertThat(zoom.scale()).isEqualTo(1);
        Point now = zoom.toImage(150, 150);
        assertThat(now.x()).isCloseTo(centre.x(), within(1e-9));
        assertThat(now.y()).isCloseTo(centre.y(), within(1e-9));
    }

    @Test
    void panningStopsAtTheImageEdgesAndASmallImageStaysCentred() {
        zoom.oneToOne();
        zoom.panBy(10_000, 10_000);
        assertThat(zoom.toView(0, 0).x()).isEqualTo(0);
        assertThat(zoom.toView(0, 0).y()).isEqualTo(0);
        zoom.panBy(-10_000, -10_000);
        assertThat(zoom.toView(600, 800).x()).isEqualTo(300);
        assertThat(zoom.toView(600, 800).y()).isEqualTo(300);
        zoom.fit();
        zoom.panBy(40, 40);
        assertThat(zoom.toView(300, 400).x()).isCloseTo(150, within(1e-9));
    }

    @Test
    void zoomStaysWithinItsLimitsAndFitComesBack() {
        for (int i = 0; i < 50; i++) {
            zoom.zoomIn();
        }
        assertThat(zoom.scale()).isEqualTo(ZoomPan.MAX_SCALE);
        for (int i = 0; i < 50; i++) {
            zoom.zoomOut();
        }
        assertThat(zoom.scale()).isCloseTo(0.375 / 2, within(1e-9));
        zoom.fit();
        assertThat(zoom.scale()).isCloseTo(0.375, within(1e-9));
    }

    @Test
    void aResizedViewStaysFittedUntilTheOfficerZooms() {
        zoom.setViewport(600, 600);
        assertThat(zoom.scale()).isCloseTo(0.75, within(1e-9));
        zoom.zoomIn();
        double s = zoom.scale();
        zoom.setViewport(500, 500);
        assertThat(zoom.scale()).isEqualTo(s);
    }

    @Test
    void theRegisterPhotoIsPlacedAtTheSameHeightSoBothMoveTogether() {
        ZoomPan.Placement p = zoom.placement(300, 400);
        assertThat(p.factor()).isEqualTo(2);
        assertThat(p.x(150)).isEqualTo(300);
        ZoomPan.Placement wide = zoom.placement(1000, 800);
        assertThat(wide.offsetX()).isEqualTo(-200);
        zoom.zoomAt(2, 10, 10);
        // the register photo's centre and the submitted photo's centre land on the same view point
        Point mine = zoom.toView(300, 400);
        Point theirs = zoom.toView(p.x(150), p.y(200));
        assertThat(theirs).isEqualTo(mine);
    }
}
