package kz.qujat.workstation.handover;

import javafx.fxml.FXML;
import javafx.scene.control.Label;

/** Controller of Handover.fxml. */
public final class HandoverView {
    private final HandoverViewModel model;

    @FXML private Label scopeLabel;

    public HandoverView(HandoverViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        scopeLabel.setText(model.scopeText());
    }
}
