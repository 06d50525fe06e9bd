package kz.qujat.tools.faceset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import kz.qujat.inspect.DescriptorCache;
import kz.qujat.inspect.PhotoInspector;
import kz.qujat.inspect.SamePerson;
import kz.qujat.inspect.Thresholds;
import kz.qujat.inspect.YuNetFaceFinder;
import org.junit.jupiter.api.Test;

/**
 * Intake's same-person check on the photo suite's decoded image and YuNet points (and a cached register descriptor)
 * gives the same distance as decoding and searching both photos again.
 */
class SamePersonReuseTest {

    @Test
    void reusingTheSuitesImageAndPointsGivesTheSameDistance() throws Exception {
        Path faces = SampleFaces.dir();
        YuNetFaceFinder finder = new YuNetFaceFinder();
        byte[] photo = FaceSet.portraitJpeg(faces.resolve("091_03.jpg"), finder);
        byte[] register = FaceSet.portraitJpeg(faces.resolve("001_03.jpg"), finder);
        byte[] smiling = Files.readAllBytes(faces.resolve("smiling/091_08.jpg"));
        Thresholds t = Thresholds.defaults();
        DescriptorCache cache = new DescriptorCache(8);
        SamePerson same = new SamePerson(t, cache);
        PhotoInspector inspector = new PhotoInspector(t, finder);
        for (byte[] reg : new byte[][] {register, smiling, register}) {
            SamePerson.Result again = same.compare(photo, reg);
            PhotoInspector.Inspected in = inspector.inspectKeeping(photo);
            SamePerson.Result reused = same.compare(in.image(), in.report().landmarks(), reg);
            assertThat(reused.verdict()).isEqualTo(again.verdict());
            assertThat(reused.distance()).isCloseTo(again.distance(), org.assertj.core.data.Offset.offset(1e-6));
        }
        assertThat(same.compare(photo, register).verdict()).isEqualTo(SamePerson.Verdict.DIFFERENT);
        assertThat(same.compare(photo, smiling).verdict()).isEqualTo(SamePerson.Verdict.SAME);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.hits()).isPositive();
        PhotoInspector.Inspected none = inspector.inspectKeeping(new byte[] {1, 2, 3});
        SamePerson.Result notMeasured = same.compare(none.image(), none.report().landmarks(), register);
        assertThat(notMeasured.verdict()).isEqualTo(SamePerson.Verdict.NOT_MEASURED);
        assertThat(notMeasured.reasonKey()).isEqualTo("inspect.samePerson.undecodable");
    }
}
