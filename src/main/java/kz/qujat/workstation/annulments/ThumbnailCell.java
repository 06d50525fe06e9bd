package kz.qujat.workstation.annulments;

import java.io.ByteArrayInputStream;
import javafx.scene.control.TableCell;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import kz.qujat.api.Annulment;

/**
 * A table cell showing a small photo or signature of the row's application, loaded off the FX thread once; a
 * click enlarges it.
 */
final class ThumbnailCell extends TableCell<Annulment, Annulment> {
    private final AnnulmentsViewModel model;
    private final String pathTemplate;
    private final ImageView view = new ImageView();
    private final double width;
    private final double height;

    ThumbnailCell(AnnulmentsViewModel model, String pathTemplate, double width, double height,
                  java.util.function.BiConsumer<Annulment, String> enlarge, String tooltip) {
        this.model = model;
        setCursor(javafx.scene.Cursor.HAND);
        setTooltip(new javafx.scene.control.Tooltip(tooltip));
        setOnMouseClicked(e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY && getItem() != null
                    && view.getImage() != null) {
                enlarge.accept(getItem(), pathTemplate);
            }
        });
        this.pathTemplate = pathTemplate;
        this.width = width;
        this.height = height;
        view.setFitWidth(width);
        view.setFitHeight(height);
        view.setPreserveRatio(true);
        setGraphic(view);
    }

    @Override
    protected void updateItem(Annulment item, boolean empty) {
        super.updateItem(item, empty);
        view.setImage(null);
        if (empty || item == null) {
            return;
        }
        model.image(pathTemplate, item.applicationId(), bytes -> {
            // the cell may have been reused for another row while the image was loading
            if (getItem() != null && getItem().applicationId().equals(item.applicationId())) {
                view.setImage(new Image(new ByteArrayInputStream(bytes), width * 2, height * 2, true, true));
            }
        });
    }
}
