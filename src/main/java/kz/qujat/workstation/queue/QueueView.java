package kz.qujat.workstation.queue;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import kz.qujat.workstation.I18n;
import kz.qujat.workstation.Subscriptions;

/** The queue screen's controller: the table, the search box and the take buttons. */
public final class QueueView {
    private final QueueViewModel model;
    private final I18n i18n;
    private final Subscriptions subscriptions;

    @FXML private TextField filterField;
    @FXML private CheckBox expiredOnlyBox;
    @FXML private TableView<QueueRow> table;
    @FXML private TableColumn<QueueRow, String> ticketColumn;
    @FXML private TableColumn<QueueRow, String> submittedColumn;
    @FXML private TableColumn<QueueRow, QueueRow> expiryColumn;
    @FXML private TableColumn<QueueRow, String> waitingColumn;
    @FXML private TableColumn<QueueRow, String> applicantColumn;
    @FXML private TableColumn<QueueRow, String> checksColumn;
    @FXML private Button takeNextButton;
    @FXML private Button takeSelectedButton;
    @FXML private Label messageLabel;
    @FXML private Label selectionNoteLabel;

    public QueueView(QueueViewModel model, I18n i18n, Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
        this.model = model;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        ticketColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().ticketNumber()));
        submittedColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(kz.qujat.workstation.Dates.dateTime(c.getValue().submittedAt())));
        expiryColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        expiryColumn.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(QueueRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : kz.qujat.workstation.review.ExpiryText.of(i18n, row.daysFromExpiry()));
                // counted today; R3 judges the day of the application, which the tooltip gives when it differs
                setTooltip(empty || row == null || !row.countedOnAnotherDay() ? null
                        : new javafx.scene.control.Tooltip(i18n.get("queue.expiry.atSubmission",
                                kz.qujat.workstation.review.ExpiryText.of(i18n, row.daysFromExpiryAtSubmission()))));
            }
        });
        waitingColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(waiting(c.getValue().waiting())));
        applicantColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().applicantName()));
        checksColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().checks()));
        checksColumn.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String verdict, boolean empty) {
                super.updateItem(verdict, empty);
                getStyleClass().removeIf(s -> s.startsWith("verdict-"));
                boolean known = !empty && verdict != null && java.util.Arrays.stream(kz.qujat.inspect.Verdict.values())
                        .anyMatch(v -> v.name().equals(verdict));
                setText(known ? i18n.get("review.checks.verdict." + verdict) : null);
                if (known) {
                    getStyleClass().add("verdict-" + verdict);
                }
            }
        });
        table.setItems(model.visibleRows());
        kz.qujat.workstation.TableText.fitHeaders(table);
        kz.qujat.workstation.TableText.wrap(applicantColumn);
        table.setPlaceholder(new Label(i18n.get("queue.none")));
        table.setRowFactory(t -> {
            TableRow<QueueRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    model.takeSelected();
                }
            });
            return row;
        });
        filterField.textProperty().bindBidirectional(model.filterProperty());
        expiredOnlyBox.selectedProperty().bindBidirectional(model.expiredOnlyProperty());
        messageLabel.textProperty().bind(model.messageProperty());
        selectionNoteLabel.textProperty().bind(model.selectionNoteProperty());
        selectionNoteLabel.visibleProperty().bind(selectionNoteLabel.textProperty().isNotEmpty());
        selectionNoteLabel.managedProperty().bind(selectionNoteLabel.visibleProperty());
        takeNextButton.disableProperty().bind(model.busyProperty());
        takeSelectedButton.disableProperty().bind(model.busyProperty()
                .or(table.getSelectionModel().selectedItemProperty().isNull()));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null) {
                model.selectedProperty().set(row.id());
            }
        });
        // after a refresh the table's lines are new objects: select the same application again
        subscriptions.onListChange(model.visibleRows(), c -> reselect());
        subscriptions.onDispose(() -> {
            filterField.textProperty().unbindBidirectional(model.filterProperty());
            expiredOnlyBox.selectedProperty().unbindBidirectional(model.expiredOnlyProperty());
        });
        reselect();
        javafx.application.Platform.runLater(table::requestFocus);
    }

    private void reselect() {
        var id = model.selectedProperty().get();
        if (id == null) {
            return;
        }
        model.visibleRows().stream().filter(r -> r.id().equals(id)).findFirst()
                .ifPresent(r -> table.getSelectionModel().select(r));
    }

    private String waiting(Duration d) {
        long hours = Math.max(0, d.toHours());
        return hours >= 24 ? i18n.get("queue.waiting.days", hours / 24, hours % 24)
                : i18n.get("queue.waiting.hours", hours, Math.max(0, d.toMinutesPart()));
    }

    @FXML
    private void takeNext() {
        model.takeNext();
    }

    @FXML
    private void takeSelected() {
        model.takeSelected();
    }

    @FXML
    private void refresh() {
        model.refresh();
    }
}
