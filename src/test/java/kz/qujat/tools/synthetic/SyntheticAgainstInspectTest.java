package kz.qujat.tools.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import kz.qujat.domain.Region;
import kz.qujat.inspect.YuNetFaceFinder;
import kz.qujat.inspect.PhotoInspector;
import kz.qujat.inspect.Report;
import kz.qujat.inspect.SignatureInspector;
import kz.qujat.inspect.Thresholds;
import kz.qujat.inspect.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The synthetic people are good enough for the officer's tools: the real face detector finds their faces
 * and nothing fails on a good applicant, while each deliberate defect fails the check meant to catch it.
 */
class SyntheticAgainstInspectTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private final PhotoInspector photos = new PhotoInspector(Thresholds.defaults(), new YuNetFaceFinder());
    private final SignatureInspector signatures = new SignatureInspector(Thresholds.defaults());

    @Test
    void goodApplicantsHaveAFindableFaceAndNothingFails() {
        SyntheticApplicants people = new SyntheticApplicants(21, TODAY, 0);
        for (int i = 0; i < 6; i++) {
            SyntheticApplicant p = people.next(Region.ALMATY);
            Report photo = photos.inspect(p.photoJpeg());
            assertThat(photo.check("photo.oneFace").verdict()).isEqualTo(Verdict.PASS);
            assertThat(photo.check("photo.ied").verdict()).isEqualTo(Verdict.PASS);
            assertThat(photo.checks()).noneMatch(c -> c.verdict() == Verdict.FAIL);
            assertThat(signatures.inspect(p.signaturePng()).checks()).noneMatch(c -> c.verdict() == Verdict.FAIL);
            assertThat(photos.inspect(p.registryPhotoJpeg()).check("photo.oneFace").verdict()).isEqualTo(Verdict.PASS);
        }
    }

    @Test
    void eachDefectFailsTheCheckMeantToCatchIt() {
        SyntheticApplicants people = new SyntheticApplicants(3, TODAY, 1.0);
        Map<Defect, SyntheticApplicant> byDefect = new EnumMap<>(Defect.class);
        for (int i = 0; i < 60 && byDefect.size() < Defect.values().length; i++) {
            SyntheticApplicant p = people.next(Region.ASTANA);
            byDefect.putIfAbsent(p.defect().orElseThrow(), p);
        }
        Report dark = photos.inspect(byDefect.get(Defect.DARK_PHOTO).photoJpeg());
        assertThat(dark.worst()).isEqualTo(Verdict.FAIL);
        assertThat(photos.inspect(byDefect.get(Defect.GREYSCALE_PHOTO).photoJpeg()).check("photo.colour").verdict())
                .isEqualTo(Verdict.FAIL);
        assertThat(photos.inspect(byDefect.get(Defect.TINY_PHOTO).photoJpeg()).check("photo.resolution").verdict())
                .isEqualTo(Verdict.FAIL);
        assertThat(signatures.inspect(byDefect.get(Defect.BLANK_SIGNATURE).signaturePng()).worst())
                .isEqualTo(Verdict.FAIL);
        assertThat(signatures.inspect(byDefect.get(Defect.CLIPPED_SIGNATURE).signaturePng())
                .check("signature.clipped").verdict()).isEqualTo(Verdict.FAIL);
    }
}
