package kz.qujat.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The UI wait reports why it waited in vain instead of swallowing the condition's failures. */
class FxAwaitTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aConditionThatKeepsFailingIsReportedWithItsLastFailure() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> FxAwait.until(Duration.ofMillis(300), () -> {
            throw new IllegalStateException("no node #queueTable (call " + calls.incrementAndGet() + ")");
        })).isInstanceOf(AssertionError.class)
                .hasMessageContaining("timed out after").hasMessageContaining("no node #queueTable")
                .cause().isInstanceOf(IllegalStateException.class).hasMessage("no node #queueTable (call " + calls.get() + ")");
        assertThat(calls.get()).isGreaterThan(1);
    }

    @Test
    void aConditionThatStaysFalseSaysSo() {
        assertThatThrownBy(() -> FxAwait.until(Duration.ofMillis(200), () -> false))
                .isInstanceOf(AssertionError.class).hasMessageContaining("still false").hasNoCause();
    }

    @Test
    void aConditionThatFailsFirstAndThenHoldsEndsTheWait() {
        AtomicInteger calls = new AtomicInteger();
        FxAwait.until(Duration.ofSeconds(10), () -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("not yet");
            }
            return true;
        });
        assertThat(calls.get()).isEqualTo(3);
    }
}
