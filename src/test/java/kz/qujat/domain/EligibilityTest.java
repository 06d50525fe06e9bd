package kz.qujat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EligibilityTest {
    private static PolicyBook order;
    private static PolicyBook demo;
    private static final LocalDate REQUEST = LocalDate.of(2025, 9, 15);

    @BeforeAll
    static void load() throws IOException {
        order = read("policies-order.properties");
        demo = read("policies-demo.properties");
    }

    static PolicyBook read(String name) throws IOException {
        try (Reader r = new InputStreamReader(EligibilityTest.class.getResourceAsStream(name), StandardCharsets.UTF_8)) {
            return PolicyBook.read(r);
        }
    }

    private static Eligibility.Result idCardExpiring(LocalDate expiry, LocalDate request) {
        return Eligibility.evaluate(order, DocumentType.ID_CARD, ApplicationReason.EXPIRY, expiry, request);
    }

    @ParameterizedTest(name = "expiry {0} days after the request: eligible={1}")
    @CsvSource({"31,false", "30,true", "29,true", "1,true", "0,true", "-1,true", "-10,true", "-11,false"})
    void windowEdgesOfR3(int daysUntilExpiry, boolean eligible) {
        Eligibility.Result r = idCardExpiring(REQUEST.plusDays(daysUntilExpiry), REQUEST);
        assertThat(r.eligible()).isEqualTo(eligible);
        assertThat(r.daysFromExpiry()).isEqualTo(-daysUntilExpiry);
        if (!eligible) {
            assertThat(r.refusal()).contains(daysUntilExpiry > 0 ? Eligibility.Refusal.TOO_EARLY : Eligibility.Refusal.TOO_LATE);
            assertThat(r.message()).isEqualTo("оформление не доступно, обратитесь в ЦОН");
        } else {
            assertThat(r.policy().orElseThrow().version()).isEqualTo("KZ-ORDER-2025-05-26");
        }
    }

    @Test
    void theExpiryDayItselfIsInside() {
        Eligibility.Result r = idCardExpiring(REQUEST, REQUEST);
        assertThat(r.eligible()).isTrue();
        assertThat(r.daysFromExpiry()).isZero();
    }

    @Test
    void windowCountsCalendarDaysAcrossMonthEnds() {
        // 31 days in January: request 1 Jan 2026, expiry 31 Jan 2026 is 30 days ahead
        assertThat(idCardExpiring(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 1, 1)).eligible()).isTrue();
        assertThat(idCardExpiring(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1)).eligible()).isFalse();
    }

    @Test
    void passportIsRefusedByR1() {
        Eligibility.Result r = Eligibility.evaluate(order, DocumentType.PASSPORT, ApplicationReason.EXPIRY,
                REQUEST.plusDays(5), REQUEST);
        assertThat(r.eligible()).isFalse();
        assertThat(r.refusal()).contains(Eligibility.Refusal.DOCUMENT_TYPE);
        assertThat(r.message()).isEqualTo(Eligibility.REFUSAL_MESSAGE);
    }

    @Test
    void reasonOtherThanExpiryIsRefusedByR2() {
        for (ApplicationReason reason : ApplicationReason.values()) {
            Eligibility.Result r = Eligibility.evaluate(order, DocumentType.ID_CARD, reason, REQUEST.plusDays(5), REQUEST);
            assertThat(r.eligible()).as(reason.name()).isEqualTo(reason == ApplicationReason.EXPIRY);
            if (reason != ApplicationReason.EXPIRY) {
                assertThat(r.refusal()).contains(Eligibility.Refusal.REASON);
            }
        }
    }

    @Test
    void outsideTheOrdersPeriodNothingIsEligible() {
        LocalDate before = LocalDate.of(2025, 5, 27);
        LocalDate after = LocalDate.of(2026, 4, 1);
        assertThat(idCardExpiring(before.plusDays(3), before).refusal()).contains(Eligibility.Refusal.NO_POLICY);
        assertThat(idCardExpiring(after.plusDays(3), after).refusal()).contains(Eligibility.Refusal.NO_POLICY);
        assertThat(idCardExpiring(LocalDate.of(2025, 5, 30), LocalDate.of(2025, 5, 28)).eligible()).isTrue();
        assertThat(idCardExpiring(LocalDate.of(2026, 4, 2), LocalDate.of(2026, 3, 31)).eligible()).isTrue();
    }

    @Test
    void demonstrationPolicyContinuesAfterTheOrderAndSaysSo() {
        LocalDate later = LocalDate.of(2026, 11, 26);
        Eligibility.Result r = Eligibility.evaluate(demo, DocumentType.ID_CARD, ApplicationReason.EXPIRY,
                later.plusDays(30), later);
        assertThat(r.eligible()).isTrue();
        Policy p = r.policy().orElseThrow();
        assertThat(p.demonstration()).isTrue();
        assertThat(p.label()).contains("ДЕМОНСТРАЦИЯ");
        assertThat(p.effectiveTo()).isNull();
        assertThat(Eligibility.evaluate(demo, DocumentType.ID_CARD, ApplicationReason.EXPIRY, later.plusDays(31), later)
                .eligible()).isFalse();
        assertThat(demo.inForceOn(LocalDate.of(2026, 3, 31)).orElseThrow().demonstration()).isFalse();
    }
}
