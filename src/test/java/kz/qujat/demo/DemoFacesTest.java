package kz.qujat.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import kz.qujat.domain.Iin;
import kz.qujat.domain.Region;
import kz.qujat.tools.faceset.FaceSet;
import kz.qujat.tools.faceset.SampleFaces;
import kz.qujat.tools.synthetic.SyntheticApplicant;
import kz.qujat.tools.synthetic.SyntheticApplicants;
import org.junit.jupiter.api.Test;

class DemoFacesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @Test
    void theNameBesideARealFaceHasTheSittersSexAndAge() throws IOException {
        DemoFaces faces = DemoFaces.open(SampleFaces.dir()).orElseThrow();
        FaceSet set = FaceSet.open(SampleFaces.dir());
        SyntheticApplicants people = new SyntheticApplicants(5, TODAY, 0);
        for (DemoFaces.Example e : DemoFaces.EXAMPLES) {
            FaceSet.Sitter sitter = set.sitters().stream()
                    .filter(s -> (s.id() + ".jpg").equals(e.submitted())).findFirst().orElseThrow();
            SyntheticApplicant p = faces.applicantFor(e, people, Region.ASTANA);
            assertThat(p.iin().sex()).as(e.submitted())
                    .isEqualTo(sitter.gender().equals("female") ? Iin.Sex.FEMALE : Iin.Sex.MALE);
            assertThat(ChronoUnit.YEARS.between(p.birthDate(), TODAY)).as(e.submitted()).isEqualTo(sitter.age());
        }
    }
}
