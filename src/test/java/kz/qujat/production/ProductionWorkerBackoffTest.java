package kz.qujat.production;

import kz.qujat.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProductionWorkerBackoffTest {
    @Test
    void backoffDoublesFromTheFirstWaitAndStopsAtTheCap() {
        ProductionWorker worker = new ProductionWorker(null, null, TestClock.live(), Duration.ofSeconds(1),
                Duration.ofSeconds(60));
        try {
            assertThat(worker.backoff(0)).isEqualTo(Duration.ofSeconds(1));
            assertThat(worker.backoff(1)).isEqualTo(Duration.ofSeconds(2));
            assertThat(worker.backoff(5)).isEqualTo(Duration.ofSeconds(32));
            assertThat(worker.backoff(6)).isEqualTo(Duration.ofSeconds(60));
            assertThat(worker.backoff(1000)).isEqualTo(Duration.ofSeconds(60));
        } finally {
            worker.close();
        }
    }
}
