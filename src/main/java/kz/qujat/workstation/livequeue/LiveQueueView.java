package kz.qujat.workstation.livequeue;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import kz.qujat.api.LiveQueue;
import kz.qujat.api.ParkedOrder;
import kz.qujat.workstation.Dates;
import kz.qujat.workstation.I18n;
import kz.qujat.workstation.Subscriptions;

/** Binds the live queue screen to its view model; the release form follows the selected claim. */
public final class LiveQueueView {
    private final LiveQueueViewModel model;
    private final I18n i18n;
    private final String scopeText;
    private final Subscriptions subscriptions;

    @FXML private Label scopeLabel;
    @FXML private Label updatedLabel;
    @FXML private Label totalsLabel;
    @FXML private TableView<LiveQueue.RegionLine> regionTable;
    @FXML private TableColumn<LiveQueue.RegionLine, String> regionColumn;
    @FXML private TableColumn<LiveQueue.RegionLine, Number> waitingColumn;
    @FXML private TableColumn<LiveQueue.RegionLine, String> oldestColumn;
    @FXML private TableColumn<LiveQueue.RegionLine, String> oldestSinceColumn;
    @FXML private TableColumn<LiveQueue.RegionLine, Number> heldColumn;
    @FXML private TableView<LiveQueue.HeldClaim> claimTable;
    @FXML private TableColumn<LiveQueue.HeldClaim, String> claimTicketColumn;
    @FXML private TableColumn<LiveQueue.HeldClaim, String> claimRegionColumn;
    @FXML private TableColumn<LiveQueue.HeldClaim, String> claimOfficerColumn;
    @FXML private TableColumn<LiveQueue.HeldClaim, String> claimedAtColumn;
    @FXML private TableColumn<LiveQueue.HeldClaim, String> heldForColumn;
    @FXML private TableColumn<LiveQueue.HeldClaim, String> expiresColumn;
    @FXML private Label claimSelectedLabel;
    @FXML private TextField reasonField;
    @FXML private Button releaseButton;
    @FXML private TableView<ParkedOrder> parkedTable;
    @FXML private TableColumn<ParkedOrder, String> parkedTicketColumn;
    @FXML private TableColumn<ParkedOrder, String> parkedRegionColumn;
    @FXML private TableColumn<ParkedOrder, String> approvedColumn;
    @FXML private TableColumn<ParkedOrder, String> parkedAtColumn;
    @FXML private TableColumn<ParkedOrder, String> refusalsColumn;
    @FXML private TableColumn<ParkedOrder, String> errorColumn;
    @FXML private TableColumn<ParkedOrder, String> retriedColumn;
    @FXML private Button retryButton;
    @FXML private Label messageLabel;

    public LiveQueueView(LiveQueueViewModel model, I18n i18n, String scopeText, Subscriptions subscriptions) {
        this.model = model;
        this.i18n = i18n;
        this.scopeText = scopeText;
        this.subscriptions = subscriptions;
    }

