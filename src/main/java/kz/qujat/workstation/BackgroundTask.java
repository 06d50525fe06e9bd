package kz.qujat.workstation;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path off the JavaFX thread: work runs on a worker executor, its result or failure is delivered on
 * the FX thread. Tests build it with {@link #sameThread()} so that a view model's work runs inline.
 */
public final class BackgroundTask implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTask.class);
    private final Executor worker;
    private final Executor fx;
    private final ExecutorService owned;
    private final AtomicInteger running = new AtomicInteger();
    private final ReadOnlyIntegerWrapper busy = new ReadOnlyIntegerWrapper(0);

    public BackgroundTask(Executor worker, Executor fx) {
        this(worker, fx, null);
    }

    private BackgroundTask(Executor worker, Executor fx, ExecutorService owned) {
        this.worker = Objects.requireNonNull(worker);
        this.fx = Objects.requireNonNull(fx);
        this.owned = owned;
    }

    /** Worker threads (daemons, so that a closing window ends the program) and delivery through {@link Platform#runLater}. */
    public static BackgroundTask forFx() {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "qujat-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return new BackgroundTask(pool, Platform::runLater, pool);
    }

    /** Runs the work and the callbacks on the caller's thread: for view-model tests. */
    public static BackgroundTask sameThread() {
        return new BackgroundTask(Runnable::run, Runnable::run, null);
    }

    /** Runs {@code work} off the FX thread; exactly one of the callbacks is then called on the FX thread. */
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        changeBusy(1);
        worker.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                fx.execute(() -> {
                    changeBusy(-1);
                    onFailure.accept(e);
                });
                return;
            } catch (Error e) {
                LOG.error("background work failed unexpectedly", e);
                fx.execute(() -> changeBusy(-1));
                throw e;
            }
            fx.execute(() -> {
                changeBusy(-1);
                onSuccess.accept(result);
            });
        });
    }

    /** How many tasks are under way (bound to the status bar's activity indicator). */
    public ReadOnlyIntegerProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    private void changeBusy(int delta) {
        int now = running.addAndGet(delta);
        fx.execute(() -> busy.set(now));
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.shutdownNow();
        }
    }
}
