package kz.qujat.workstation.finance;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Function;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kz.qujat.api.Refund;
import kz.qujat.client.FinanceApi;
import kz.qujat.domain.RefundStatus;
import kz.qujat.workstation.BackgroundTask;
import kz.qujat.workstation.I18n;
import kz.qujat.workstation.LocalText;
import kz.qujat.workstation.Phrase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The finance department's refunds (R10): the refunds owed (or paid, or all), the CSV for the tax authority, and
 * a payment recorded with its reference and date, which moves the refund from OWED to REFUNDED.
 */
public final class FinanceViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(FinanceViewModel.class);
    /** The same rule as the server's, so the button is enabled only for a reference the server takes. */
    static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/\\-]{2,39}");

    private final FinanceApi api;
    private final BackgroundTask tasks;
    private final I18n i18n;
    private final Function<Exception, Phrase> failed;
    private final java.util.function.Supplier<LocalDate> today;
    // the payment day the screen set itself; while nobody changed it, it follows the day
    private LocalDate defaultPaidOn;

    private final ObservableList<Refund> refunds = FXCollections.observableArrayList();
    private final ObjectProperty<RefundStatus> statusFilter = new SimpleObjectProperty<>(RefundStatus.OWED);
    private final ObjectProperty<Refund> selected = new SimpleObjectProperty<>();
    private final StringProperty paymentReference = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> paidOn = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final LocalText message;
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper();
    private final LocalText total;
    private final BooleanBinding canPay;

    public FinanceViewModel(FinanceApi api, BackgroundTask tasks, I18n i18n, Function<Exception, Phrase> failed,
                            java.util.function.Supplier<LocalDate> today) {
        this.api = api;
        this.tasks = tasks;
        this.i18n = i18n;
        this.message = new LocalText(i18n);
        this.total = new LocalText(i18n);
        this.failed = failed;
        this.today = today;
        defaultPaidOn = today.get();
        paidOn.set(defaultPaidOn);
        canPay = Bindings.createBooleanBinding(() -> selected.get() != null
                        && RefundStatus.OWED.name().equals(selected.get().status())
                        && paymentReference.get() != null && REFERENCE.matcher(paymentReference.get().strip()).matches()
                        && paidOn.get() != null && !paidOn.get().isAfter(today.get()) && !busy.get(),
                selected, paymentReference, paidOn, busy);
        statusFilter.addListener((o, a, b) -> refresh());
    }

    /**
     * Loads the refunds of the filter. A payment day the screen set itself moves on to today when the day has
     * changed since (a workstation left open over midnight); a day the user chose stays as chosen.
     */
    public void refresh() {
        LocalDate now = today.get();
        if (defaultPaidOn.equals(paidOn.get()) && now.isAfter(defaultPaidOn)) {
            defaultPaidOn = now;
            paidOn.set(now);
        }
        busy.set(true);
        tasks.run(() -> api.refunds(statusFilter.get()), list -> {
            busy.set(false);
            refunds.setAll(list);
            long sum = list.stream().mapToLong(Refund::amountTiyn).sum();
            total.set("refunds.total", list.size(), money(sum));
        }, e -> fail(failed.apply(e)));
    }

    /** Records the selected refund as paid with the typed reference and date. */
    public void pay() {
        Refund r = selected.get();
        if (!canPay.get()) {
            return;
        }
        String reference = paymentReference.get().strip();
        LocalDate date = paidOn.get();
        busy.set(true);
        tasks.run(() -> api.paid(r.applicationId(), reference, date), done -> {
            busy.set(false);
            paymentReference.set("");
            info(Phrase.of("refunds.pay.done", done.ticketNumber(), done.payment().reference()));
            LOG.info("refund of {} recorded as paid", done.ticketNumber());
            refresh();
        }, e -> fail(failed.apply(e)));
    }

    /** Writes the server's CSV for the current filter to {@code file}. */
    public void export(Path file) {
        busy.set(true);
        tasks.run(() -> {
            byte[] csv = api.exportCsv(statusFilter.get());
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(csv);
            }
            return file;
        }, written -> {
            busy.set(false);
            info(Phrase.of("refunds.exported", written.getFileName().toString()));
        }, e -> fail(failed.apply(e)));
    }

    /** Tenge with two decimals, from tiyn. */
    public static String money(long tiyn) {
        return BigDecimal.valueOf(tiyn, 2).toPlainString() + " ₸";
    }

    public String statusName(String status) {
        return status == null ? i18n.get("refunds.filter.all") : i18n.get("refund.status." + status);
    }

    private void info(Phrase text) {
        message.set(text);
        messageIsError.set(false);
    }

    private void fail(Phrase text) {
        busy.set(false);
        message.set(text);
        messageIsError.set(true);
    }

    public ObservableList<Refund> refunds() {
        return refunds;
    }

    public ObjectProperty<RefundStatus> statusFilterProperty() {
        return statusFilter;
    }

    public ObjectProperty<Refund> selectedProperty() {
        return selected;
    }

    public StringProperty paymentReferenceProperty() {
        return paymentReference;
    }

    public ObjectProperty<LocalDate> paidOnProperty() {
        return paidOn;
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

    public ReadOnlyStringProperty totalProperty() {
        return total.property();
    }

    public BooleanBinding canPayProperty() {
        return canPay;
    }

    /** Today in Kazakhstan by the workstation's clock: the last day a payment can be dated. */
    public LocalDate today() {
        return today.get();
    }
}
