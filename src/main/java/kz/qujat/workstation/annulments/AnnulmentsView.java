package kz.qujat.workstation.annulments;

import javafx.fxml.FXML;
import javafx.scene.control.Label;

/** Controller of Annulments.fxml. */
public final class AnnulmentsView {
    private final AnnulmentsViewModel model;

    @FXML private Label scopeLabel;

    public AnnulmentsView(AnnulmentsViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        scopeLabel.setText(model.scopeText());
    }
}
