package kz.qujat.workstation.handover;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kz.qujat.api.ApplicantStatus;
import kz.qujat.api.HandoverInfo;
import kz.qujat.api.LocalizedText;
import kz.qujat.api.ProblemKind;
import kz.qujat.client.CentralException;
import kz.qujat.client.ClerkApi;
import kz.qujat.workstation.BackgroundTask;
import kz.qujat.workstation.I18n;
import kz.qujat.workstation.LocalText;
import kz.qujat.workstation.Phrase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registration-point clerk's desk (R11): the documents ready here, lookup by a typed or scanned ticket
 * number, the applicant's photo for the identity check, the handover with both confirmations, the receipt.
 */
public final class HandoverViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(HandoverViewModel.class);
    static final String READY = "READY_FOR_PICKUP";
    static final String ISSUED = "ISSUED";

    private final ClerkApi api;
    private final BackgroundTask tasks;
    private final I18n i18n;
    private final Function<Exception, Phrase> failed;
    private final String clerkName;

    private final ObservableList<HandoverInfo> ready = FXCollections.observableArrayList();
    private final StringProperty ticketText = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<HandoverInfo> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<byte[]> photo = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty identityChecked = new SimpleBooleanProperty();
    private final BooleanProperty oldCardSurrendered = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final LocalText message;
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canHandOver;
    private final BooleanBinding canPrint;

    /** {@code failed} shows a failure in the user's language (and ends an expired session); returns the text. */
    public HandoverViewModel(ClerkApi api, BackgroundTask tasks, I18n i18n, Function<Exception, Phrase> failed,
                             String clerkName) {
        this.api = api;
        this.tasks = tasks;
        this.i18n = i18n;
        this.message = new LocalText(i18n);
        this.failed = failed;
        this.clerkName = clerkName;
        canHandOver = Bindings.createBooleanBinding(() -> current.get() != null
                        && READY.equals(current.get().status()) && identityChecked.get() && oldCardSurrendered.get()
                        && !busy.get(), current, identityChecked, oldCardSurrendered, busy);
        canPrint = Bindings.createBooleanBinding(() -> current.get() != null && ISSUED.equals(current.get().status()),
                current);
    }

    /** Reloads the list of documents waiting at this point. */
    public void refreshReady() {
        tasks.run(() -> api.ready(500), ready::setAll, e -> fail(failed.apply(e)));
    }

    /** Picks a document of the list: the same as typing its ticket number. */
    public void choose(HandoverInfo info) {
        if (info != null) {
            ticketText.set(info.ticketNumber());
            lookUp();
        }
    }

    /** Looks up what is in the ticket field (typed, or scanned: the scanner's Enter ends it). */
    public void lookUp() {
        String ticket = ClerkApi.normalizeTicket(ticketText.get());
        clear();
        if (ticket == null) {
            fail(Phrase.of("handover.error.badTicket"));
            return;
        }
        ticketText.set(ticket);
        busy.set(true);
        tasks.run(() -> {
            HandoverInfo info = api.find(ticket);
            return new Found(info, api.photo(info.applicationId()));
        }, found -> {
            busy.set(false);
            current.set(found.info());
            photo.set(found.photo());
            info(Phrase.of(ISSUED.equals(found.info().status()) ? "handover.alreadyIssued" : "handover.found"));
        }, e -> {
            busy.set(false);
            fail(lookupFailure(e));
        });
    }

    /** R11: hands over the current document; only with both confirmations (the button is disabled otherwise). */
    public void handOver() {
        handOver(() -> { });
    }

    /** As {@link #handOver()}; {@code then} runs on the FX thread once the handover is recorded. */
    public void handOver(Runnable then) {
        HandoverInfo info = current.get();
        if (!canHandOver.get()) {
            return;
        }
        busy.set(true);
        tasks.run(() -> api.handOver(info.ticketNumber(), identityChecked.get(), oldCardSurrendered.get(), null),
                issued -> {
                    busy.set(false);
                    LOG.info("ticket {} handed over", issued.ticketNumber());
                    current.set(issued);
                    info(Phrase.of("handover.done", issued.ticketNumber()));
                    refreshReady();
                    then.run();
                }, e -> {
                    busy.set(false);
                    fail(lookupFailure(e));
                });
    }

    /** Writes the receipt of the handed-over document as PDF to {@code file}; {@code then} runs on success. */
    public void saveReceipt(Path file, Runnable then) {
        HandoverInfo info = current.get();
        if (info == null || !ISSUED.equals(info.status())) {
            return;
        }
        HandoverReceipt.Data data = receiptData(info);
        // the receipt is in Kazakh and Russian whatever the screen's language: the recipient keeps it
        HandoverReceipt receipt = new HandoverReceipt(I18n.texts(I18n.KAZAKH), I18n.texts(I18n.RUSSIAN));
        tasks.run(() -> {
            try (OutputStream out = Files.newOutputStream(file)) {
                receipt.write(data, out);
            }
            return file;
        }, f -> {
            info(Phrase.of("handover.receipt.saved", f.getFileName().toString()));
            then.run();
        }, e -> fail(failed.apply(e)));
    }

    HandoverReceipt.Data receiptData(HandoverInfo info) {
        String name = String.join(" ", List.of(info.surname(), info.givenName(),
                info.patronymic() == null ? "" : info.patronymic())).strip();
        ApplicantStatus.Pickup p = info.point();
        LocalizedText pointName = p == null ? null : p.name();
        return new HandoverReceipt.Data(info.ticketNumber(), name, info.newDocumentNumber(), info.oldDocumentNumber(),
                info.registrationPoint(), pointName == null ? null : pointName.kk(),
                pointName == null ? null : pointName.ru(), info.issuedAt(), clerkName, true, true);
    }

    /** The clerk-specific readings of a refusal; anything else goes to the shell's general messages. */
    private Phrase lookupFailure(Exception e) {
        if (e instanceof CentralException c && c.kind().isPresent()) {
            ProblemKind kind = c.kind().get();
            LOG.info("handover lookup refused: {}", kind.slug());
            switch (kind) {
                case FORBIDDEN:
                    return c.problem().flatMap(kz.qujat.api.Problem::holdingPoint).map(this::otherPoint)
                            .orElseGet(() -> Phrase.of("handover.error.otherPoint"));
                case CONFLICT:
                    return Phrase.of("handover.error.notReady");
                case NOT_FOUND:
                    return Phrase.of("handover.error.unknownTicket");
                default:
                    break;
            }
        }
        return failed.apply(e);
    }

    /** The refusal naming the point that holds the document: its name and address in the screen's language. */
    private Phrase otherPoint(ApplicantStatus.Pickup p) {
        return words -> {
            boolean kazakh = I18n.KAZAKH.equals(words.locale());
            String name = p.name() == null ? null : kazakh ? p.name().kk() : p.name().ru();
            String address = p.address() == null ? null : kazakh ? p.address().kk() : p.address().ru();
            if (name == null) {
                return words.get("handover.error.otherPointCode", p.code());
            }
            return words.get("handover.error.otherPointNamed", p.code(), name, address == null ? "" : address);
        };
    }

    private void clear() {
        current.set(null);
        photo.set(null);
        identityChecked.set(false);
        oldCardSurrendered.set(false);
        message.clear();
    }

    private void info(Phrase text) {
        message.set(text);
        messageIsError.set(false);
    }

    private void fail(Phrase text) {
        message.set(text);
        messageIsError.set(true);
    }

    private record Found(HandoverInfo info, byte[] photo) {
    }

    public ObservableList<HandoverInfo> ready() {
        return ready;
    }

    public StringProperty ticketTextProperty() {
        return ticketText;
    }

    public ReadOnlyObjectProperty<HandoverInfo> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<byte[]> photoProperty() {
        return photo.getReadOnlyProperty();
    }

    public BooleanProperty identityCheckedProperty() {
        return identityChecked;
    }

    public BooleanProperty oldCardSurrenderedProperty() {
        return oldCardSurrendered;
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

    public BooleanBinding canHandOverProperty() {
        return canHandOver;
    }

    public BooleanBinding canPrintProperty() {
        return canPrint;
    }
}
