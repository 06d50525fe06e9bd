package kz.qujat.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalTextTest {
    private final I18n i18n = new I18n(I18n.RUSSIAN);

    @Test
    void aTextSetBeforeASwitchIsWordedInTheNewLanguage() {
        LocalText text = new LocalText(i18n);
        List<String> seen = new ArrayList<>();
        text.property().addListener((o, a, now) -> seen.add(now));
        text.set("review.decided.APPROVE", "Q-0000001-8");
        String russian = text.get();
        i18n.localeProperty().set(I18n.ENGLISH);
        assertThat(text.get()).isEqualTo(i18n.get("review.decided.APPROVE", "Q-0000001-8")).isNotEqualTo(russian)
                .contains("Q-0000001-8");
        assertThat(seen).last().isEqualTo(text.get());
    }

    @Test
    void aPhraseInsideAPhraseIsWordedInTheSameLanguage() {
        LocalText text = new LocalText(i18n);
        text.set("review.eligible", Phrase.of("queue.expiry.today"), Phrase.literal("R3"), "5");
        assertThat(text.get()).contains(i18n.get("queue.expiry.today"));
        i18n.localeProperty().set(I18n.KAZAKH);
        assertThat(text.get()).contains(i18n.get("queue.expiry.today")).contains("R3");
    }

    @Test
    void aBindingEvaluatedWhileTheSwitchIsAnnouncedAlreadyGetsTheNewLanguage() {
        // a label's skin reads its text as soon as it is invalidated, before the locale's change listeners run
        LocalText text = new LocalText(i18n);
        text.set("queue.empty");
        List<String> read = new ArrayList<>();
        text.property().addListener(o -> read.add(text.get()));
        text.get();
        i18n.localeProperty().set(I18n.ENGLISH);
        assertThat(read).containsExactly(i18n.get("queue.empty"));
    }

    @Test
    void theStatusLineFollowsTheLanguage() {
        StatusModel status = new StatusModel(i18n);
        status.error(Phrase.of("status.rejected", 2));
        i18n.localeProperty().set(I18n.ENGLISH);
        assertThat(status.messageProperty().get()).isEqualTo(i18n.get("status.rejected", 2));
        assertThat(status.errorProperty().get()).isTrue();
    }
}
