package kz.qujat.workstation.annulments;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
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
import javafx.scene.chart.XYChart;
import kz.qujat.api.Annulment;
import kz.qujat.api.AnnulmentRates;
import kz.qujat.client.AnnulmentFilter;
import kz.qujat.client.SupervisorApi;
import kz.qujat.domain.AnnulmentReason;
import kz.qujat.domain.Region;
import kz.qujat.workstation.BackgroundTask;
import kz.qujat.workstation.I18n;
import kz.qujat.workstation.LocalText;
import kz.qujat.workstation.Phrase;

/**
 * The supervisor's annulment log: the filter, the entries, the charts by reason and by officer over time, each
 * officer's rate next to the region's, the review of one entry and the CSV export of what is shown.
 */
public final class AnnulmentsViewModel {
    public static final String AGREE = "AGREE";
    public static final String DISAGREE = "DISAGREE";
    private static final int DEFAULT_DAYS = 30;
    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd.MM");

    /** An officer to filter by; {@code iin} null means all officers. */
    public record OfficerOption(String iin, String name) {
    }

    private final SupervisorApi api;
    private final BackgroundTask tasks;
    private final I18n i18n;
    private final Function<Exception, Phrase> failed;

    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<Region> region = new SimpleObjectProperty<>();
    private final ObjectProperty<OfficerOption> officer = new SimpleObjectProperty<>();
    private final ObjectProperty<AnnulmentReason> reason = new SimpleObjectProperty<>();
    private final ObservableList<OfficerOption> officers = FXCollections.observableArrayList();
    private final ObservableList<Annulment> entries = FXCollections.observableArrayList();
    private final ObservableList<AnnulmentStats.OfficerRateRow> rates = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<String, Number>> byReason = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<String, Number>> byOfficer = FXCollections.observableArrayList();
    private final ObjectProperty<Annulment> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<String> verdict = new SimpleObjectProperty<>();
    private final StringProperty reviewComment = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final LocalText message;
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper();
    private final Map<String, byte[]> images = new ConcurrentHashMap<>();
    private final BooleanBinding canReview;

    private Loaded shown;
    private final java.util.function.Supplier<LocalDate> today;
    // the period the screen set itself; while the supervisor has not changed it, it follows the day
    private LocalDate defaultFrom;
    private LocalDate defaultTo;
    // held here: the locale holds it only weakly, so a closed session's model can go
    private final javafx.beans.value.ChangeListener<java.util.Locale> relabel = (o, a, b) -> {
        if (shown != null) {
            byReason.setAll(reasonSeries(shown.log()));
        }
    };

    public AnnulmentsViewModel(SupervisorApi api, BackgroundTask tasks, I18n i18n, Function<Exception, Phrase> failed,
                               java.util.function.Supplier<LocalDate> today) {
        this.api = api;
        this.tasks = tasks;
        this.i18n = i18n;
        this.message = new LocalText(i18n);
        this.failed = failed;
        i18n.localeProperty().addListener(new javafx.beans.value.WeakChangeListener<>(relabel));
        this.today = today;
        followTheDay();
        officers.add(new OfficerOption(null, null));
        canReview = Bindings.createBooleanBinding(() -> selected.get() != null && verdict.get() != null
                        && (AGREE.equals(verdict.get()) || !reviewComment.get().isBlank()) && !busy.get(),
                selected, verdict, reviewComment, busy);
        selected.addListener((o, old, now) -> {
            verdict.set(now == null || now.review() == null ? null : now.review().verdict());
            reviewComment.set(now == null || now.review() == null || now.review().comment() == null ? ""
                    : now.review().comment());
        });
    }

    /** The filter as the server takes it; null (and a message) when the dates are the wrong way round. */
    AnnulmentFilter filter() {
        if (from.get() != null && to.get() != null && to.get().isBefore(from.get())) {
            fail(Phrase.of("annulments.error.dates"));
            return null;
        }
        OfficerOption o = officer.get();
        return new AnnulmentFilter(from.get(), to.get(), region.get(), o == null ? null : o.iin(), reason.get());
    }

    /**
     * Sets the default period, the last {@value #DEFAULT_DAYS} days to today, and moves it on when the day has
     * changed since (a workstation left open over midnight): a date the supervisor chose stays as chosen.
     */
    private void followTheDay() {
        LocalDate now = today.get();
        if (to.get() == null || to.get().equals(defaultTo) && now.isAfter(defaultTo)) {
            boolean fromUntouched = from.get() == null || from.get().equals(defaultFrom);
            defaultTo = now;
            to.set(now);
            if (fromUntouched) {
                defaultFrom = now.minusDays(DEFAULT_DAYS);
                from.set(defaultFrom);
            }
        }
    }

    /** Today in Kazakhstan, by the workstation's clock. */
    public LocalDate today() {
        return today.get();
    }

