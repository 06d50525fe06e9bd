package kz.qujat.workstation.livequeue;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kz.qujat.api.LiveQueue;
import kz.qujat.api.ParkedOrder;
import kz.qujat.client.SupervisorApi;
import kz.qujat.workstation.BackgroundTask;
import kz.qujat.workstation.I18n;
import kz.qujat.workstation.LocalText;
import kz.qujat.workstation.Phrase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor's live queue: per region of their scope the applications waiting, the oldest and the claims held;
 * every claim held, by whom and for how long, with the release of a stale one (a reason is required and recorded);
 * the approved orders production kept refusing, parked, with their retry. Refreshed on demand and on a timer.
 */
public final class LiveQueueViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(LiveQueueViewModel.class);
    /** The server's bound on a release reason. */
    static final int MAX_REASON = 500;

    private final SupervisorApi api;
    private final BackgroundTask tasks;
    private final I18n i18n;
    private final Function<Exception, Phrase> failed;

    private final ObservableList<LiveQueue.RegionLine> regions = FXCollections.observableArrayList();
    private final ObservableList<LiveQueue.HeldClaim> claims = FXCollections.observableArrayList();
    private final ObservableList<ParkedOrder> parked = FXCollections.observableArrayList();
    private final ObjectProperty<LiveQueue.HeldClaim> selectedClaim = new SimpleObjectProperty<>();
    private final ObjectProperty<ParkedOrder> selectedOrder = new SimpleObjectProperty<>();
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Instant> updatedAt = new ReadOnlyObjectWrapper<>();
    private final LocalText totals;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final LocalText message;
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canRelease;
    private final BooleanBinding canRetry;

    public LiveQueueViewModel(SupervisorApi api, BackgroundTask tasks, I18n i18n, Function<Exception, Phrase> failed) {
        this.api = api;
        this.totals = new LocalText(i18n);
        this.message = new LocalText(i18n);
        this.tasks = tasks;
        this.i18n = i18n;
        this.failed = failed;
        canRelease = Bindings.createBooleanBinding(() -> selectedClaim.get() != null && reason.get() != null
                && !reason.get().isBlank() && reason.get().strip().length() <= MAX_REASON && !busy.get(),
                selectedClaim, reason, busy);
        canRetry = Bindings.createBooleanBinding(() -> selectedOrder.get() != null && !busy.get(), selectedOrder, busy);
    }

    /** Reads the live queue and the parked orders; a refresh already under way is not doubled. */
    public void refresh() {
        if (loading.get()) {
            return;
        }
        loading.set(true);
        tasks.run(() -> new Snapshot(api.liveQueue(), api.parkedOrders()), s -> {
            loading.set(false);
            show(s);
        }, e -> {
            loading.set(false);
            fail(failed.apply(e));
        });
    }

    private record Snapshot(LiveQueue queue, List<ParkedOrder> parked) {
    }

    private void show(Snapshot s) {
        LiveQueue.HeldClaim claim = selectedClaim.get();
        ParkedOrder order = selectedOrder.get();
        regions.setAll(s.queue().regions());
        claims.setAll(s.queue().claims());
        parked.setAll(s.parked());
        updatedAt.set(s.queue().at());
        long waiting = s.queue().regions().stream().mapToLong(LiveQueue.RegionLine::waiting).sum();
        long held = s.queue().regions().stream().mapToLong(LiveQueue.RegionLine::claimsHeld).sum();
        totals.set("live.totals", waiting, held, s.parked().size());
        // the view re-selects what was selected, if it is still there
        selectedClaim.set(claim == null ? null : claims.stream()
                .filter(c -> c.applicationId().equals(claim.applicationId())).findFirst().orElse(null));
        selectedOrder.set(order == null ? null : parked.stream()
                .filter(o -> o.applicationId().equals(order.applicationId())).findFirst().orElse(null));
    }

    /** Returns the selected claim to the queue with the typed reason. */
    public void release() {
        LiveQueue.HeldClaim claim = selectedClaim.get();
        if (!canRelease.get()) {
            return;
        }
        String why = reason.get().strip();
        busy.set(true);
        tasks.run(() -> {
            api.releaseClaim(claim.applicationId(), why);
            return claim;
        }, done -> {
            busy.set(false);
            reason.set("");
            info(Phrase.of("live.release.done", done.ticketNumber()));
            LOG.info("claim on {} released by the supervisor", done.applicationId());
            refresh();
        }, e -> {
            busy.set(false);
            fail(failed.apply(e));
            refresh();
        });
    }

    /** Sends the selected parked order to production again. */
    public void retry() {
        ParkedOrder order = selectedOrder.get();
        if (!canRetry.get()) {
            return;
        }
        busy.set(true);
        tasks.run(() -> {
            api.retryParked(order.applicationId());
            return order;
        }, done -> {
            busy.set(false);
            info(Phrase.of("live.retry.done", done.ticketNumber()));
            LOG.info("parked order {} sent again by the supervisor", done.applicationId());
            refresh();
        }, e -> {
            busy.set(false);
            fail(failed.apply(e));
            refresh();
        });
    }

    /** "1 h 05 min", "2 d 3 h", "4 min" of a number of seconds. */
    public String duration(long seconds) {
        long minutes = Math.max(0, seconds) / 60;
        long hours = minutes / 60;
        if (hours >= 24) {
            return i18n.get("queue.waiting.days", hours / 24, hours % 24);
        }
        if (hours > 0) {
            return i18n.get("queue.waiting.hours", hours, minutes % 60);
        }
        return i18n.get("live.minutes", minutes);
    }

    private void info(Phrase text) {
        message.set(text);
        messageIsError.set(false);
    }

    private void fail(Phrase text) {
        message.set(text);
        messageIsError.set(true);
    }

    public ObservableList<LiveQueue.RegionLine> regions() {
        return regions;
    }

    public ObservableList<LiveQueue.HeldClaim> claims() {
        return claims;
    }

    public ObservableList<ParkedOrder> parked() {
        return parked;
    }

    public ObjectProperty<LiveQueue.HeldClaim> selectedClaimProperty() {
        return selectedClaim;
    }

    public ObjectProperty<ParkedOrder> selectedOrderProperty() {
        return selectedOrder;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyObjectProperty<Instant> updatedAtProperty() {
        return updatedAt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty totalsProperty() {
        return totals.property();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.property();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public BooleanBinding canReleaseProperty() {
        return canRelease;
    }

    public BooleanBinding canRetryProperty() {
        return canRetry;
    }
}
