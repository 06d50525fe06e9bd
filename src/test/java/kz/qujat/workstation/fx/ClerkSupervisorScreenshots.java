package kz.qujat.workstation.fx;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import kz.qujat.api.IntakeResponse;
import kz.qujat.domain.Region;
import kz.qujat.testsupport.TestCentral;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.testfx.api.FxToolkit;

/**
 * Takes the README's pictures of the clerk's desk, the handover receipt and the supervisor's annulment log in a
 * real window: run with the test class path on an X display ({@code DISPLAY=:N}, e.g. Xvfb 1440x900) and an
 * output folder; the screen is grabbed with ImageMagick's {@code import -window root}, the receipt's PDF page is
 * rendered by PDFBox. Not a test: a tool for the documentation.
 */
public final class ClerkSupervisorScreenshots {

    private ClerkSupervisorScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args[0]));
        Path work = Files.createTempDirectory("qujat-shots");
        FxToolkit.registerPrimaryStage();
        try (TestCentral central = new TestCentral()) {
            IntakeResponse first = central.ready(Region.ASTANA, "ASTANA-01");
            central.ready(Region.ASTANA, "ASTANA-01");
            central.ready(Region.ASTANA, "ASTANA-01");
            IntakeResponse elsewhere = central.ready(Region.ASTANA, "ASTANA-02");
            central.decided("officer-astana", Region.ASTANA, null, "ANNUL", "PHOTO", "лицо в тени");
            central.decided("officer-astana", Region.ASTANA, null, "ANNUL", "SIGNATURE", null);
            central.decided("officer-astana", Region.ASTANA, null, "ANNUL", "FURTHER_VERIFICATION",
                    "данные не совпадают с реестром");
            central.decided("officer-almaty", Region.ALMATY, null, "ANNUL", "PHOTO", null);
            central.decided("officer-almaty", Region.ALMATY, null, "ANNUL", "PHOTO", "очки с бликами");
            central.decided("officer-almaty", Region.ALMATY, null, "APPROVE", null, null);

            try (WorkstationDriver ws = new WorkstationDriver(central.url(), Files.createDirectories(work.resolve("c")),
                    Files.createDirectories(work.resolve("cs")), "clerk-astana")) {
                ws.until(() -> ws.robot.lookup("#readyTable").queryAs(TableView.class).getItems().size() == 3);
                ws.robot.clickOn("#ticketField").write(elsewhere.ticketNumber()).type(KeyCode.ENTER);
                ws.until(() -> ws.text("#handoverMessage").contains("ASTANA-02"));
                grab(out.resolve("clerk-other-point.png"));
                ws.robot.doubleClickOn("#ticketField").eraseText(elsewhere.ticketNumber().length() + 2)
                        .write(first.ticketNumber()).type(KeyCode.ENTER);
                ImageView photo = ws.robot.lookup("#applicantPhoto").queryAs(ImageView.class);
                ws.until(() -> photo.getImage() != null && first.ticketNumber().equals(ws.text("#ticketValue")));
                ws.robot.clickOn("#identityChecked");
                grab(out.resolve("clerk-astana.png"));
                ws.robot.clickOn("#oldCardSurrendered").clickOn("#handOverButton");
                ws.until(() -> !ws.robot.lookup("#receiptButton").query().isDisabled());
                ws.robot.clickOn("#receiptButton");
                Path receipt = work.resolve("cs").resolve("receipt-" + first.ticketNumber() + ".pdf");
                ws.until(() -> Files.isRegularFile(receipt) && Files.size(receipt) > 0
                        && ws.text("#handoverMessage").contains(receipt.getFileName().toString()));
                try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(receipt))) {
                    BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 110);
                    ImageIO.write(page, "png", out.resolve("receipt.png").toFile());
                }
            }
            try (WorkstationDriver ws = new WorkstationDriver(central.url(), Files.createDirectories(work.resolve("s")),
                    Files.createDirectories(work.resolve("ss")), "supervisor")) {
                TableView<?> table = ws.robot.lookup("#annulmentTable").queryAs(TableView.class);
                ws.until(() -> table.getItems().size() == 5);
                ws.until(() -> ws.robot.lookup(".table-row-cell .image-view").queryAll().stream()
                        .filter(n -> ((ImageView) n).getImage() != null).count() >= 10);
                ws.robot.interact(() -> table.getSelectionModel().select(0));
                grab(out.resolve("supervisor.png"));
                ImageView thumb = ws.robot.lookup(".table-row-cell .image-view").queryAll().stream()
                        .map(n -> (ImageView) n).filter(v -> v.getImage() != null).findFirst().orElseThrow();
                ws.robot.clickOn(thumb);
                ws.until(() -> ws.robot.lookup("#enlargedImage").tryQuery().isPresent());
                grab(out.resolve("supervisor-enlarged.png"));
                ws.robot.type(KeyCode.ESCAPE);
            }
        }
        System.exit(0);
    }

    /** The whole X screen as ImageMagick sees it, after the window had a moment to paint. */
    private static void grab(Path png) throws Exception {
        Thread.sleep(1500);
        Process p = new ProcessBuilder(List.of("import", "-window", "root", png.toString())).inheritIO().start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("import failed for " + png);
        }
    }
}
