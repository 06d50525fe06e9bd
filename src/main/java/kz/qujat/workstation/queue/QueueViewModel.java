package kz.qujat.workstation.queue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import kz.qujat.api.ApplicationDetail;
import kz.qujat.api.ProblemKind;
import kz.qujat.client.CentralException;
import kz.qujat.domain.KzTime;
import kz.qujat.workstation.LocalText;
import kz.qujat.workstation.Phrase;
import kz.qujat.workstation.Screens;
import kz.qujat.workstation.SessionScope;

/**
 * The officer's queue: the region's waiting applications oldest first, filtered by a search text and, if
 * asked, to those already past the card's expiry; refreshed without losing the selected line; "take next"
 * claims the oldest, "take selected" that one (with a clear message when another officer was quicker).
 */
public final class QueueViewModel {
    static final int LIMIT = 500;
    private final SessionScope scope;
    private final ObservableList<QueueRow> rows = FXCollections.observableArrayList();
    private final FilteredList<QueueRow> visible = new FilteredList<>(rows);
    private final StringProperty filter = new SimpleStringProperty("");
    private final BooleanProperty expiredOnly = new SimpleBooleanProperty(false);
    private final ObjectProperty<UUID> selected = new SimpleObjectProperty<>();
    private final LocalText message;
    private final LocalText selectionNote;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private boolean loading;

    public QueueViewModel(SessionScope scope) {
        this.message = new LocalText(scope.i18n());
        this.selectionNote = new LocalText(scope.i18n());
        this.scope = scope;
        filter.addListener((o, a, b) -> applyFilter());
        expiredOnly.addListener((o, a, b) -> applyFilter());
        selected.addListener((o, a, b) -> noteSelection());
        rows.addListener((javafx.collections.ListChangeListener<QueueRow>) c -> noteSelection());
    }

    /**
     * For the selected line, when it waited overnight: its count of days on the application day, which R3 judges
     * (the expiry column's tooltip says the same to the mouse; this is what the keyboard gets). Empty otherwise.
     */
    public ReadOnlyStringProperty selectionNoteProperty() {
        return selectionNote.property();
    }

    private void noteSelection() {
        UUID id = selected.get();
        QueueRow row = id == null ? null : rows.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
        if (row == null || !row.countedOnAnotherDay()) {
            selectionNote.clear();
            return;
        }
        long days = row.daysFromExpiryAtSubmission();
        selectionNote.set(i18n -> i18n.get("queue.expiry.atSubmission",
                kz.qujat.workstation.review.ExpiryText.of(i18n, days)));
    }

    public ObservableList<QueueRow> visibleRows() {
        return visible;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public BooleanProperty expiredOnlyProperty() {
        return expiredOnly;
    }

    /** The selected application by id, so that a refresh can select the same one again. */
    public ObjectProperty<UUID> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.property();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public int total() {
        return rows.size();
    }

    /** Loads the queue again; a refresh already under way is not doubled. */
    public void refresh() {
        if (loading) {
            return;
        }
        loading = true;
        scope.tasks().run(() -> scope.session().client().queue(LIMIT), items -> {
            loading = false;
            Instant now = scope.clock().instant();
            LocalDate today = KzTime.today(scope.clock());
            show(items.stream().map(i -> QueueRow.of(i, now, today)).toList());
        }, e -> {
            loading = false;
            message.set(scope.failed(e));
        });
    }

    /** Replaces the lines, oldest first, keeping the selection when that application is still waiting. */
    void show(List<QueueRow> fresh) {
        UUID keep = selected.get();
        rows.setAll(fresh.stream().sorted(Comparator.comparing(QueueRow::submittedAt)).toList());
        if (keep != null && rows.stream().noneMatch(r -> r.id().equals(keep))) {
            selected.set(null);
        }
        message.set(Phrase.of("queue.count", rows.size()));
    }

    private void applyFilter() {
        String needle = filter.get() == null ? "" : filter.get().trim().toLowerCase(Locale.ROOT);
        boolean expired = expiredOnly.get();
        visible.setPredicate(r -> r.matches(needle) && (!expired || r.daysFromExpiry() >= 0));
    }

    /** Claims the oldest waiting application and opens it. */
    public void takeNext() {
        take(() -> scope.session().client().next().orElse(null));
    }

    /** Claims the selected application and opens it. */
    public void takeSelected() {
        UUID id = selected.get();
        if (id == null) {
            message.set(Phrase.of("queue.selectFirst"));
            return;
        }
        take(() -> scope.session().client().claim(id));
    }

    private void take(java.util.concurrent.Callable<ApplicationDetail> claim) {
        if (busy.get()) {
            return;
        }
        if (scope.desk().current() != null) {
            message.set(Phrase.of("queue.finishCurrent", scope.desk().current().ticketNumber()));
            scope.show(Screens.REVIEW);
            return;
        }
        busy.set(true);
        scope.tasks().run(claim, detail -> {
            busy.set(false);
            if (detail == null) {
                message.set(Phrase.of("queue.empty"));
                refresh();
                return;
            }
            scope.desk().currentProperty().set(detail);
            scope.status().info(Phrase.of("queue.taken", detail.ticketNumber()));
            scope.show(Screens.REVIEW);
        }, e -> {
            busy.set(false);
            if (e instanceof CentralException c && c.kind().orElse(null) == ProblemKind.CONFLICT) {
                message.set(Phrase.of("queue.takenByOther"));
                scope.status().error(message.phrase());
                refresh();
            } else {
                message.set(scope.failed(e));
            }
        });
    }
}
