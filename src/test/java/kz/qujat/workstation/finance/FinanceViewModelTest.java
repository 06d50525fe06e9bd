package kz.qujat.workstation.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import kz.qujat.client.FinanceApi;
import kz.qujat.domain.KzTime;
import kz.qujat.domain.Region;
import kz.qujat.testsupport.TestCentral;
import kz.qujat.testsupport.TestClock;
import kz.qujat.workstation.BackgroundTask;
import kz.qujat.workstation.I18n;
import kz.qujat.workstation.Phrase;
import org.junit.jupiter.api.Test;

/** The finance officer's refunds screen logic against a real central service, the work run inline. */
class FinanceViewModelTest {

    /**
     * A workstation left open over midnight: the payment day the screen set itself moves on to the new day at the
     * next refresh, and the new day can be chosen (it was "in the future" for a screen that fixed its day on
     * opening); a day the user chose stays as chosen.
     */
    @Test
    void thePaymentDayFollowsTheDayUnlessChosen() throws Exception {
        try (TestCentral central = new TestCentral()) {
            central.decided("officer-astana", Region.ASTANA, null, "ANNUL", "PHOTO", null);
            // the live day: the server dated the annulment on it, and a payment cannot be dated before it
            LocalDate day = KzTime.today(TestClock.live());
            AtomicReference<LocalDate> clock = new AtomicReference<>(day);
            FinanceViewModel m = new FinanceViewModel(new FinanceApi(central.login("finance")),
                    BackgroundTask.sameThread(), new I18n(I18n.ENGLISH), e -> Phrase.literal(e.toString()), clock::get);
            m.refresh();
            assertThat(m.refunds()).hasSize(1);
            assertThat(m.paidOnProperty().get()).isEqualTo(day);

            m.selectedProperty().set(m.refunds().get(0));
            m.paymentReferenceProperty().set("PP-2026/1");
            assertThat(m.canPayProperty().get()).isTrue();
            m.paidOnProperty().set(day.plusDays(1));
            assertThat(m.canPayProperty().get()).as("a payment dated tomorrow").isFalse();

            // midnight: tomorrow is today, and the untouched default moves on at the next refresh
            clock.set(day.plusDays(1));
            m.paidOnProperty().set(day);
            m.refresh();
            assertThat(m.paidOnProperty().get()).isEqualTo(day.plusDays(1));
            assertThat(m.today()).isEqualTo(day.plusDays(1));
            m.selectedProperty().set(m.refunds().get(0));
            m.paymentReferenceProperty().set("PP-2026/1");
            assertThat(m.canPayProperty().get()).as("a payment dated the new day").isTrue();

            // a day the user chose stays
            m.paidOnProperty().set(day);
            clock.set(day.plusDays(2));
            m.refresh();
            assertThat(m.paidOnProperty().get()).isEqualTo(day);
        }
    }
}
