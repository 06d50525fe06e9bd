package kz.qujat.testsupport;

import org.testfx.api.FxToolkit;
import org.testfx.api.FxToolkitContext;
import org.testfx.service.support.FiredEvents;

/**
 * TestFX records every event that passes through its registered stage (mouse moves, key presses, each button's
 * action) in a list that only grows, and each event holds its target node. A test that measures memory, or that
 * checks that a view left behind is collected, would otherwise see TestFX keep every view the events touched.
 */
public final class TestFxEvents {
    private TestFxEvents() {
    }

    /** Stops recording the registered stage's events and drops those recorded (call after registering it). */
    public static void stopRecording() {
        try {
            var field = FxToolkitContext.class.getDeclaredField("firedEvents");
            field.setAccessible(true);
            FiredEvents fired = (FiredEvents) field.get(FxToolkit.toolkitContext());
            if (fired != null) {
                fired.stopStoringFiredEvents();
                fired.clearEvents();
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("TestFX's record of fired events was not found (another TestFX version?)", e);
        }
    }
}