    /** Loads the log and the rates for the filter. */
    public void refresh() {
        followTheDay();
        AnnulmentFilter f = filter();
        if (f == null) {
            return;
        }
        busy.set(true);
        tasks.run(() -> new Loaded(api.annulments(f), api.rates(f)), loaded -> {
            busy.set(false);
            show(loaded);
            info(Phrase.of("annulments.loaded", loaded.log().size()));
        }, e -> {
            busy.set(false);
            fail(failed.apply(e));
        });
    }

    private void show(Loaded loaded) {
        shown = loaded;
        UUID keep = selected.get() == null ? null : selected.get().applicationId();
        entries.setAll(loaded.log());
        rates.setAll(AnnulmentStats.rateRows(loaded.rates()));
        byReason.setAll(reasonSeries(loaded.log()));
        byOfficer.setAll(series(AnnulmentStats.perDay(loaded.log(), AnnulmentStats::officerLabel)));
        OfficerOption chosen = officer.get();
        List<OfficerOption> options = new ArrayList<>();
        options.add(new OfficerOption(null, null));
        loaded.rates().officers().stream()
                .map(r -> new OfficerOption(r.officerIin(), r.officerName() == null ? r.officerIin() : r.officerName()))
                .distinct().forEach(options::add);
        officers.setAll(options);
        officer.set(chosen != null && options.contains(chosen) ? chosen : options.get(0));
        selected.set(keep == null ? null : entries.stream().filter(a -> a.applicationId().equals(keep))
                .findFirst().orElse(null));
    }

    /**
     * The chart by reason: one series per R9 reason, always all of them and always in {@link #REASONS} order (not
     * sorted by the translated name), so that a reason keeps its place and its colour in every language and
     * under every filter; a reason with nothing in the period is a series of zeros.
     */
    List<XYChart.Series<String, Number>> reasonSeries(List<Annulment> log) {
        SortedMap<String, SortedMap<LocalDate, Long>> perDay = AnnulmentStats.perDay(log, Annulment::reason);
        TreeSet<LocalDate> days = new TreeSet<>();
        perDay.values().forEach(m -> days.addAll(m.keySet()));
        List<XYChart.Series<String, Number>> out = new ArrayList<>();
        for (AnnulmentReason r : REASONS) {
            SortedMap<LocalDate, Long> counts = perDay.getOrDefault(r.name(), new java.util.TreeMap<>());
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(reasonName(r.name()));
            for (LocalDate d : days) {
                s.getData().add(new XYChart.Data<>(DAY.format(d), counts.getOrDefault(d, 0L)));
            }
            out.add(s);
        }
        return out;
    }

    /** The reasons in the order of the chart's series and its legend. */
    public static final List<AnnulmentReason> REASONS = List.of(AnnulmentReason.values());

    /** One series per key; every series has a point for every day of the data, zero where nothing happened. */
    static List<XYChart.Series<String, Number>> series(SortedMap<String, SortedMap<LocalDate, Long>> perDay) {
        TreeSet<LocalDate> days = new TreeSet<>();
        perDay.values().forEach(m -> days.addAll(m.keySet()));
        List<XYChart.Series<String, Number>> out = new ArrayList<>();
        perDay.forEach((key, counts) -> {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(key);
            for (LocalDate d : days) {
                s.getData().add(new XYChart.Data<>(DAY.format(d), counts.getOrDefault(d, 0L)));
            }
            out.add(s);
        });
        return out;
    }

    /**
     * Loads who read the selected application's personal data (detail, photo, signature, ...) and when, as lines
     * for the supervisor; {@code show} gets them on the FX thread.
     */
    public void loadAccesses(java.util.function.Consumer<List<String>> show) {
        Annulment a = selected.get();
        if (a == null) {
            return;
        }
        tasks.run(() -> api.accesses(a.applicationId()), list -> show.accept(list.stream()
                .map(e -> Formats.dateTime(e.at()) + " · " + (e.staffName() == null ? e.staffIin() : e.staffName())
                        + " (" + i18n.get("role." + e.role()) + ") · " + accessWhat(e.what())).toList()),
                e -> fail(failed.apply(e)));
    }

    private String accessWhat(String what) {
        return ACCESS_KINDS.contains(what) ? i18n.get("annulments.accesses.what." + what) : what;
    }

    /** What the server audits as a reading of personal data. */
    public static final List<String> ACCESS_KINDS = List.of("detail", "photo", "signature", "registry-photo",
            "registry-signature", "handover");

    /** Records the review of the selected entry (a disagreement needs a comment). */
    public void review() {
        Annulment a = selected.get();
        if (!canReview.get()) {
            return;
        }
        String v = verdict.get();
        String comment = reviewComment.get().strip();
        busy.set(true);
        tasks.run(() -> api.review(a.applicationId(), v, comment.isEmpty() ? null : comment), saved -> {
            busy.set(false);
            int i = indexOf(saved.applicationId());
            if (i >= 0) {
                entries.set(i, saved);
            }
            selected.set(saved);
            info(Phrase.of("annulments.review.saved", saved.ticketNumber()));
        }, e -> {
            busy.set(false);
            fail(failed.apply(e));
        });
    }

