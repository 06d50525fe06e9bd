package kz.qujat.workstation;

import javafx.scene.Parent;

/**
 * One screen of the main window, built once per session (it keeps its view model); its view is built once
 * per language (see {@link CachedView}) and disposed when the session ends.
 */
public interface Screen {
    /** The view in the current language: the same nodes each time until the language changes. */
    Parent render();

    /** Called on the FX thread each time the screen is brought to the front. */
    default void shown() {
    }

    /** Called when the session ends: stop timers, forget data, dispose the view. */
    default void close() {
    }
}
