package kz.qujat.workstation.annulments;

import kz.qujat.testsupport.TestCentral;
import kz.qujat.domain.KzTime;
import kz.qujat.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.XYChart;
import kz.qujat.api.Annulment;
import kz.qujat.api.IntakeResponse;
import kz.qujat.client.SupervisorApi;
import kz.qujat.domain.AnnulmentReason;
import kz.qujat.domain.Region;
import kz.qujat.workstation.BackgroundTask;
import kz.qujat.workstation.I18n;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor's log logic against a real central service, with the work run inline. */
class AnnulmentsViewModelTest {
    private static TestCentral central;
    private static SupervisorApi api;
    private static IntakeResponse photo;
    private final I18n i18n = new I18n(I18n.ENGLISH);
    private final List<Exception> failures = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        central = new TestCentral();
        photo = central.decided("officer-astana", Region.ASTANA, null, "ANNUL", "PHOTO", "=cmd|' /C calc'!A0");
        central.decided("officer-astana", Region.ASTANA, null, "ANNUL", "SIGNATURE", "подпись, \"нечитаемая\"");
        central.decided("officer-astana", Region.ASTANA, null, "APPROVE", null, null);
        central.decided("officer-almaty", Region.ALMATY, null, "ANNUL", "PHOTO", null);
        api = new SupervisorApi(central.login("supervisor"));
    }

    @AfterAll
    static void stop() {
        central.close();
    }

    private AnnulmentsViewModel model() {
        return new AnnulmentsViewModel(api, BackgroundTask.sameThread(), i18n, e -> {
            failures.add(e);
            return kz.qujat.workstation.Phrase.literal("general failure");
        }, () -> KzTime.today(TestClock.live())); // the live day: the server dated the annulments on it
    }

    @Test
    void loadsTheLogRatesChartsAndOfficersAndFilters() {
        AnnulmentsViewModel m = model();
        m.refresh();
        assertThat(m.entries()).hasSize(3);
        assertThat(m.officers()).extracting(AnnulmentsViewModel.OfficerOption::iin)
                .containsExactly(null, "900722423029", "850314312017");
        // every reason, always in the same order (its colour goes with its place), zeros where none
        assertThat(m.byReason()).extracting(XYChart.Series::getName).containsExactly(
                i18n.get("review.annul.reason.PHOTO"), i18n.get("review.annul.reason.SIGNATURE"),
                i18n.get("review.annul.reason.FURTHER_VERIFICATION"));
        assertThat(m.byReason().get(2).getData()).allMatch(d -> d.getYValue().longValue() == 0);
        assertThat(m.byReason().get(0).getData().stream().mapToLong(d -> d.getYValue().longValue()).sum())
                .isEqualTo(2);
        assertThat(m.byOfficer()).hasSize(2);
        AnnulmentStats.OfficerRateRow astana = m.rates().stream()
                .filter(r -> r.officerIin().equals("850314312017")).findFirst().orElseThrow();
        assertThat(astana.decisions()).isEqualTo(3);
        assertThat(astana.annulments()).isEqualTo(2);

        m.reasonProperty().set(AnnulmentReason.PHOTO);
        m.regionProperty().set(Region.ASTANA);
        m.refresh();
        assertThat(m.entries()).extracting(Annulment::ticketNumber).containsExactly(photo.ticketNumber());

        m.toProperty().set(m.fromProperty().get().minusDays(1));
        m.refresh();
        assertThat(m.messageIsErrorProperty().get()).isTrue();
        assertThat(m.messageProperty().get()).isEqualTo(i18n.get("annulments.error.dates"));
        assertThat(m.entries()).hasSize(1);
        assertThat(failures).isEmpty();
    }

    /**
     * A workstation left open over midnight: the period the screen set itself moves on with the day at the next
     * "Show"; a date the supervisor chose stays as chosen.
     */
    @Test
    void theDefaultPeriodFollowsTheDayButAChosenDateStays() {
        java.time.LocalDate day = TestClock.today();
        java.util.concurrent.atomic.AtomicReference<java.time.LocalDate> clock =
                new java.util.concurrent.atomic.AtomicReference<>(day);
        AnnulmentsViewModel m = new AnnulmentsViewModel(api, BackgroundTask.sameThread(), i18n,
                e -> kz.qujat.workstation.Phrase.literal(""), clock::get);
        assertThat(m.toProperty().get()).isEqualTo(day);
        assertThat(m.fromProperty().get()).isEqualTo(day.minusDays(30));

        clock.set(day.plusDays(1));
        m.refresh();
        assertThat(m.toProperty().get()).isEqualTo(day.plusDays(1));
        assertThat(m.fromProperty().get()).isEqualTo(day.plusDays(1).minusDays(30));

        // the supervisor chose the first day: the last one still follows the day
        m.fromProperty().set(day.minusDays(90));
        clock.set(day.plusDays(2));
        m.refresh();
        assertThat(m.toProperty().get()).isEqualTo(day.plusDays(2));
        assertThat(m.fromProperty().get()).isEqualTo(day.minusDays(90));

        // the supervisor chose the last day: nothing moves any more
        m.toProperty().set(day.minusDays(5));
        clock.set(day.plusDays(3));
        m.refresh();
        assertThat(m.toProperty().get()).isEqualTo(day.minusDays(5));
        assertThat(m.fromProperty().get()).isEqualTo(day.minusDays(90));
        assertThat(m.today()).isEqualTo(day.plusDays(3));
    }

    /** The same-person check the officer saw, in short, in the log (empty for entries without one). */
    @Test
    void theSamePersonColumnSaysTheVerdictAndTheDistanceInTheUsersLanguage() {
        Annulment other = new Annulment(java.util.UUID.randomUUID(), "Q-0000003-3", "ASTANA", "FURTHER_VERIFICATION",
                "другой человек", "850314312017", null, java.time.Instant.parse("2026-11-20T06:00:00Z"), "OWED", null,
                new kz.qujat.api.SamePersonCheck("DIFFERENT", 0.7612, 0.4, 0.55, "inspect.samePerson.different"));
        Annulment none = new Annulment(java.util.UUID.randomUUID(), "Q-0000004-1", "ASTANA", "PHOTO", null,
                "850314312017", null, java.time.Instant.parse("2026-11-20T06:00:00Z"), "OWED", null, null);
        AnnulmentsViewModel ru = new AnnulmentsViewModel(api, BackgroundTask.sameThread(), new I18n(I18n.RUSSIAN),
                e -> kz.qujat.workstation.Phrase.literal(""), TestClock::today);
        assertThat(ru.samePersonText(other)).isEqualTo("другой · 0,76");
        assertThat(ru.samePersonText(none)).isEmpty();
        AnnulmentsViewModel en = new AnnulmentsViewModel(api, BackgroundTask.sameThread(), new I18n(I18n.ENGLISH),
                e -> kz.qujat.workstation.Phrase.literal(""), TestClock::today);
        assertThat(en.samePersonText(other)).isEqualTo("different · 0.76");
    }

    @Test
    void eachReasonKeepsItsPlaceAndColourInEveryLanguageAndUnderAnyFilter() {
        Annulment signature = new Annulment(java.util.UUID.randomUUID(), "Q-0000002-5", "ASTANA", "SIGNATURE", null,
                "850314312017", null, java.time.Instant.parse("2026-11-20T06:00:00Z"), "OWED", null, null);
        for (java.util.Locale l : I18n.SUPPORTED) {
            AnnulmentsViewModel m = new AnnulmentsViewModel(api, BackgroundTask.sameThread(), new I18n(l),
                    e -> kz.qujat.workstation.Phrase.literal(""), TestClock::today);
            List<XYChart.Series<String, Number>> series = m.reasonSeries(List.of(signature));
            // the series follow the reasons' order, not their translated names' alphabetical order
            assertThat(series).extracting(XYChart.Series::getName).containsExactlyElementsOf(
                    AnnulmentsViewModel.REASONS.stream().map(r -> m.reasonName(r.name())).toList());
            assertThat(series.get(1).getData()).singleElement()
                    .satisfies(d -> assertThat(d.getYValue().longValue()).isEqualTo(1));
        }
        assertThat(AnnulmentsViewModel.REASONS).extracting(ReasonColors::of).doesNotHaveDuplicates()
                .allMatch(c -> c.matches("#[0-9a-f]{6}")).doesNotContain(ReasonColors.UNKNOWN);
        assertThat(ReasonColors.of("SOMETHING_NEW")).isEqualTo(ReasonColors.UNKNOWN);
    }

    @Test
    void aDisagreementNeedsACommentAndTheReviewShowsInTheLog() {
        AnnulmentsViewModel m = model();
        m.refresh();
        Annulment entry = m.entries().stream().filter(a -> a.ticketNumber().equals(photo.ticketNumber()))
                .findFirst().orElseThrow();
        assertThat(m.canReviewProperty().get()).isFalse();
        m.selectedProperty().set(entry);
        m.verdictProperty().set(AnnulmentsViewModel.DISAGREE);
        assertThat(m.canReviewProperty().get()).isFalse();
        m.reviewCommentProperty().set("фото в порядке");
        assertThat(m.canReviewProperty().get()).isTrue();
        m.review();
        Annulment saved = m.entries().stream().filter(a -> a.ticketNumber().equals(photo.ticketNumber()))
                .findFirst().orElseThrow();
        assertThat(saved.review().verdict()).isEqualTo("DISAGREE");
        assertThat(saved.review().comment()).isEqualTo("фото в порядке");
        assertThat(m.selectedProperty().get()).isEqualTo(saved);
        assertThat(failures).isEmpty();
    }

    @Test
    void exportsWhatIsShownAsSafeCsv(@TempDir Path dir) throws Exception {
        AnnulmentsViewModel m = model();
        m.regionProperty().set(Region.ASTANA);
        m.refresh();
        Path file = dir.resolve("log.csv");
        m.export(file);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String csv = new String(bytes, StandardCharsets.UTF_8).substring(1);
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("Ticket;Annulled at;Region;Officer IIN;Officer;Reason;Comment;Fee refund");
        assertThat(csv).contains(photo.ticketNumber(), "ЖАКСЫБЕКОВ АРМАН", "'=cmd|", "\"подпись, \"\"нечитаемая\"\"\"");
        assertThat(csv).doesNotContain(";=cmd");
        // every value in the user's language: the refund's state too
        assertThat(lines[1] + lines[2]).contains(";owed;").doesNotContain("OWED");
        assertThat(m.messageProperty().get()).contains("2", "log.csv");
        assertThat(failures).isEmpty();
    }
}
