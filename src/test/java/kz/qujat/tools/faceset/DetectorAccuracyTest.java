package kz.qujat.tools.faceset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import kz.qujat.inspect.FaceFinder;
import kz.qujat.inspect.FaceLandmarks;
import kz.qujat.inspect.OpenCvFaceFinder;
import kz.qujat.inspect.Raster;
import kz.qujat.inspect.YuNetFaceFinder;
import org.junit.jupiter.api.Test;

/** YuNet with pupil refinement finds every sample face, with eye errors no worse than the Haar cascade it replaced. */
class DetectorAccuracyTest {

    private static List<Double> errors(FaceFinder finder, FaceSet set) throws Exception {
        List<Double> out = new ArrayList<>();
        for (FaceSet.Sitter s : set.sitters()) {
            FaceLandmarks f = finder.find(new Raster(s.image())).orElseThrow(() -> new AssertionError("no face: " + s.id()));
            FaceLandmarks.Point[] truth = s.pupils();
            double ied = truth[0].distance(truth[1]);
            out.add(f.leftEye().distance(truth[0]) / ied);
            out.add(f.rightEye().distance(truth[1]) / ied);
            assertThat(f.detected()).as("YuNet's five points are kept").isNotNull();
        }
        Collections.sort(out);
        return out;
    }

    @Test
    void yuNetFindsEveryFaceAndItsEyesAtLeastAsPreciselyAsTheCascade() throws Exception {
        FaceSet set = FaceSet.open(SampleFaces.dir());
        List<Double> yunet = errors(new YuNetFaceFinder(), set);
        List<Double> haar = new ArrayList<>();
        OpenCvFaceFinder cascade = new OpenCvFaceFinder();
        for (FaceSet.Sitter s : set.sitters()) {
            FaceLandmarks f = cascade.find(new Raster(s.image())).orElseThrow();
            FaceLandmarks.Point[] truth = s.pupils();
            double ied = truth[0].distance(truth[1]);
            haar.add(f.leftEye().distance(truth[0]) / ied);
            haar.add(f.rightEye().distance(truth[1]) / ied);
        }
        Collections.sort(haar);
        assertThat(yunet).hasSize(2 * set.sitters().size());
        assertThat(median(yunet)).as("median eye error / IED").isLessThanOrEqualTo(median(haar));
        assertThat(p95(yunet)).as("95th percentile eye error / IED").isLessThanOrEqualTo(p95(haar));
        assertThat(yunet.get(yunet.size() - 1)).as("largest eye error / IED")
                .isLessThanOrEqualTo(haar.get(haar.size() - 1)).isLessThan(0.055);
    }

    private static double p95(List<Double> sorted) {
        return sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
    }

    private static double median(List<Double> sorted) {
        return sorted.get(sorted.size() / 2 - 1);
    }
}
