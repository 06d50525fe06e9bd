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
import kz.qujat.testsupport.LiveCentral;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor's main path in the real window: log in, filter the annulment log, review, export CSV. */
class SupervisorScreenFxTest {

    @Test
    void theSupervisorFiltersReviewsAndExports(@TempDir Path data, @TempDir Path saves) throws Exception {
        try (LiveCentral central = new LiveCentral()) {
            IntakeResponse photo = central.decided("officer-astana", Region.ASTANA, null, "ANNUL", "PHOTO", null);
            central.decided("officer-astana", Region.ASTANA, null, "APPROVE", null, null);
            IntakeResponse almaty = central.decided("officer-almaty", Region.ALMATY, null, "ANNUL", "SIGNATURE",
                    "подпись не читается");
            try (WorkstationDriver ws = new WorkstationDriver(central.url(), data, saves, "supervisor")) {
                ws.until(() -> ws.robot.lookup("#annulmentTable").tryQuery().isPresent());
                TableView<?> table = ws.robot.lookup("#annulmentTable").queryAs(TableView.class);
                ws.until(() -> table.getItems().size() == 2);

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

    private static List<Path> exported(Path dir) throws java.io.IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".csv")).toList();
        }
    }
}
