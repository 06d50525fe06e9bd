package kz.qujat.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import kz.qujat.api.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A supervisor with a region sees and reviews only that region's annulments. */
class RegionalSupervisorTest {
    @TempDir
    Path tmp;

    @Test
    void aRegionalSupervisorIsLimitedToTheirRegion() throws Exception {
        Path staff = tmp.resolve("staff.csv");
        Files.writeString(staff, Files.readString(DevKeys.dir().resolve("staff-dev.csv"), StandardCharsets.UTF_8)
                .replace("781105334039,ТОКТАРОВ,ЕРЛАН,SUPERVISOR,,", "781105334039,ТОКТАРОВ,ЕРЛАН,SUPERVISOR,ASTANA,"),
                StandardCharsets.UTF_8);
        try (CentralFixture f = new CentralFixture(b -> b.staffFile(staff))) {
            UUID astana = f.decided("ASTANA", "officer-astana", "ANNUL", "PHOTO", null).id();
            UUID almaty = f.decided("ALMATY", "officer-almaty", "ANNUL", "SIGNATURE", null).id();
            String sup = f.token("supervisor");
            assertThat(f.http.get(Paths.ANNULMENTS, sup).json().findValuesAsText("applicationId"))
                    .containsExactly(astana.toString());
            Http.Answer other = f.http.get(Paths.ANNULMENTS + "?region=ALMATY", sup);
            assertThat(other.status()).isEqualTo(403);
            assertThat(other.json().get("detail").asText()).contains("ASTANA");
            assertThat(f.http.post(Paths.fill(Paths.ANNULMENT_REVIEW, "id", almaty.toString()), sup,
                    Map.of("verdict", "DISAGREE")).status()).isEqualTo(404);
            assertThat(f.http.post(Paths.fill(Paths.ANNULMENT_REVIEW, "id", astana.toString()), sup,
                    Map.of("verdict", "DISAGREE", "comment", "фото в порядке")).status()).isEqualTo(200);
        }
    }
}
