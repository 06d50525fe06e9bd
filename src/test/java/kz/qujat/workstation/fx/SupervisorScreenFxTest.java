package kz.qujat.workstation.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TableView;
import kz.qujat.api.Annulment;
import kz.qujat.api.IntakeResponse;
import kz.qujat.client.AnnulmentFilter;
import kz.qujat.client.SupervisorApi;
import kz.qujat.domain.Region;
import kz.qujat.testsupport.TestCentral;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor's main path in the real window: log in, filter the annulment log, review, export CSV. */
class SupervisorScreenFxTest {

    @Test
    void theSupervisorFiltersReviewsAndExports(@TempDir Path data, @TempDir Path saves) throws Exception {
        try (TestCentral central = new TestCentral()) {
            IntakeResponse photo = central.decided("officer-astana", Region.ASTANA, null, "ANNUL", "PHOTO", null);
            central.decided("officer-astana", Region.ASTANA, null, "APPROVE", null, null);
            IntakeResponse almaty = central.decided("officer-almaty", Region.ALMATY, null, "ANNUL", "SIGNATURE",
                    "подпись не читается");
            try (WorkstationDriver ws = new WorkstationDriver(central.url(), data, saves, "supervisor")) {
                ws.until(() -> ws.robot.lookup("#annulmentTable").tryQuery().isPresent());
                TableView<?> table = ws.robot.lookup("#annulmentTable").queryAs(TableView.class);
                ws.until(() -> table.getItems().size() == 2);

                // fixed colours per reason: the bars and our legend carry the reason's colour
                @SuppressWarnings("unchecked")
                javafx.scene.chart.XYChart<String, Number> chart = ws.robot.lookup("#reasonChart")
                        .queryAs(javafx.scene.chart.XYChart.class);
                ws.until(() -> chart.getData().size() == 3 && chart.getData().get(0).getData().get(0).getNode() != null);
                for (int i = 0; i < 3; i++) {
                    kz.qujat.domain.AnnulmentReason reason = kz.qujat.workstation.annulments.AnnulmentsViewModel
                            .REASONS.get(i);
                    String colour = kz.qujat.workstation.annulments.ReasonColors.of(reason);
                    assertThat(chart.getData().get(i).getName())
                            .isEqualTo(ws.app.i18n().get("review.annul.reason." + reason));
                    assertThat(chart.getData().get(i).getData()).allSatisfy(d ->
                            assertThat(d.getNode().getStyle()).contains(colour));
                    javafx.scene.control.Label legend = ws.robot.lookup("#legend-" + reason)
                            .queryAs(javafx.scene.control.Label.class);
                    assertThat(legend.getText()).isEqualTo(ws.app.i18n().get("annulments.reason.short." + reason));
                    assertThat(legend.getGraphic().getStyle()).contains(colour);
                    // the chart by officer never borrows a reason's colour
                    javafx.scene.chart.XYChart<?, ?> officers = ws.robot.lookup("#officerChart")
                            .queryAs(javafx.scene.chart.XYChart.class);
                    for (javafx.scene.Node bar : officers.lookupAll(".chart-bar")) {
                        assertThat(((javafx.scene.layout.Region) bar).getBackground().getFills())
                                .noneMatch(f -> f.getFill().equals(javafx.scene.paint.Color.web(colour)));
                    }
                }

                // a thumbnail enlarges on a click, and by P / S on the selected row; Esc closes it
                ws.until(() -> firstPhoto(ws) != null);
                javafx.scene.image.ImageView thumb = firstPhoto(ws);
                ws.robot.clickOn(thumb);
                ws.until(() -> ws.robot.lookup("#enlargedImage").tryQuery().isPresent());
                javafx.scene.image.ImageView big = ws.robot.lookup("#enlargedImage")
                        .queryAs(javafx.scene.image.ImageView.class);
                assertThat(big.getBoundsInParent().getWidth()).isGreaterThan(thumb.getBoundsInParent().getWidth() * 3);
                // the dialog's button speaks the user's language, not the JVM's
                assertThat(ws.robot.lookup("#enlargedDialog .button").queryAs(javafx.scene.control.Button.class)
                        .getText()).isEqualTo(ws.app.i18n().get("common.close"));
                ws.robot.type(javafx.scene.input.KeyCode.ESCAPE);
                ws.until(() -> ws.robot.lookup("#enlargedImage").tryQuery().isEmpty());
                for (javafx.scene.input.KeyCode key : List.of(javafx.scene.input.KeyCode.P,
                        javafx.scene.input.KeyCode.S)) {
                    ws.robot.interact(() -> {
                        table.requestFocus();
                        table.getSelectionModel().select(0);
                    });
                    ws.robot.type(key);
                    ws.until(() -> ws.robot.lookup("#enlargedImage").tryQuery().isPresent());
                    String title = ((javafx.stage.Stage) ws.robot.lookup("#enlargedImage").query().getScene()
                            .getWindow()).getTitle();
                    String expected = ws.app.i18n().get(key == javafx.scene.input.KeyCode.P
                            ? "annulments.enlarge.photo" : "annulments.enlarge.signature",
                            ((Annulment) table.getItems().get(0)).ticketNumber());
                    assertThat(title).isEqualTo(expected);
                    ws.robot.type(javafx.scene.input.KeyCode.ESCAPE);
                    ws.until(() -> ws.robot.lookup("#enlargedImage").tryQuery().isEmpty());
                }

                ws.choose("#regionBox", ws.app.i18n().regionName("ALMATY"));
                ws.robot.clickOn("#applyButton");
                ws.until(() -> table.getItems().size() == 1
                        && ((Annulment) table.getItems().get(0)).ticketNumber().equals(almaty.ticketNumber()));

                ws.choose("#regionBox", ws.app.i18n().get("annulments.filter.allRegions"));
                ws.choose("#reasonBox", ws.app.i18n().get("review.annul.reason.PHOTO"));
                ws.robot.clickOn("#applyButton");
                ws.until(() -> table.getItems().size() == 1
                        && ((Annulment) table.getItems().get(0)).ticketNumber().equals(photo.ticketNumber()));
                assertThat(ws.robot.lookup("#reasonChart").tryQuery()).isPresent();

                ws.until(() -> ws.robot.lookup(photo.ticketNumber()).tryQuery().isPresent());
                ws.robot.clickOn(photo.ticketNumber());
                assertThat(ws.robot.lookup("#reviewButton").query().isDisabled()).isTrue();
                ws.robot.clickOn("#disagreeRadio");
                assertThat(ws.robot.lookup("#reviewButton").query().isDisabled()).as("comment required").isTrue();
                ws.robot.clickOn("#reviewComment").write("Фото соответствует требованиям");
                ws.robot.clickOn("#reviewButton");
                SupervisorApi api = new SupervisorApi(central.login("supervisor"));
                ws.until(() -> api.annulments(AnnulmentFilter.NONE).stream()
                        .anyMatch(a -> a.ticketNumber().equals(photo.ticketNumber()) && a.review() != null));
                Annulment reviewed = api.annulments(AnnulmentFilter.NONE).stream()
                        .filter(a -> a.ticketNumber().equals(photo.ticketNumber())).findFirst().orElseThrow();
                assertThat(reviewed.review().verdict()).isEqualTo("DISAGREE");
                assertThat(reviewed.review().comment()).isEqualTo("Фото соответствует требованиям");

                ws.robot.clickOn("#exportButton");
                ws.until(() -> exported(saves).size() == 1 && Files.size(exported(saves).get(0)) > 0
                        && ws.text("#annulmentsMessage").contains(exported(saves).get(0).getFileName().toString()));
                byte[] bytes = Files.readAllBytes(exported(saves).get(0));
                assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
                String[] lines = new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n");
                assertThat(lines).hasSize(2);
                assertThat(lines[0]).startsWith(ws.app.i18n().get("annulments.col.ticket") + ";");
                assertThat(lines[1]).startsWith(photo.ticketNumber() + ";").contains(
                        ws.app.i18n().get("annulments.verdict.DISAGREE"), "Фото соответствует требованиям")
                        .doesNotContain(almaty.ticketNumber());
            }
        }
    }

    /** The photo thumbnail of the table's first row, once loaded (null before). */
    private static javafx.scene.image.ImageView firstPhoto(WorkstationDriver ws) {
        return ws.robot.lookup(".table-row-cell").queryAll().stream()
                .map(n -> (javafx.scene.control.TableRow<?>) n)
                .filter(r -> r.getIndex() == 0 && r.getItem() != null && r.isVisible())
                .flatMap(r -> r.lookupAll(".image-view").stream())
                .map(n -> (javafx.scene.image.ImageView) n).filter(v -> v.getImage() != null)
                .findFirst().orElse(null);
    }

    private static List<Path> exported(Path dir) throws java.io.IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".csv")).toList();
        }
    }
}
