package kz.qujat.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import kz.qujat.api.ApplicationDetail;
import kz.qujat.domain.PolicyBook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the officer's review says about R3 is what the order judges: the application on the day of its request. It
 * used to be evaluated on the day the officer opened it, so a card 10 days past expiry (R3's last day) submitted at
 * 23:59 in Almaty showed "not eligible today" beside "expired 10 days ago" the next morning.
 */
class ReviewEligibilityTest {
    private static PolicyBook policies;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = ReviewEligibilityTest.class.getResourceAsStream("/kz/qujat/domain/policies-demo.properties")) {
            policies = PolicyBook.read(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    @Test
    void anApplicationMadeOnTheWindowsLastDayStaysEligibleWhileItWaits() {
        // 18:59:59 UTC is 23:59:59 in Almaty (UTC+5): the request day is 2 December
        Instant submitted = Instant.parse("2026-12-02T18:59:59Z");
        ApplicationDetail.EligibilityInfo e = ReviewService.eligibility(policies, "ID_CARD", "EXPIRY",
                LocalDate.of(2026, 11, 22), 10, submitted);
        assertThat(e.eligibleOnRequestDay()).isTrue();
        assertThat(e.daysFromExpiry()).isEqualTo(10);
    }

    @Test
    void theRequestDayIsAlmatysNotUtcs() {
        // 19:00 UTC is already 3 December in Almaty: a card that expired on 22 November is then 11 days past
        ApplicationDetail.EligibilityInfo e = ReviewService.eligibility(policies, "ID_CARD", "EXPIRY",
                LocalDate.of(2026, 11, 22), 11, Instant.parse("2026-12-02T19:00:00Z"));
        assertThat(e.eligibleOnRequestDay()).isFalse();
        assertThat(e.rule()).startsWith("R3");
    }
}
