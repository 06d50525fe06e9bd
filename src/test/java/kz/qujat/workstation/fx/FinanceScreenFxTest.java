package kz.qujat.workstation.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import kz.qujat.api.IntakeResponse;
import kz.qujat.api.Refund;
import kz.qujat.client.FinanceApi;
import kz.qujat.domain.Region;
import kz.qujat.domain.RefundStatus;
import kz.qujat.testsupport.TestCentral;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The finance department's main path in the real window (R10): log in with finance.p12, see the refunds owed,
 * record one paid with its payment order, export the rest for the tax authority. With
 * {@code -Dqujat.screenshots=DIR} the screen is saved as a picture for the README.
 */
class FinanceScreenFxTest {

    @Test
    void financeRecordsARefundPaidAndExportsTheRest(@TempDir Path data, @TempDir Path saves) throws Exception {
        try (TestCentral central = new TestCentral()) {
            IntakeResponse photo = central.decided("officer-astana", Region.ASTANA, null, "ANNUL", "PHOTO", null);
            IntakeResponse almaty = central.decided("officer-almaty", Region.ALMATY, null, "ANNUL", "SIGNATURE", null);
            try (WorkstationDriver ws = new WorkstationDriver(central.url(), data, saves, "finance")) {
                TableView<?> table = ws.robot.lookup("#refundTable").queryAs(TableView.class);
                ws.until(() -> table.getItems().size() == 2);
                assertThat(ws.text("#refundTotal")).contains("2");
                assertThat(ws.robot.lookup("#payRefund").query().isDisabled()).isTrue();

                ws.robot.clickOn(photo.ticketNumber());
                ws.robot.clickOn("#paymentReference").write("PP-2026-000777");
                ws.until(() -> !ws.robot.lookup("#payRefund").query().isDisabled());
                screenshot(ws, "finance.png");
                ws.robot.clickOn("#payRefund");
                ws.until(() -> table.getItems().size() == 1
                        && ((Refund) table.getItems().get(0)).ticketNumber().equals(almaty.ticketNumber()));
                assertThat(ws.text("#refundMessage")).contains(photo.ticketNumber(), "PP-2026-000777");
                Refund paid = new FinanceApi(central.login("finance")).refunds(RefundStatus.REFUNDED).get(0);
                assertThat(paid.ticketNumber()).isEqualTo(photo.ticketNumber());
                assertThat(paid.payment().recordedBy()).isEqualTo("830119390095");

                ws.robot.clickOn("#exportRefunds");
                ws.until(() -> csv(saves).size() == 1 && Files.size(csv(saves).get(0)) > 0);
                String text = Files.readString(csv(saves).get(0), StandardCharsets.UTF_8);
                assertThat(text).contains(almaty.ticketNumber()).doesNotContain(photo.ticketNumber());
            }
        }
    }

    private static List<Path> csv(Path dir) throws java.io.IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".csv")).toList();
        }
    }

    /** Saves the window as a PNG when a folder is named (for the README), with JavaFX's own snapshot. */
    private static void screenshot(WorkstationDriver ws, String name) throws Exception {
        String dir = System.getProperty("qujat.screenshots");
        if (dir == null) {
            return;
        }
        WritableImage[] image = new WritableImage[1];
        ws.robot.interact(() -> image[0] = ws.robot.listWindows().get(0).getScene().snapshot(null));
        BufferedImage out = new BufferedImage((int) image[0].getWidth(), (int) image[0].getHeight(),
                BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, image[0].getPixelReader().getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", Files.createDirectories(Path.of(dir)).resolve(name).toFile());
    }
}
