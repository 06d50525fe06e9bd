package kz.qujat.workstation;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The listeners a view put on things that outlive it (session-long view models, the status bar, the
 * language): the view registers them here, and {@link #dispose()} takes every one of them off when the view
 * leaves, so an old view neither stays reachable nor keeps reacting.
 */
public final class Subscriptions {
    private final List<Runnable> undo = new ArrayList<>();
    private boolean disposed;

    public <T> void onChange(ObservableValue<T> value, ChangeListener<? super T> listener) {
        check();
        value.addListener(listener);
        undo.add(() -> value.removeListener(listener));
    }

    public void onInvalidate(Observable value, InvalidationListener listener) {
        check();
        value.addListener(listener);
        undo.add(() -> value.removeListener(listener));
    }

    public <T> void onListChange(ObservableList<T> list, ListChangeListener<? super T> listener) {
        check();
        list.addListener(listener);
        undo.add(() -> list.removeListener(listener));
    }

    /**
     * Binds {@code target} (a node's property) to {@code source} (a property that outlives the view) and unbinds it
     * when the view leaves. Needed where the target holds its source strongly: a text field's or text area's text
     * bound to a session-long property is kept by that property (JavaFX's {@code TextInputControl} does not listen
     * weakly), and with it the whole old view, its window tree and its images, one per language switch.
     */
    public <T> void bind(javafx.beans.property.Property<T> target, ObservableValue<? extends T> source) {
        check();
        target.bind(source);
        undo.add(target::unbind);
    }

    /** Anything else to undo when the view leaves (an event filter on the scene, a timer). */
    public void onDispose(Runnable action) {
        check();
        undo.add(action);
    }

    /** Removes every listener, most recent first; later registrations are refused. */
    public void dispose() {
        disposed = true;
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
        undo.clear();
    }

    public int size() {
        return undo.size();
    }

    private void check() {
        if (disposed) {
            throw new IllegalStateException("the view was disposed");
        }
    }
}
