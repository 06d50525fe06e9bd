package kz.qujat.workstation;

import javafx.scene.Parent;

/**
 * One screen of the main window, built once per session (it keeps its view model) and rendered again when
 * the language changes.
 */
public interface Screen {
    /** Builds the view for the current language. */
    Parent render();

    /** Called on the FX thread each time the screen is brought to the front. */
    default void shown() {
    }

    /** Called when the session ends: stop timers, forget data. */
    default void close() {
    }
}
