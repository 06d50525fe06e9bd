package kz.qujat.central.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxBackoffTest {
    @Test
    void backoffStartsAtOneSecondDoublesAndStopsAtSixty() {
        assertThat(OutboxStore.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(OutboxStore.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(OutboxStore.backoff(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(OutboxStore.backoff(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(OutboxStore.backoff(40)).isEqualTo(Duration.ofSeconds(60));
    }
}
