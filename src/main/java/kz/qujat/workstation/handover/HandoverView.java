package kz.qujat.workstation.handover;

import java.awt.Desktop;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import kz.qujat.api.HandoverInfo;
import kz.qujat.domain.KzTime;
import kz.qujat.workstation.I18n;
import kz.qujat.workstation.Subscriptions;
import kz.qujat.workstation.files.SaveDialog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Controller of Handover.fxml: the ready list, the ticket field (keyboard or scanner), the check and handover. */
public final class HandoverView {
    private static final Logger LOG = LoggerFactory.getLogger(HandoverView.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(KzTime.ZONE);
    private final HandoverViewModel model;
    private final I18n i18n;
    private final SaveDialog saveDialog;
    private final String point;
    private final Subscriptions subscriptions;

    @FXML private Label scopeLabel;
    @FXML private TableView<HandoverInfo> readyTable;
    @FXML private TableColumn<HandoverInfo, String> ticketColumn;
    @FXML private TableColumn<HandoverInfo, String> nameColumn;
    @FXML private TableColumn<HandoverInfo, String> readyAtColumn;
    @FXML private TableColumn<HandoverInfo, String> documentColumn;
    @FXML private TextField ticketField;
    @FXML private Label messageLabel;
    @FXML private HBox card;
    @FXML private ImageView photoView;
    @FXML private Label ticketValue;
    @FXML private Label nameValue;
    @FXML private Label documentValue;
    @FXML private Label oldCardValue;
    @FXML private Label statusValue;
    @FXML private CheckBox identityBox;
    @FXML private CheckBox oldCardBox;
    @FXML private Button handOverButton;
    @FXML private Button receiptButton;

    public HandoverView(HandoverViewModel model, I18n i18n, SaveDialog saveDialog, String point,
                        Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
        this.model = model;
        this.i18n = i18n;
        this.saveDialog = saveDialog;
        this.point = point;
    }

    @FXML
    private void initialize() {
        scopeLabel.setText(point == null ? "" : point);
        readyTable.setItems(model.ready());
        kz.qujat.workstation.TableText.fitHeaders(readyTable);
        kz.qujat.workstation.TableText.wrap(nameColumn);
        ticketColumn.setCellValueFactory(c -> text(c.getValue().ticketNumber()));
        nameColumn.setCellValueFactory(c -> text(c.getValue().surname() + " " + c.getValue().givenName()));
        readyAtColumn.setCellValueFactory(c -> text(c.getValue().readyAt() == null ? ""
                : WHEN.format(c.getValue().readyAt())));
        documentColumn.setCellValueFactory(c -> text(c.getValue().newDocumentNumber()));
        // one click on a ready row opens it (the clerk has the applicant in front of them, not a choice to make)
        readyTable.setRowFactory(t -> {
            javafx.scene.control.TableRow<HandoverInfo> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY && !row.isEmpty()) {
                    model.choose(row.getItem());
                }
            });
            return row;
        });
        readyTable.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                model.choose(readyTable.getSelectionModel().getSelectedItem());
            }
        });

        ticketField.textProperty().bindBidirectional(model.ticketTextProperty());
        messageLabel.textProperty().bind(model.messageProperty());
        subscriptions.onChange(model.messageIsErrorProperty(), (o, a, error) -> style(error));
        style(model.messageIsErrorProperty().get());
        identityBox.selectedProperty().bindBidirectional(model.identityCheckedProperty());
        oldCardBox.selectedProperty().bindBidirectional(model.oldCardSurrenderedProperty());
        handOverButton.disableProperty().bind(model.canHandOverProperty().not());
        receiptButton.disableProperty().bind(model.canPrintProperty().not());
        subscriptions.onChange(model.currentProperty(), (o, a, now) -> show(now));
        subscriptions.onChange(model.photoProperty(), (o, a, bytes) -> photoView.setImage(bytes == null ? null
                : new Image(new ByteArrayInputStream(bytes))));
        show(model.currentProperty().get());
        Platform.runLater(ticketField::requestFocus);
    }

    private void show(HandoverInfo info) {
        card.setVisible(info != null);
        boolean ready = info != null && HandoverViewModel.READY.equals(info.status());
        identityBox.setDisable(!ready);
        oldCardBox.setDisable(!ready);
        if (info == null) {
            return;
        }
        ticketValue.setText(info.ticketNumber());
        nameValue.setText(String.join(" ", List.of(info.surname(), info.givenName(),
                info.patronymic() == null ? "" : info.patronymic())).strip());
        documentValue.setText(info.newDocumentNumber() == null ? "" : info.newDocumentNumber());
        // the number of the card to take back: the clerk checks it against the card put on the desk
        String oldCard = info.oldDocumentNumber() == null ? "" : info.oldDocumentNumber();
        oldCardValue.setText(oldCard);
        oldCardBox.setText(oldCard.isEmpty() ? i18n.get("handover.confirm.oldCard")
                : i18n.get("handover.confirm.oldCardNumber", oldCard));
        statusValue.setText(ready ? i18n.get("handover.status.ready")
                : i18n.get("handover.status.issued", info.issuedAt() == null ? "" : WHEN.format(info.issuedAt())));
    }

    private void style(boolean error) {
        messageLabel.getStyleClass().setAll(error ? List.of("label", "danger") : List.of("label", "success"));
    }

    @FXML
    private void refresh() {
        model.refreshReady();
    }

    @FXML
    private void lookUp() {
        model.lookUp();
    }

    @FXML
    private void handOver() {
        // the next applicant's ticket is scanned straight away: the field has the keyboard, its text selected
        model.handOver(() -> {
            ticketField.requestFocus();
            ticketField.selectAll();
        });
    }

    @FXML
    private void receipt() {
        HandoverInfo info = model.currentProperty().get();
        saveDialog.ask(card.getScene().getWindow(), i18n.get("handover.receipt.save"),
                "receipt-" + info.ticketNumber() + ".pdf", i18n.get("handover.receipt.filter"), "pdf")
                .ifPresent(file -> model.saveReceipt(file, () -> open(file)));
    }

    /** Opens the saved receipt in the system's PDF viewer, from where it is printed; not possible headless. */
    private static void open(Path file) {
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                Desktop.getDesktop().open(file.toFile());
            } catch (IOException | UnsupportedOperationException e) {
                LOG.info("cannot open the receipt in a viewer: {}", e.getClass().getSimpleName());
            }
        }, "qujat-open-receipt");
        t.setDaemon(true);
        t.start();
    }

    private static ReadOnlyStringWrapper text(String s) {
        return new ReadOnlyStringWrapper(s == null ? "" : s);
    }
}
