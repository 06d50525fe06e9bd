package kz.qujat.workstation.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Takes the README's pictures from the real window on an X display (not part of {@code verify}: the name is no
 * test's). Start the demo's back end, then, with Xvfb on :110 at 1366×768:
 * <pre>
 *   java -jar target/qujat.jar demo --no-window --data /tmp/shots-demo      # prints "central service: URL"
 *   Xvfb :110 -screen 0 1366x768x24 &amp;
 *   DISPLAY=:110 ./mvnw -B -o test -Dtest=ReadmeScreenshots -Dsurefire.failIfNoSpecifiedTests=false \
 *       -Dqujat.shots.central=URL -Dqujat.shots.dir=$PWD/docs/screenshots
 * </pre>
 * Each picture is the whole X screen ({@code import -window root}, ImageMagick: {@code apt-get install imagemagick}),
 * the window filling it, as a user sees it.
 */
class ReadmeScreenshots {
    static {
        // a real GTK window instead of the build's headless Monocle; must be set before the toolkit starts
        if (System.getProperty("qujat.shots.central") != null && System.getenv("DISPLAY") != null) {
            System.setProperty("testfx.headless", "false");
            System.setProperty("glass.platform", "gtk");
            System.clearProperty("monocle.platform");
        }
    }

    private final String central = System.getProperty("qujat.shots.central");
    private final Path dir = Path.of(System.getProperty("qujat.shots.dir", "docs/screenshots"));

    @Test
    void takeThem(@TempDir Path data, @TempDir Path saves) throws Exception {
        Assumptions.assumeTrue(central != null && System.getenv("DISPLAY") != null,
                "set -Dqujat.shots.central=URL and DISPLAY");
        Files.createDirectories(dir);
        String only = System.getProperty("qujat.shots.only", "officer,supervisor,finance,clerk");
        if (only.contains("officer")) {
            officer(data, saves);
        }
        if (only.contains("supervisor")) {
            supervisor(data, saves);
        }
        if (only.contains("finance")) {
            finance(data, saves);
        }
        if (only.contains("clerk")) {
            clerkAndLogin(data, saves);
        }
    }

    private void officer(Path data, Path saves) throws Exception {
        try (WorkstationDriver ws = new WorkstationDriver(central, data.resolve("officer"), saves, "officer-astana")) {
            fill(ws);
            TableView<?> queue = ws.robot.lookup("#queueTable").queryAs(TableView.class);
            ws.until(() -> queue.getItems().size() > 3);
            shot(ws, "queue.png");
            ws.robot.clickOn("#takeNext");
            ws.until(() -> !ws.text("#reviewTicket").isEmpty() && !ws.robot.lookup("#approve").query().isDisabled());
            shot(ws, "review.png");
            ws.robot.clickOn("#templateToggle");
            ws.robot.clickOn("#histogramToggle");
            ws.robot.interact(() -> ws.robot.lookup("#checks").queryAs(TableView.class).getSelectionModel().select(1));
            shot(ws, "review-tools.png");
            ws.robot.clickOn("#templateToggle");
            ws.robot.clickOn("#histogramToggle");
            ws.robot.clickOn("#markPoints");
            ws.until(() -> ws.robot.lookup("#markingHint").query().isVisible());
            ws.robot.clickOn("#photo");
            shot(ws, "review-manual-points.png");
            ws.robot.type(KeyCode.ESCAPE);   // ends the marking (the hint goes)
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            if (ws.robot.lookup("#markingHint").query().isVisible()) {
                ws.robot.clickOn("#markPoints");
            }
            reveal(ws, "#compareToggle");
            ws.robot.clickOn("#compareToggle");
            shot(ws, "signature-compare.png");
            ws.robot.clickOn("#compareToggle");
            reveal(ws, "#markPoints");
            ws.robot.clickOn("#checks").type(KeyCode.A);
            ws.until(() -> ws.robot.lookup("#signPanel").query().isVisible());
            shot(ws, "approve.png");
            ws.robot.type(KeyCode.ESCAPE);
            ws.until(() -> !ws.robot.lookup("#signPanel").query().isVisible());
            ws.robot.clickOn("#release");
            ws.until(() -> ws.robot.lookup("#queueTable").query().isVisible());
            // the demo's same-person examples with real faces come first in the queue (when it found the face set):
            // the same sitter neutral and smiling, then another sitter than the register's
            samePerson(ws, queue, "099", "review-same-person-same.png");
            samePerson(ws, queue, "091", "review-same-person-different.png");
        }
    }

