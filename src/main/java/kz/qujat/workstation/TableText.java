package kz.qujat.workstation;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Keeps a table's words whole in every language: each column is at least as wide as its header's text (the Kazakh
 * headers are the longest; a narrower column would cut them to an ellipsis), and the columns given wrap their text
 * over as many lines as it needs instead of cutting it.
 */
public final class TableText {
    /** The header's padding and the room of the sort arrow. */
    private static final double HEADER_EXTRA = 30;

    private TableText() {
    }

    /** Every column at least as wide as its header's words; call once the columns have their texts. */
    public static void fitHeaders(TableView<?> table) {
        Text probe = new Text();
        // the theme's header font: bold, 14 px (measured generously: a header one pixel short is cut)
        probe.setFont(Font.font(Font.getDefault().getFamily(), javafx.scene.text.FontWeight.BOLD,
                Math.max(14, Font.getDefault().getSize())));
        for (TableColumn<?, ?> c : table.getVisibleLeafColumns()) {
            if (c.getText() == null || c.getText().isBlank()) {
                continue;
            }
            probe.setText(c.getText());
            double needed = Math.ceil(probe.getLayoutBounds().getWidth() + HEADER_EXTRA);
            if (c.getMinWidth() < needed) {
                c.setMinWidth(needed);
            }
            if (c.getPrefWidth() < needed) {
                c.setPrefWidth(needed);
            }
        }
    }

    /** The columns' texts wrap within their width (the row grows) instead of ending in an ellipsis. */
    @SafeVarargs
    public static <S> void wrap(TableColumn<S, String>... columns) {
        for (TableColumn<S, String> c : columns) {
            c.setCellFactory(col -> new WrappingCell<>());
        }
    }
}
