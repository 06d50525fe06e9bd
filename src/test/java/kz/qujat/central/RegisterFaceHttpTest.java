package kz.qujat.central;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import kz.qujat.api.Json;
import kz.qujat.client.CentralClient;
import kz.qujat.domain.Region;
import kz.qujat.inspect.SamePerson;
import kz.qujat.inspect.Thresholds;
import kz.qujat.testsupport.TestCentral;
import kz.qujat.testsupport.TestClock;
import kz.qujat.tools.synthetic.SyntheticApplicant;
import kz.qujat.tools.synthetic.SyntheticApplicants;
import org.junit.jupiter.api.Test;

/**
 * The register photo's face is described once, when the register feed delivers the record, and kept with it with
 * the model that made it; intake compares the submitted photo with that and stores exactly what it stored when it
 * described the register photo at every application. A record kept without a face (fed before), or with a face of
 * another model, is described again at its first use and the new face kept.
 */
class RegisterFaceHttpTest {
    private static final char[] KEY = TestCentral.FEED_KEY.toCharArray();

    @Test
    void theFeedDescribesTheRegisterPhotoAndIntakeStoresWhatDescribingAtIntakeGave() throws Exception {
        try (TestCentral f = new TestCentral()) {
            SyntheticApplicants people = SyntheticApplicants.forSubmission(31, TestClock.today(), 0);
            IntakeChecks reference = new IntakeChecks(Thresholds.defaults());
            for (int i = 0; i < 3; i++) {
                SyntheticApplicant p = people.next(Region.ASTANA);
                CentralClient portal = new CentralClient(f.url());
                portal.putRegistryPerson(p.toRegistryPerson(), KEY);
                assertThat(f.scalar("SELECT face_model FROM registry_person WHERE iin = ?", p.iin().value()))
                        .isEqualTo(SamePerson.model());
                assertThat(f.scalar("SELECT octet_length(face_descriptor) FROM registry_person WHERE iin = ?",
                        p.iin().value())).isEqualTo(512);
                String ticket = portal.submit(p.toIntakeRequest()).ticketNumber();
                assertThat(stored(f, ticket)).isEqualTo(reference.run(p.photoJpeg(), p.signaturePng(),
                        p.registryPhotoJpeg()).json());
                assertThat(Json.mapper().readTree(stored(f, ticket)).get("samePerson").get("verdict").asText())
                        .isNotEqualTo("NOT_MEASURED");
            }
        }
    }

    @Test
    void aFaceMissingOrMadeByAnotherModelIsDescribedAgainAtFirstUseAndKept() throws Exception {
        try (TestCentral f = new TestCentral()) {
            SyntheticApplicants people = SyntheticApplicants.forSubmission(32, TestClock.today(), 0);
            IntakeChecks reference = new IntakeChecks(Thresholds.defaults());
            String[] before = {
                // as fed before the face was kept with the record
                "UPDATE registry_person SET face_model = NULL, face_descriptor = NULL, face_reason = NULL WHERE iin = ?",
                // a descriptor of all zeros "made by" an older model: compared, it would say DIFFERENT
                "UPDATE registry_person SET face_model = 'yunet320-older+dlib-older+align0',"
                        + " face_descriptor = decode(repeat('00', 512), 'hex'), face_reason = NULL WHERE iin = ?"};
            for (String change : before) {
                SyntheticApplicant p = people.next(Region.ASTANA);
                CentralClient portal = new CentralClient(f.url());
                portal.putRegistryPerson(p.toRegistryPerson(), KEY);
                byte[] fed = (byte[]) f.scalar("SELECT face_descriptor FROM registry_person WHERE iin = ?",
                        p.iin().value());
                update(f, change, p.iin().value());
                String ticket = portal.submit(p.toIntakeRequest()).ticketNumber();
                assertThat(stored(f, ticket)).isEqualTo(reference.run(p.photoJpeg(), p.signaturePng(),
                        p.registryPhotoJpeg()).json());
                assertThat(f.scalar("SELECT face_model FROM registry_person WHERE iin = ?", p.iin().value()))
                        .isEqualTo(SamePerson.model());
                assertThat((byte[]) f.scalar("SELECT face_descriptor FROM registry_person WHERE iin = ?",
                        p.iin().value())).isEqualTo(fed);
            }
        }
    }

    @Test
    void aRegisterPhotoWithoutAFaceIsKeptAsSuchAndIntakeSaysWhy() throws Exception {
        try (TestCentral f = new TestCentral()) {
            SyntheticApplicant p = SyntheticApplicants.forSubmission(33, TestClock.today(), 0).next(Region.ASTANA);
            byte[] blank = TestImages.image("jpeg", 600, 771, 5);
            SyntheticApplicant faceless = new SyntheticApplicant(p.iin(), p.surname(), p.givenName(), p.patronymic(),
                    p.cardNumber(), p.expiryDate(), p.region(), p.registrationPoint(), p.feePaymentRef(), p.phone(),
                    p.photoJpeg(), p.signaturePng(), p.registrySurname(), blank, p.registrySignaturePng(),
                    java.util.Optional.empty());
            CentralClient portal = new CentralClient(f.url());
            portal.putRegistryPerson(faceless.toRegistryPerson(), KEY);
            assertThat(f.query("SELECT face_model, face_descriptor, face_reason FROM registry_person WHERE iin = ?",
                    p.iin().value()).get(0)).containsExactly(SamePerson.model(), null, "inspect.samePerson.noFace");
            String ticket = portal.submit(faceless.toIntakeRequest()).ticketNumber();
            JsonNode same = Json.mapper().readTree(stored(f, ticket)).get("samePerson");
            assertThat(same.get("verdict").asText()).isEqualTo("NOT_MEASURED");
            assertThat(same.get("messageKey").asText()).isEqualTo("inspect.samePerson.noFace");
        }
    }

    private static String stored(TestCentral f, String ticket) throws Exception {
        return (String) f.scalar("SELECT checks_json FROM application WHERE ticket_number = ?", ticket);
    }

    private static void update(TestCentral f, String sql, String iin) throws Exception {
        try (Connection c = DriverManager.getConnection(f.jdbcUrl); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, iin);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }
}
