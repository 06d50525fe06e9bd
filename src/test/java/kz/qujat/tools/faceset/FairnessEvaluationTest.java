package kz.qujat.tools.faceset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kz.qujat.inspect.YuNetFaceFinder;
import kz.qujat.inspect.Thresholds;
import kz.qujat.inspect.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The figures of PHOTO-SIGNATURE.md's lighting rule on the sample faces, through the real detector: a correctly
 * exposed photo passes whatever the sitter's skin tone, a darkened or blown-out one fails in every group.
 */
class FairnessEvaluationTest {
    private static FairnessEvaluation.Result result;

    @BeforeAll
    static void run() throws Exception {
        FaceSet set = FaceSet.open(SampleFaces.dir());
        result = new FairnessEvaluation(Thresholds.defaults(), new YuNetFaceFinder()).run(set);
    }

    @Test
    void everyLightingCheckPassesTheCleanPhotosOfEveryGroupAtTheSameRate() {
        for (String check : FairnessEvaluation.LIGHTING) {
            List<Double> rates = result.groups().stream()
                    .map(g -> result.tally(Degradation.CLEAN, g).rate(check, Verdict.PASS)).toList();
            double spread = rates.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                    - rates.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            assertThat(spread).as(check + " PASS rates per group " + result.groups() + " = " + rates + "\n"
                    + result.table()).isLessThanOrEqualTo(10.0);
        }
    }

    @Test
    void darkenedBlownOutAndWashedOutCopiesFailALightingCheckInEveryGroup() {
        for (Degradation d : List.of(Degradation.DARKENED, Degradation.BLOWN_OUT, Degradation.WASHED_OUT)) {
            for (String g : result.groups()) {
                assertThat(result.tally(d, g).lightingFailRate()).as(d + " " + g + "\n" + result.table())
                        .isGreaterThanOrEqualTo(90.0);
            }
        }
    }

    @Test
    void blurredCopiesFailSharpnessAndTiltedOnesAreFlaggedForRollInEveryGroup() {
        for (String g : result.groups()) {
            assertThat(result.tally(Degradation.BLURRED, g).rate("photo.sharpness", Verdict.FAIL)).as(g)
                    .isGreaterThanOrEqualTo(90.0);
            var tilted = result.tally(Degradation.TILTED, g);
            assertThat(tilted.rate("photo.roll", Verdict.FAIL) + tilted.rate("photo.roll", Verdict.WARN)).as(g)
                    .isGreaterThanOrEqualTo(90.0);
        }
    }

    @Test
    void theCleanPhotosCroppedTo35x45AreNotCriedWolfAt() {
        int photos = 0;
        double pass = 0;
        for (String g : result.groups()) {
            var t = result.tally(Degradation.CLEAN, g);
            photos += t.photos();
            pass += t.worstPassRate() * t.photos() / 100;
        }
        assertThat(100 * pass / photos).as(result.table()).isGreaterThanOrEqualTo(90.0);
    }

    @Test
    void theCleanPhotosAreNotFailedForLightInAnyGroup() {
        for (String g : result.groups()) {
            assertThat(result.tally(Degradation.CLEAN, g).lightingFailRate()).as(g).isZero();
        }
    }
}
