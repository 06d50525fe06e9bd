package kz.qujat.workstation.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kz.qujat.api.HandoverInfo;
import kz.qujat.api.IntakeResponse;
import kz.qujat.client.ClerkApi;
import kz.qujat.domain.Region;
import kz.qujat.testsupport.TestCentral;
import kz.qujat.workstation.BackgroundTask;
import kz.qujat.workstation.I18n;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clerk's desk logic against a real central service, with the work run inline. */
class HandoverViewModelTest {
    private static TestCentral central;
    private static ClerkApi clerk;
    private final I18n i18n = new I18n(I18n.ENGLISH);
    private final List<Exception> failures = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        central = new TestCentral();
        clerk = new ClerkApi(central.login("clerk-astana"));
    }

    @AfterAll
    static void stop() {
        central.close();
    }

    private HandoverViewModel model(ClerkApi api) {
        return new HandoverViewModel(api, BackgroundTask.sameThread(), i18n, e -> {
            failures.add(e);
            return kz.qujat.workstation.Phrase.literal("general failure");
        }, "ИСМАИЛОВА ДИНАРА");
    }

    @Test
    void aReadyTicketIsFoundWithThePhotoAndHandedOverOnlyWithBothConfirmations(@TempDir Path dir) throws Exception {
        IntakeResponse ready = central.ready(Region.ASTANA, "ASTANA-01");
        HandoverViewModel m = model(clerk);
        m.refreshReady();
        assertThat(m.ready()).extracting(HandoverInfo::ticketNumber).contains(ready.ticketNumber());

        m.ticketTextProperty().set("  " + ready.ticketNumber().toLowerCase() + " ");
        m.lookUp();
        assertThat(m.currentProperty().get().ticketNumber()).isEqualTo(ready.ticketNumber());
        assertThat(m.ticketTextProperty().get()).isEqualTo(ready.ticketNumber());
        assertThat(m.photoProperty().get()).isNotEmpty();
        assertThat(m.messageIsErrorProperty().get()).isFalse();
        String oldCard = m.currentProperty().get().oldDocumentNumber();
        assertThat(oldCard).as("the old card's number to check against the surrendered card").matches("[0-9]{9}");
        assertThat(m.canHandOverProperty().get()).isFalse();
        m.identityCheckedProperty().set(true);
        assertThat(m.canHandOverProperty().get()).isFalse();
        m.oldCardSurrenderedProperty().set(true);
        assertThat(m.canHandOverProperty().get()).isTrue();
        assertThat(m.canPrintProperty().get()).isFalse();

        m.handOver();
        assertThat(m.currentProperty().get().status()).isEqualTo("ISSUED");
        assertThat(m.canHandOverProperty().get()).isFalse();
        assertThat(m.canPrintProperty().get()).isTrue();
        assertThat(m.messageProperty().get()).contains(ready.ticketNumber());
        assertThat(m.ready()).extracting(HandoverInfo::ticketNumber).doesNotContain(ready.ticketNumber());

        Path pdf = dir.resolve("receipt.pdf");
        boolean[] opened = {false};
        m.saveReceipt(pdf, () -> opened[0] = true);
        assertThat(opened[0]).isTrue();
        try (var doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            // the screen is in English; the receipt is in Kazakh and Russian all the same
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(ready.ticketNumber(), "ИСМАИЛОВА ДИНАРА", oldCard,
                    I18n.texts(I18n.KAZAKH).apply("handover.receipt.title"),
                    I18n.texts(I18n.RUSSIAN).apply("handover.receipt.title"),
                    I18n.texts(I18n.KAZAKH).apply("handover.receipt.oldCard"),
                    I18n.texts(I18n.RUSSIAN).apply("handover.receipt.oldCard"),
                    "Отдел документирования №1, г. Астана", "№1 құжаттандыру бөлімі, Астана қ.", "иә / да");
            assertThat(text).doesNotContain(i18n.get("handover.receipt.title"), "жоқ");
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void refusalsAreToldInTheClerksOwnWords() throws Exception {
        IntakeResponse elsewhere = central.ready(Region.ASTANA, "ASTANA-02");
        IntakeResponse notReady = central.decided("officer-astana", Region.ASTANA, "ASTANA-01", "APPROVE", null, null);
        HandoverViewModel m = model(clerk);

        m.ticketTextProperty().set(elsewhere.ticketNumber());
        m.lookUp();
        // the refusal names the point that holds the document and where it is
        assertThat(m.messageProperty().get()).isEqualTo(i18n.get("handover.error.otherPointNamed", "ASTANA-02",
                "Отдел документирования №2, г. Астана", "г. Астана, ул. Кенесары, 71"));
        assertThat(m.messageIsErrorProperty().get()).isTrue();
        assertThat(m.currentProperty().get()).isNull();

        m.ticketTextProperty().set(notReady.ticketNumber());
        m.lookUp();
        assertThat(m.messageProperty().get()).isEqualTo(i18n.get("handover.error.notReady"));

        m.ticketTextProperty().set("Q-9999999-9");
        m.lookUp();
        assertThat(m.messageProperty().get()).isEqualTo(i18n.get("handover.error.unknownTicket"));

        m.ticketTextProperty().set("drop table");
        m.lookUp();
        assertThat(m.messageProperty().get()).isEqualTo(i18n.get("handover.error.badTicket"));
        assertThat(failures).isEmpty();
    }

    @Test
    void anUnreachableServiceGoesToTheShellsMessages() throws Exception {
        HandoverViewModel m = model(new ClerkApi(new kz.qujat.client.StaffClient("http://127.0.0.1:9")));
        m.ticketTextProperty().set("Q-0000001-8");
        m.lookUp();
        assertThat(failures).hasSize(1);
        assertThat(m.messageProperty().get()).isEqualTo("general failure");
        assertThat(m.busyProperty().get()).isFalse();
    }
}
