package kz.qujat.client;

import kz.qujat.testsupport.TestCentral;
import kz.qujat.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import kz.qujat.api.Annulment;
import kz.qujat.api.AnnulmentRates;
import kz.qujat.api.HandoverInfo;
import kz.qujat.api.IntakeResponse;
import kz.qujat.api.Paths;
import kz.qujat.api.ProblemKind;
import kz.qujat.domain.AnnulmentReason;
import kz.qujat.domain.Region;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The supervisor's and the clerk's calls against a real central service filled through its API. */
class RoleApisTest {
    private static TestCentral central;
    private static IntakeResponse annulled;
    private static IntakeResponse ready;
    private static IntakeResponse elsewhere;

    @BeforeAll
    static void start() throws Exception {
        central = new TestCentral();
        annulled = central.decided("officer-astana", Region.ASTANA, null, "ANNUL", "PHOTO", "лицо в тени");
        central.decided("officer-astana", Region.ASTANA, null, "APPROVE", null, null);
        central.decided("officer-almaty", Region.ALMATY, null, "ANNUL", "SIGNATURE", "");
        ready = central.ready(Region.ASTANA, "ASTANA-01");
        elsewhere = central.ready(Region.ASTANA, "ASTANA-02");
    }

    @AfterAll
    static void stop() {
        central.close();
    }

    @Test
    void theSupervisorFiltersReadsRatesAndReviews() throws Exception {
        SupervisorApi sup = new SupervisorApi(central.login("supervisor"));
        assertThat(sup.annulments(AnnulmentFilter.NONE)).hasSize(2);
        List<Annulment> astana = sup.annulments(new AnnulmentFilter(TestClock.today().minusDays(1),
                TestClock.today().plusDays(1), Region.ASTANA, null, AnnulmentReason.PHOTO));
        assertThat(astana).extracting(Annulment::ticketNumber).containsExactly(annulled.ticketNumber());
        assertThat(sup.annulments(new AnnulmentFilter(null, null, null, "900722423029", null)))
                .extracting(Annulment::region).containsExactly("ALMATY");

        AnnulmentRates rates = sup.rates(AnnulmentFilter.NONE);
        AnnulmentRates.OfficerRate astanaOfficer = rates.officers().stream()
                .filter(r -> r.officerIin().equals("850314312017")).findFirst().orElseThrow();
        assertThat(astanaOfficer.decisions()).isGreaterThanOrEqualTo(2);
        assertThat(astanaOfficer.annulments()).isEqualTo(1);

        Annulment reviewed = sup.review(annulled.applicationId(), "DISAGREE", "фото в порядке");
        assertThat(reviewed.review().verdict()).isEqualTo("DISAGREE");
        assertThat(sup.image(Paths.PHOTO, annulled.applicationId())).isNotEmpty();
        assertThatThrownBy(() -> sup.review(annulled.applicationId(), "MAYBE", ""))
                .isInstanceOfSatisfying(CentralException.class,
                        e -> assertThat(e.kind()).contains(ProblemKind.INVALID_INPUT));
    }

    @Test
    void theClerkFindsSeesThePhotoAndHandsOverOnlyWhatIsHers() throws Exception {
        ClerkApi clerk = new ClerkApi(central.login("clerk-astana"));
        assertThat(clerk.ready(100)).extracting(HandoverInfo::ticketNumber)
                .contains(ready.ticketNumber()).doesNotContain(elsewhere.ticketNumber());
        HandoverInfo info = clerk.find(" " + ready.ticketNumber().toLowerCase() + "\n");
        assertThat(info.status()).isEqualTo("READY_FOR_PICKUP");
        assertThat(clerk.photo(info.applicationId())).isNotEmpty();
        assertThatThrownBy(() -> clerk.find(elsewhere.ticketNumber())).isInstanceOfSatisfying(CentralException.class,
                e -> assertThat(e.kind()).contains(ProblemKind.FORBIDDEN));
        assertThatThrownBy(() -> clerk.handOver(ready.ticketNumber(), true, false, null))
                .isInstanceOfSatisfying(CentralException.class,
                        e -> assertThat(e.kind()).contains(ProblemKind.INVALID_INPUT));
        assertThat(clerk.handOver(ready.ticketNumber(), true, true, null).status()).isEqualTo("ISSUED");
        assertThatThrownBy(() -> clerk.find("Q-1/../x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ticketNumbersAreNormalisedOrRefused() {
        assertThat(ClerkApi.normalizeTicket("  q-0000042-6\r\n")).isEqualTo("Q-0000042-6");
        assertThat(ClerkApi.normalizeTicket("Q-000042-6")).isNull();
        assertThat(ClerkApi.normalizeTicket("Q-0000042-6?x=1")).isNull();
        assertThat(ClerkApi.normalizeTicket(null)).isNull();
    }
}
