package kz.qujat.testsupport;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waits for a condition on a JavaFX screen: lets the FX thread run its pending events, asks the condition,
 * and tries again every 50 ms. A condition may throw while the screen is still changing (a node not there
 * yet); that counts as "not yet", but it is never swallowed: on timeout the error names the last failure
 * and carries it as its cause.
 */
public final class FxAwait {
    private FxAwait() {
    }

    public static void until(Duration timeout, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            WaitForAsyncUtils.waitForFxEvents();
            Throwable last;
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
                last = null;
            } catch (Exception | AssertionError e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError timedOut = new AssertionError("timed out after " + timeout.toSeconds() + " s: "
                        + (last == null ? "the condition was still false" : "the condition last failed with " + last));
                if (last != null) {
                    timedOut.initCause(last);
                }
                throw timedOut;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }
}
