package kz.qujat.workstation.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import kz.qujat.api.IntakeResponse;
import kz.qujat.client.StaffClient;
import kz.qujat.domain.Region;
import kz.qujat.testsupport.TestCentral;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clerk's main path in the real window: log in, look up a ready ticket, confirm both, hand over. */
class ClerkScreenFxTest {

    @Test
    void theClerkHandsOverAReadyDocumentAndIsToldAboutAnotherPoint(@TempDir Path data, @TempDir Path saves)
            throws Exception {
        try (TestCentral central = new TestCentral()) {
            IntakeResponse ready = central.ready(Region.ASTANA, "ASTANA-01");
            IntakeResponse elsewhere = central.ready(Region.ASTANA, "ASTANA-02");
            try (WorkstationDriver ws = new WorkstationDriver(central.url(), data, saves, "clerk-astana")) {
                ws.until(() -> ws.robot.lookup("#readyTable").tryQuery().isPresent());
                TableView<?> list = ws.robot.lookup("#readyTable").queryAs(TableView.class);
                ws.until(() -> list.getItems().size() == 1);

                // Enter on a row of the ready list opens it
                ws.robot.interact(() -> {
                    list.requestFocus();
                    list.getSelectionModel().select(0);
                });
                ws.robot.type(KeyCode.ENTER);
                ws.until(() -> ready.ticketNumber().equals(ws.text("#ticketValue")));
                ws.robot.interact(() -> ws.robot.lookup("#ticketField").queryAs(javafx.scene.control.TextField.class)
                        .clear());

                // a scanner types the ticket number and ends it with Enter
                ws.robot.clickOn("#ticketField").write(ready.ticketNumber()).type(KeyCode.ENTER);
                ws.until(() -> ready.ticketNumber().equals(ws.text("#ticketValue")));
                // the old card's number is shown, and the confirmation names it
                String oldCard = central.login("officer-astana").detail(ready.applicationId()).form()
                        .get("currentDocument").get("number").asText();
                assertThat(ws.text("#oldCardValue")).isEqualTo(oldCard);
                assertThat(ws.robot.lookup("#oldCardSurrendered").queryAs(javafx.scene.control.CheckBox.class)
                        .getText()).isEqualTo(ws.app.i18n().get("handover.confirm.oldCardNumber", oldCard));
                ImageView photo = ws.robot.lookup("#applicantPhoto").queryAs(ImageView.class);
                ws.until(() -> photo.getImage() != null);
                assertThat(ws.robot.lookup("#handOverButton").query().isDisabled()).isTrue();
                ws.robot.clickOn("#identityChecked");
                assertThat(ws.robot.lookup("#handOverButton").query().isDisabled()).isTrue();
                ws.robot.clickOn("#oldCardSurrendered");
                assertThat(ws.robot.lookup("#handOverButton").query().isDisabled()).isFalse();
                ws.robot.clickOn("#handOverButton");

                StaffClient officer = central.login("officer-astana");
                ws.until(() -> "ISSUED".equals(officer.detail(ready.applicationId()).status()));
                ws.until(() -> list.getItems().isEmpty() && !ws.robot.lookup("#receiptButton").query().isDisabled());
                // the next scan goes straight into the ticket field, replacing the last number
                ws.until(() -> ws.robot.lookup("#ticketField").query().isFocused());
                assertThat(ws.robot.lookup("#ticketField").queryAs(javafx.scene.control.TextField.class)
                        .getSelectedText()).isEqualTo(ready.ticketNumber());

                ws.robot.clickOn("#receiptButton");
                Path receipt = saves.resolve("receipt-" + ready.ticketNumber() + ".pdf");
                ws.until(() -> Files.isRegularFile(receipt)
                        && ws.text("#handoverMessage").contains(receipt.getFileName().toString()));
                assertThat(Files.readAllBytes(receipt)).startsWith('%', 'P', 'D', 'F');

                ws.robot.doubleClickOn("#ticketField").eraseText(ready.ticketNumber().length() + 2)
                        .write(elsewhere.ticketNumber()).type(KeyCode.ENTER);
                // the refusal names the point that holds the document, with its address
                String otherPoint = ws.app.i18n().get("handover.error.otherPointNamed", "ASTANA-02",
                        "Отдел документирования №2, г. Астана", "г. Астана, ул. Кенесары, 71");
                ws.until(() -> otherPoint.equals(ws.text("#handoverMessage")));
                assertThat(ws.robot.lookup("#handoverCard").query().isVisible()).isFalse();
                assertThat(officer.detail(elsewhere.applicationId()).status()).isEqualTo("READY_FOR_PICKUP");
            }
        }
    }
}
