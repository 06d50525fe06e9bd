package kz.qujat.workstation.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.qujat.api.QueueItem;
import kz.qujat.workstation.StatusModel;
import kz.qujat.workstation.TestContexts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueViewModelTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    @TempDir
    Path data;
    private QueueViewModel model;
    private kz.qujat.workstation.AppContext app;
    private final List<String> shown = new ArrayList<>();

    @BeforeEach
    void setUp() {
        app = TestContexts.app(data, "http://localhost:9");
        model = new QueueViewModel(TestContexts.officer(app, new StatusModel(app.i18n()), shown));
    }

    private static QueueRow row(String ticket, long minutesAgo, LocalDate expiry, String name) {
        QueueItem item = new QueueItem(UUID.randomUUID(), ticket, "SUBMITTED",
                TestContexts.NOW.minus(Duration.ofMinutes(minutesAgo)), expiry, 0, name, null, "PASS");
        return QueueRow.of(item, TestContexts.NOW, TODAY);
    }

    @Test
    void linesAreShownOldestFirstWithDaysCountedToday() {
        QueueRow young = row("Q-2", 5, TODAY.plusDays(30), "Б");
        QueueRow old = row("Q-1", 600, TODAY.minusDays(10), "А");
        model.show(List.of(young, old));
        assertThat(model.visibleRows()).extracting(QueueRow::ticketNumber).containsExactly("Q-1", "Q-2");
        assertThat(old.daysFromExpiry()).isEqualTo(10);
        assertThat(young.daysFromExpiry()).isEqualTo(-30);
        assertThat(old.waiting()).isEqualTo(Duration.ofHours(10));
    }

    /**
     * An application made yesterday, 10 days after its card's expiry (R3's last day), is counted 11 days after it
     * today; the row keeps intake's count of the application day as well, which the column's tooltip shows.
     */
    @Test
    void aLineThatWaitedOvernightKeepsTheCountOfTheApplicationDay() {
        QueueItem item = new QueueItem(UUID.randomUUID(), "Q-9", "SUBMITTED", TestContexts.NOW.minus(Duration.ofHours(20)),
                TODAY.minusDays(11), 10, "Г", null, "PASS");
        QueueRow row = QueueRow.of(item, TestContexts.NOW, TODAY);
        assertThat(row.daysFromExpiry()).isEqualTo(11);
        assertThat(row.daysFromExpiryAtSubmission()).isEqualTo(10);
        assertThat(row.countedOnAnotherDay()).isTrue();
        QueueRow sameDay = QueueRow.of(new QueueItem(UUID.randomUUID(), "Q-8", "SUBMITTED", TestContexts.NOW,
                TODAY.minusDays(10), 10, "Д", null, "PASS"), TestContexts.NOW, TODAY);
        assertThat(sameDay.countedOnAnotherDay()).isFalse();
        kz.qujat.workstation.I18n ru = new kz.qujat.workstation.I18n(kz.qujat.workstation.I18n.RUSSIAN);
        assertThat(ru.get("queue.expiry.atSubmission",
                kz.qujat.workstation.review.ExpiryText.of(ru, row.daysFromExpiryAtSubmission())))
                .startsWith("На день подачи: 10 дн. назад.");
        // the keyboard's way to it: the selected line's note under the table (the tooltip needs the mouse)
        model.show(List.of(row, sameDay));
        assertThat(model.selectionNoteProperty().get()).isEmpty();
        model.selectedProperty().set(row.id());
        assertThat(model.selectionNoteProperty().get()).isEqualTo(app.i18n().get("queue.expiry.atSubmission",
                kz.qujat.workstation.review.ExpiryText.of(app.i18n(), 10))).contains("10");
        model.selectedProperty().set(sameDay.id());
        assertThat(model.selectionNoteProperty().get()).isEmpty();
        model.selectedProperty().set(row.id());
        model.show(List.of(sameDay));
        assertThat(model.selectionNoteProperty().get()).as("the line is gone from the queue").isEmpty();
    }

    @Test
    void aRefreshKeepsTheSelectionWhileThatApplicationStillWaits() {
        QueueRow a = row("Q-1", 10, TODAY, "Асель");
        QueueRow b = row("Q-2", 5, TODAY, "Берик");
        model.show(List.of(a, b));
        model.selectedProperty().set(b.id());
        QueueRow bAgain = new QueueRow(b.id(), b.ticketNumber(), b.submittedAt(), b.expiryDate(), b.daysFromExpiry(),
                b.daysFromExpiryAtSubmission(), b.waiting().plusMinutes(1), b.applicantName(), null, b.checks());
        model.show(List.of(row("Q-3", 1, TODAY, "Венера"), a, bAgain));
        assertThat(model.selectedProperty().get()).isEqualTo(b.id());

        model.show(List.of(a));
        assertThat(model.selectedProperty().get()).as("taken by someone else").isNull();
    }

    @Test
    void filterSearchesTicketAndNameAndCanKeepOnlyExpiredCards() {
        model.show(List.of(row("Q-0000001-8", 30, TODAY.minusDays(3), "Кенжебаева Сауле"),
                row("Q-0000002-6", 20, TODAY.plusDays(5), "Ермеков Нурлан")));
        model.filterProperty().set("ермеков");
        assertThat(model.visibleRows()).extracting(QueueRow::ticketNumber).containsExactly("Q-0000002-6");
        model.filterProperty().set("0001");
        assertThat(model.visibleRows()).extracting(QueueRow::ticketNumber).containsExactly("Q-0000001-8");
        model.filterProperty().set("");
        model.expiredOnlyProperty().set(true);
        assertThat(model.visibleRows()).extracting(QueueRow::ticketNumber).containsExactly("Q-0000001-8");
    }

    @Test
    void anUnreachableServiceGivesAMessageNotAnException() {
        model.refresh();
        assertThat(model.messageProperty().get()).contains("cannot be reached");
        model.takeNext();
        assertThat(shown).isEmpty();
    }
}
