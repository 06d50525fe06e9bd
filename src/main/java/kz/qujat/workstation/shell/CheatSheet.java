package kz.qujat.workstation.shell;

import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import kz.qujat.workstation.I18n;

/** The keyboard shortcuts of every screen on one sheet (F1), in the user's language. */
final class CheatSheet {
    /** A key (or keys) and the message key of what it does; a null key starts a section named by the message. */
    record Line(String keys, String what) {
    }

    static final List<Line> LINES = List.of(
            new Line(null, "shortcuts.section.everywhere"),
            new Line("F1", "shortcuts.help"),
            new Line("Ctrl+1 … Ctrl+4", "shortcuts.screens"),
            new Line("Tab / Shift+Tab", "shortcuts.tab"),
            new Line(null, "shortcuts.section.queue"),
            new Line("Enter", "shortcuts.queue.next"),
            new Line(null, "shortcuts.section.review"),
            new Line("A", "shortcuts.review.approve"),
            new Line("N", "shortcuts.review.annul"),
            new Line("1 2 3", "shortcuts.review.reason"),
            new Line("Enter", "shortcuts.review.continue"),
            new Line("Tab", "shortcuts.review.leaveComment"),
            new Line("Space", "shortcuts.review.override"),
            new Line("Esc", "shortcuts.review.cancel"),
            new Line("↑ / ↓", "shortcuts.review.checks"),
            new Line("T H M B O", "shortcuts.review.tools"),
            new Line("+ − Ctrl+0 1", "shortcuts.review.zoom"),
            new Line(null, "shortcuts.section.handover"),
            new Line("Enter", "shortcuts.handover.lookUp"),
            new Line(null, "shortcuts.section.annulments"),
            new Line("P / S", "shortcuts.annulments.enlarge"));

    private CheatSheet() {
    }

    static GridPane content(I18n i18n) {
        GridPane grid = new GridPane();
        grid.setId("cheatSheet");
        grid.setHgap(14);
        grid.setVgap(4);
        int row = 0;
        for (Line l : LINES) {
            if (l.keys() == null) {
                Label section = new Label(i18n.get(l.what()));
                section.getStyleClass().add("section-title");
                grid.add(section, 0, row++, 2, 1);
            } else {
                Label keys = new Label(l.keys());
                keys.getStyleClass().add("shortcut-key");
                keys.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                Label what = new Label(i18n.get(l.what()));
                what.setWrapText(true);
                grid.addRow(row++, keys, what);
            }
        }
        return grid;
    }

    static void show(Window owner, I18n i18n) {
        // JavaFX's own ButtonType.CLOSE is worded in the JVM's language, not the user's
        Alert alert = new Alert(Alert.AlertType.NONE, "", new ButtonType(i18n.get("common.close"),
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        alert.initOwner(owner);
        alert.setTitle(i18n.get("shortcuts.title"));
        alert.setHeaderText(i18n.get("shortcuts.title"));
        alert.getDialogPane().setContent(content(i18n));
        alert.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        alert.showAndWait();
    }
}
