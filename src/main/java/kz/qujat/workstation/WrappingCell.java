package kz.qujat.workstation;

import javafx.scene.control.TableCell;
import javafx.scene.text.Text;

/**
 * A table cell whose text wraps to the column's width and makes the row as tall as it needs: the check's name and
 * explanation are read whole in the table, never cut off to an ellipsis with the rest in a tooltip.
 */
public final class WrappingCell<S> extends TableCell<S, String> {
    private final Text text = new Text();

    public WrappingCell() {
        text.getStyleClass().add("wrapping-cell-text");
        text.wrappingWidthProperty().bind(widthProperty().subtract(12));
        text.fillProperty().bind(textFillProperty());
        text.fontProperty().bind(fontProperty());
        setPrefHeight(USE_COMPUTED_SIZE);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
        } else {
            text.setText(item);
            setGraphic(text);
        }
    }
}
