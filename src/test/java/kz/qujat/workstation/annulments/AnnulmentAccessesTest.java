package kz.qujat.workstation.annulments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import kz.qujat.api.Annulment;
import kz.qujat.api.IntakeResponse;
import kz.qujat.api.Paths;
import kz.qujat.client.SupervisorApi;
import kz.qujat.domain.Region;
import kz.qujat.testsupport.TestCentral;
import kz.qujat.domain.KzTime;
import kz.qujat.testsupport.TestClock;
import kz.qujat.workstation.BackgroundTask;
import kz.qujat.workstation.I18n;
import org.junit.jupiter.api.Test;

/** The supervisor lists who opened an annulled application's personal data, in their language. */
class AnnulmentAccessesTest {

    @Test
    void theSupervisorSeesWhoOpenedTheDetailPhotoAndSignature() throws Exception {
        try (TestCentral central = new TestCentral()) {
            IntakeResponse photo = central.decided("officer-astana", Region.ASTANA, null, "ANNUL", "PHOTO", null);
            SupervisorApi api = new SupervisorApi(central.login("supervisor"));
            api.image(Paths.PHOTO, photo.applicationId());
            I18n i18n = new I18n(I18n.RUSSIAN);
            List<Exception> failures = new ArrayList<>();
            AnnulmentsViewModel m = new AnnulmentsViewModel(api, BackgroundTask.sameThread(), i18n, e -> {
                failures.add(e);
                return kz.qujat.workstation.Phrase.literal("failure");
            }, () -> KzTime.today(TestClock.live())); // the live day: the server dated the annulments on it
            m.refresh();
            Annulment entry = m.entries().get(0);
            m.selectedProperty().set(entry);
            List<String> shown = new ArrayList<>();
            m.loadAccesses(shown::addAll);
            assertThat(failures).isEmpty();
            // the officer's claim (detail), photo and signature when deciding, then the supervisor's photo
            assertThat(shown).anyMatch(l -> l.contains("ЖАКСЫБЕКОВ АРМАН") && l.contains(i18n.get("role.OFFICER"))
                    && l.endsWith(i18n.get("annulments.accesses.what.detail")));
            assertThat(shown).anyMatch(l -> l.contains("ЖАКСЫБЕКОВ АРМАН")
                    && l.endsWith(i18n.get("annulments.accesses.what.signature")));
            assertThat(shown.get(shown.size() - 1)).contains("ТОКТАРОВ ЕРЛАН", i18n.get("role.SUPERVISOR"))
                    .endsWith(i18n.get("annulments.accesses.what.photo"));
        }
    }
}