    private int indexOf(UUID id) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).applicationId().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Writes the entries shown now as CSV to {@code file}. */
    public void export(Path file) {
        List<String> header = List.of(i18n.get("annulments.col.ticket"), i18n.get("annulments.col.annulledAt"),
                i18n.get("annulments.col.region"), i18n.get("annulments.col.officerIin"),
                i18n.get("annulments.col.officer"), i18n.get("annulments.col.reason"),
                i18n.get("annulments.col.comment"), i18n.get("annulments.col.refund"),
                i18n.get("annulments.col.review"), i18n.get("annulments.col.reviewComment"),
                i18n.get("annulments.col.reviewer"), i18n.get("annulments.col.samePerson"));
        List<List<String>> rows = entries.stream().map(this::csvRow).toList();
        tasks.run(() -> {
            try (OutputStream out = Files.newOutputStream(file)) {
                Csv.write(out, header, rows);
            }
            return rows.size();
        }, n -> info(Phrase.of("annulments.exported", n, file.getFileName().toString())), e -> fail(failed.apply(e)));
    }

    private List<String> csvRow(Annulment a) {
        Annulment.Review r = a.review();
        return List.of(a.ticketNumber(), Formats.dateTime(a.annulledAt()), i18n.regionName(a.region()),
                nz(a.officerIin()), nz(a.officerName()), reasonName(a.reason()), nz(a.comment()), refundName(a.refundStatus()),
                r == null ? "" : verdictName(r.verdict()), r == null ? "" : nz(r.comment()),
                r == null ? "" : nz(r.supervisorName()), samePersonText(a));
    }

    /**
     * The same-person check the officer saw when deciding, in short: the verdict and the distance ("другой · 0,83");
     * empty when the entry carries none (decided before the check existed).
     */
    public String samePersonText(Annulment a) {
        kz.qujat.api.SamePersonCheck c = a.samePerson();
        if (c == null || c.verdict() == null) {
            return "";
        }
        String verdict = switch (c.verdict()) {
            case "SAME" -> i18n.get("annulments.samePerson.same");
            case "UNSURE" -> i18n.get("annulments.samePerson.unsure");
            case "DIFFERENT" -> i18n.get("annulments.samePerson.different");
            default -> i18n.get("annulments.samePerson.notMeasured");
        };
        return c.distance() == null ? verdict
                : verdict + " · " + String.format(i18n.locale(), "%.2f", c.distance());
    }

    /** A thumbnail's bytes ({@code pathTemplate}: photo or signature), fetched once and kept for the session. */
    public void image(String pathTemplate, UUID id, Consumer<byte[]> onLoaded) {
        String key = pathTemplate + id;
        byte[] cached = images.get(key);
        if (cached != null) {
            onLoaded.accept(cached);
            return;
        }
        tasks.run(() -> api.image(pathTemplate, id), bytes -> {
            images.put(key, bytes);
            onLoaded.accept(bytes);
        }, e -> fail(failed.apply(e)));
    }

    public String reasonName(String reasonCode) {
        return reasonCode == null ? "" : i18n.get("review.annul.reason." + reasonCode);
    }

    /** R10: the refund's status in the user's words (OWED, REFUNDED). */
    public String refundName(String refundStatus) {
        return refundStatus == null ? "" : i18n.get("refund.status." + refundStatus);
    }

    public String verdictName(String verdictCode) {
        return verdictCode == null ? "" : i18n.get("annulments.verdict." + verdictCode);
    }

    private void info(Phrase text) {
        message.set(text);
        messageIsError.set(false);
    }

    private void fail(Phrase text) {
        message.set(text);
        messageIsError.set(true);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private record Loaded(List<Annulment> log, AnnulmentRates rates) {
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObjectProperty<Region> regionProperty() {
        return region;
    }

    public ObjectProperty<OfficerOption> officerProperty() {
        return officer;
    }

    public ObjectProperty<AnnulmentReason> reasonProperty() {
        return reason;
    }

    public ObservableList<OfficerOption> officers() {
        return officers;
    }

    public ObservableList<Annulment> entries() {
        return entries;
    }

    public ObservableList<AnnulmentStats.OfficerRateRow> rates() {
        return rates;
    }

    public ObservableList<XYChart.Series<String, Number>> byReason() {
        return byReason;
    }

    public ObservableList<XYChart.Series<String, Number>> byOfficer() {
        return byOfficer;
    }

    public ObjectProperty<Annulment> selectedProperty() {
        return selected;
    }

    public ObjectProperty<String> verdictProperty() {
        return verdict;
    }

    public StringProperty reviewCommentProperty() {
        return reviewComment;
    }

    public BooleanBinding canReviewProperty() {
        return canReview;
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
}