    /** Opens the queue's application whose photo is the sample sitter {@code sitter} and shows its same-person aid. */
    @SuppressWarnings("unchecked")
    private void samePerson(WorkstationDriver ws, TableView<?> queue, String sitter, String name) throws Exception {
        TableView<kz.qujat.workstation.queue.QueueRow> rows = (TableView<kz.qujat.workstation.queue.QueueRow>) queue;
        int index = java.util.List.of("099", "091").indexOf(sitter);
        ws.until(() -> rows.getItems().size() > index);
        ws.robot.interact(() -> rows.getSelectionModel().select(index));
        ws.robot.clickOn("#takeSelected");
        ws.until(() -> !ws.text("#reviewTicket").isEmpty() && !ws.robot.lookup("#approve").query().isDisabled());
        ws.until(() -> ws.robot.lookup("#samePerson").query().isVisible());
        reveal(ws, "#samePerson");
        shot(ws, name);
        ws.robot.clickOn("#release");
        ws.until(() -> ws.robot.lookup("#queueTable").query().isVisible());
    }

    private void supervisor(Path data, Path saves) throws Exception {
        try (WorkstationDriver ws = new WorkstationDriver(central, data.resolve("supervisor"), saves, "supervisor")) {
            fill(ws);
            TableView<?> log = ws.robot.lookup("#annulmentTable").queryAs(TableView.class);
            ws.until(() -> !log.getItems().isEmpty());
            ws.robot.interact(() -> log.getSelectionModel().select(0));
            shot(ws, "supervisor.png");
            // the same-person column, scrolled into view, on the demo's annulled example (another sitter)
            javafx.scene.control.TableColumn<?, ?> same = log.getColumns().stream()
                    .filter(c -> "samePersonColumn".equals(c.getId())).findFirst().orElseThrow();
            @SuppressWarnings("unchecked")
            TableView<kz.qujat.api.Annulment> annulments = (TableView<kz.qujat.api.Annulment>) log;
            ws.robot.interact(() -> {
                for (int i = 0; i < annulments.getItems().size(); i++) {
                    var sp = annulments.getItems().get(i).samePerson();
                    if (sp != null && "DIFFERENT".equals(sp.verdict())) {
                        annulments.getSelectionModel().select(i);
                        annulments.scrollTo(i);
                    }
                }
                annulments.scrollToColumn((javafx.scene.control.TableColumn) same);
            });
            shot(ws, "supervisor-same-person.png");
        }
    }

    private void finance(Path data, Path saves) throws Exception {
        try (WorkstationDriver ws = new WorkstationDriver(central, data.resolve("finance"), saves, "finance")) {
            fill(ws);
            TableView<?> refunds = ws.robot.lookup("#refundTable").queryAs(TableView.class);
            ws.until(() -> !refunds.getItems().isEmpty());
            shot(ws, "finance.png");
        }
    }

    private void clerkAndLogin(Path data, Path saves) throws Exception {
        try (WorkstationDriver ws = new WorkstationDriver(central, data.resolve("clerk"), saves, "clerk-astana")) {
            fill(ws);
            TableView<?> ready = ws.robot.lookup("#readyTable").queryAs(TableView.class);
            ws.until(() -> !ready.getItems().isEmpty());
            ws.robot.interact(() -> ready.getSelectionModel().select(0));
            ws.robot.doubleClickOn(".table-row-cell");
            ws.until(() -> ws.robot.lookup("#handoverCard").query().isVisible());
            shot(ws, "clerk-astana.png");
            ws.robot.clickOn("#logOut");
            ws.until(() -> ws.robot.lookup("#password").tryQuery().isPresent());
            ws.robot.clickOn("#password").write(kz.qujat.testsupport.DevIdentities.PASSWORD);
            ws.robot.clickOn("#showCertificate");
            ws.until(() -> ws.robot.lookup("#certificateCard").query().isVisible());
            shot(ws, "login.png");
            ws.robot.clickOn("#methodToken");
            shot(ws, "login-token.png");
            ws.robot.clickOn("#methodFile");
        }
    }

    /** Scrolls the review's image tools so that the node is in view (150 px below the top), as an officer would. */
    private static void reveal(WorkstationDriver ws, String query) {
        javafx.scene.Node node = ws.robot.lookup(query).query();
        ws.robot.interact(() -> {
            javafx.scene.control.ScrollPane host = ws.robot.lookup("#toolsHost").queryAs(javafx.scene.control.ScrollPane.class);
            double content = host.getContent().getBoundsInLocal().getHeight();
            double view = host.getViewportBounds().getHeight();
            double y = host.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
            if (content > view) {
                host.setVvalue(Math.min(1, Math.max(0, (y - 150) / (content - view))));
            }
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    /** The window fills the screen, as an officer's would. */
    private static void fill(WorkstationDriver ws) throws Exception {
        Stage stage = (Stage) ws.robot.lookup("#language").query().getScene().getWindow();
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
        ws.robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
        });
    }

    private void shot(WorkstationDriver ws, String name) throws Exception {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        // images decode and checks run in the background: give the window a moment to show them
        Thread.sleep(1500);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        Process p = new ProcessBuilder("import", "-window", "root", dir.resolve(name).toString())
                .inheritIO().start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("import failed for " + name);
        }
    }
}
