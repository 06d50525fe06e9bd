package kz.qujat.workstation.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import kz.qujat.api.IntakeResponse;
import kz.qujat.domain.Region;
import kz.qujat.inspect.YuNetFaceFinder;
import kz.qujat.testsupport.TestCentral;
import kz.qujat.workstation.TestPhotos;
import org.testfx.api.FxToolkit;

/**
 * Run by {@link ReceiptRealWindowTest} in its own JVM on an Xvfb display: the clerk's whole receipt path in a real
 * GTK window, in a process that has also run the photo checks (OpenCV) as a working day does. Prints
 * {@value #SURVIVED} and exits 0 only when the window still answers after the receipt was saved and opened.
 */
public final class ReceiptWindowProbe {
    static final String SURVIVED = "receipt path survived";

    private ReceiptWindowProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createDirectories(Path.of(args[0], "data"));
        Path saves = Files.createDirectories(Path.of(args[0], "saves"));
        // as in the demo: the toolkit (GTK 3) first, then OpenCV and ONNX Runtime for the intake and the photo checks
        FxToolkit.registerPrimaryStage();
        new YuNetFaceFinder();
        try (TestCentral central = new TestCentral()) {
            IntakeResponse ready = central.ready(Region.ASTANA, "ASTANA-01");
            try (WorkstationDriver ws = new WorkstationDriver(central.url(), data, saves, "clerk-astana")) {
                // the officer's photo checks in this same process, as on a workstation used for a whole day
                ws.app.photoInspectors().inspect(TestPhotos.facelessJpeg());

                ws.robot.clickOn("#ticketField").write(ready.ticketNumber()).type(KeyCode.ENTER);
                ws.until(() -> ready.ticketNumber().equals(ws.text("#ticketValue")));
                ws.robot.clickOn("#identityChecked").clickOn("#oldCardSurrendered").clickOn("#handOverButton");
                ws.until(() -> !ws.robot.lookup("#receiptButton").query().isDisabled());
                ws.robot.clickOn("#receiptButton");
                Path receipt = saves.resolve("receipt-" + ready.ticketNumber() + ".pdf");
                ws.until(() -> Files.isRegularFile(receipt)
                        && ws.text("#handoverMessage").contains(receipt.getFileName().toString()));
                // the receipt is handed to the system's viewer; then the window must still work
                Thread.sleep(3000);
                String alreadyIssued = ws.app.i18n().get("handover.alreadyIssued");
                ws.robot.clickOn("#ticketField").type(KeyCode.ENTER);
                ws.until(() -> alreadyIssued.equals(ws.text("#handoverMessage")));
            }
        }
        String maps = Files.readString(Path.of("/proc/self/maps"));
        if (maps.contains("libgtk-x11-2.0") || maps.contains("libopencv_highgui")) {
            System.out.println("GTK 2 or OpenCV highgui is mapped into the workstation process");
            System.exit(2);
        }
        System.out.println(SURVIVED);
        System.exit(0);
    }
}
