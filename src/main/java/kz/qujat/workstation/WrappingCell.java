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
        // the column's width, known before the row is laid out (the cell's own width comes later, and a row sized on
        // the old width cuts the last line off)
        tableColumnProperty().addListener((o, a, column) -> {
            text.wrappingWidthProperty().unbind();
            if (column != null) {
                text.wrappingWidthProperty().bind(column.widthProperty().subtract(14));
            }
        });
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