    @FXML
    private void initialize() {
        scopeLabel.setText(scopeText);
        updatedLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                model.updatedAtProperty().get() == null ? ""
                        : i18n.get("live.updated", Dates.dateTime(model.updatedAtProperty().get())),
                model.updatedAtProperty()));
        totalsLabel.textProperty().bind(model.totalsProperty());

        regionTable.setItems(model.regions());
        regionColumn.setCellValueFactory(c -> text(i18n.regionName(c.getValue().region())));
        waitingColumn.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyLongWrapper(c.getValue().waiting()));
        oldestColumn.setCellValueFactory(c -> text(c.getValue().waiting() == 0 ? ""
                : model.duration(c.getValue().oldestWaitingSeconds())));
        oldestSinceColumn.setCellValueFactory(c -> text(c.getValue().oldestWaitingSince() == null ? ""
                : Dates.dateTime(c.getValue().oldestWaitingSince())));
        heldColumn.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyLongWrapper(c.getValue().claimsHeld()));

        claimTable.setItems(model.claims());
        claimTicketColumn.setCellValueFactory(c -> text(c.getValue().ticketNumber()));
        claimRegionColumn.setCellValueFactory(c -> text(i18n.regionName(c.getValue().region())));
        claimOfficerColumn.setCellValueFactory(c -> text(c.getValue().officerName() == null
                ? c.getValue().officerIin() : c.getValue().officerName()));
        claimedAtColumn.setCellValueFactory(c -> text(Dates.dateTime(c.getValue().claimedAt())));
        heldForColumn.setCellValueFactory(c -> text(model.duration(c.getValue().heldSeconds())));
        expiresColumn.setCellValueFactory(c -> text(c.getValue().expiresAt() == null ? ""
                : Dates.dateTime(c.getValue().expiresAt())));
        follow(claimTable, model.selectedClaimProperty());
        subscriptions.onChange(model.selectedClaimProperty(), (o, a, c) -> showClaim(c));
        showClaim(model.selectedClaimProperty().get());
        reasonField.textProperty().bindBidirectional(model.reasonProperty());
        subscriptions.onDispose(() -> reasonField.textProperty().unbindBidirectional(model.reasonProperty()));
        releaseButton.disableProperty().bind(model.canReleaseProperty().not());

        parkedTable.setItems(model.parked());
        parkedTicketColumn.setCellValueFactory(c -> text(c.getValue().ticketNumber()));
        parkedRegionColumn.setCellValueFactory(c -> text(i18n.regionName(c.getValue().region())));
        approvedColumn.setCellValueFactory(c -> text(Dates.dateTime(c.getValue().approvedAt())));
        parkedAtColumn.setCellValueFactory(c -> text(Dates.dateTime(c.getValue().parkedAt())));
        refusalsColumn.setCellValueFactory(c -> text(c.getValue().refusals() + " / " + c.getValue().attempts()));
        errorColumn.setCellValueFactory(c -> text(c.getValue().lastError()));
        retriedColumn.setCellValueFactory(c -> text(c.getValue().retriedAt() == null ? ""
                : Dates.dateTime(c.getValue().retriedAt()) + " · " + c.getValue().retriedBy()));
        follow(parkedTable, model.selectedOrderProperty());
        retryButton.disableProperty().bind(model.canRetryProperty().not());

        // whole words in every language: headers at least as wide as their text, long texts (production's answer,
        // an officer's name, who retried) wrap over lines instead of ending in an ellipsis
        kz.qujat.workstation.TableText.fitHeaders(regionTable);
        kz.qujat.workstation.TableText.fitHeaders(claimTable);
        kz.qujat.workstation.TableText.fitHeaders(parkedTable);
        kz.qujat.workstation.TableText.wrap(claimOfficerColumn);
        kz.qujat.workstation.TableText.wrap(errorColumn, retriedColumn);

        messageLabel.textProperty().bind(model.messageProperty());
        subscriptions.onChange(model.messageIsErrorProperty(), (o, a, error) -> messageLabel.getStyleClass()
                .setAll(error ? List.of("label", "danger") : List.of("label", "success")));
    }

    /** The table's selection sets the model's; the model re-selecting after a refresh selects the row again. */
    private <T> void follow(TableView<T> table, javafx.beans.property.ObjectProperty<T> selected) {
        subscriptions.onChange(table.getSelectionModel().selectedItemProperty(), (o, a, item) -> {
            if (item != null || !table.getItems().isEmpty()) {
                selected.set(item);
            }
        });
        subscriptions.onChange(selected, (o, a, item) -> {
            T shown = table.getSelectionModel().getSelectedItem();
            if (item == null) {
                table.getSelectionModel().clearSelection();
            } else if (shown != item) {
                table.getSelectionModel().select(item);
            }
        });
    }

    private void showClaim(LiveQueue.HeldClaim c) {
        claimSelectedLabel.setText(c == null ? i18n.get("live.release.choose")
                : i18n.get("live.release.selected", c.ticketNumber(), c.officerName() == null ? c.officerIin()
                        : c.officerName(), model.duration(c.heldSeconds())));
    }

    @FXML
    private void refresh() {
        model.refresh();
    }

    @FXML
    private void release() {
        model.release();
    }

    @FXML
    private void retry() {
        model.retry();
    }

    private static ReadOnlyStringWrapper text(String s) {
        return new ReadOnlyStringWrapper(s == null ? "" : s);
    }
}
