package kz.qujat.workstation.review;

import static org.assertj.core.api.Assertions.assertThat;

import kz.qujat.workstation.I18n;
import org.junit.jupiter.api.Test;

class RuleTextTest {
    private final I18n ru = new I18n(I18n.RUSSIAN);

    @Test
    void theServersRuleIsShownInTheOfficersLanguage() {
        assertThat(RuleText.of(ru, "R3: within 30 days before expiry")).isEqualTo("R3: не ранее чем за 30 дн. до истечения срока");
        assertThat(RuleText.of(ru, "R3: within 90 days after expiry")).contains("90").contains("после");
        assertThat(RuleText.of(ru, "R3: outside the window")).isEqualTo(ru.get("review.rule.R3.outside"));
        assertThat(RuleText.of(ru, "R1: only ID cards")).isEqualTo(ru.get("review.rule.R1"));
        assertThat(RuleText.of(ru, "R2: only expiry")).isEqualTo(ru.get("review.rule.R2"));
        assertThat(RuleText.of(ru, "R12: no policy in force")).isEqualTo(ru.get("review.rule.R12"));
        assertThat(RuleText.of(new I18n(I18n.KAZAKH), "R3: within 30 days before expiry")).contains("30 күн");
    }

    @Test
    void anUnknownRuleIsShownAsTheServiceWroteIt() {
        assertThat(RuleText.of(ru, "R9: something new")).isEqualTo("R9: something new");
        assertThat(RuleText.of(ru, "free text")).isEqualTo("free text");
        assertThat(RuleText.of(ru, null)).isEqualTo("—");
    }
}
