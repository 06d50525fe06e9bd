package kz.qujat.workstation.finance;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;
import kz.qujat.api.Refund;
import kz.qujat.domain.KzTime;
import kz.qujat.domain.RefundStatus;
import kz.qujat.workstation.I18n;
import kz.qujat.workstation.files.SaveDialog;

/** Binds the refunds screen to its view model; the payment form follows the selected refund. */
public final class FinanceView {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private final FinanceViewModel model;
    private final I18n i18n;
    private final SaveDialog saveDialog;
    private final String scopeText;

    @FXML private Label scopeLabel;
    @FXML private ComboBox<RefundStatus> statusBox;
    @FXML private Button exportButton;
    @FXML private Label totalLabel;
    @FXML private TableView<Refund> table;
    @FXML private TableColumn<Refund, String> ticketColumn;
    @FXML private TableColumn<Refund, String> applicantColumn;
    @FXML private TableColumn<Refund, String> iinColumn;
    @FXML private TableColumn<Refund, String> regionColumn;
    @FXML private TableColumn<Refund, String> annulledColumn;
    @FXML private TableColumn<Refund, String> reasonColumn;
    @FXML private TableColumn<Refund, String> amountColumn;
    @FXML private TableColumn<Refund, String> feeColumn;
    @FXML private TableColumn<Refund, String> statusColumn;
    @FXML private TableColumn<Refund, String> paymentColumn;
    @FXML private GridPane payForm;
    @FXML private Label selectedLabel;
    @FXML private TextField referenceField;
    @FXML private DatePicker paidOnPicker;
    @FXML private Button payButton;
    @FXML private Label messageLabel;

    public FinanceView(FinanceViewModel model, I18n i18n, SaveDialog saveDialog, String scopeText) {
        this.model = model;
        this.i18n = i18n;
        this.saveDialog = saveDialog;
        this.scopeText = scopeText;
    }

    @FXML
    private void initialize() {
        scopeLabel.setText(scopeText);
        statusBox.getItems().setAll(Arrays.asList(RefundStatus.OWED, RefundStatus.REFUNDED, null));
        statusBox.setCellFactory(l -> new StatusCell());
        statusBox.setButtonCell(new StatusCell());
        statusBox.valueProperty().bindBidirectional(model.statusFilterProperty());
        exportButton.disableProperty().bind(model.busyProperty());
        totalLabel.textProperty().bind(model.totalProperty());
        table.setItems(model.refunds());
        kz.qujat.workstation.TableText.fitHeaders(table);
        kz.qujat.workstation.TableText.wrap(applicantColumn, reasonColumn, paymentColumn);
        ticketColumn.setCellValueFactory(c -> text(c.getValue().ticketNumber()));
        applicantColumn.setCellValueFactory(c -> text(name(c.getValue().applicant())));
        iinColumn.setCellValueFactory(c -> text(c.getValue().applicant().iin()));
        regionColumn.setCellValueFactory(c -> text(i18n.regionName(c.getValue().region())));
        annulledColumn.setCellValueFactory(c -> text(DAY.format(KzTime.dateOf(c.getValue().annulledAt()))));
        reasonColumn.setCellValueFactory(c -> text(c.getValue().reason() == null ? ""
                : i18n.get("refunds.reason." + c.getValue().reason())));
        amountColumn.setCellValueFactory(c -> text(FinanceViewModel.money(c.getValue().amountTiyn())));
        feeColumn.setCellValueFactory(c -> text(c.getValue().feePaymentRef()));
        statusColumn.setCellValueFactory(c -> text(model.statusName(c.getValue().status())));
        paymentColumn.setCellValueFactory(c -> text(c.getValue().payment() == null ? ""
                : c.getValue().payment().reference() + " · " + DAY.format(c.getValue().payment().paidOn())));
        model.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
        model.selectedProperty().addListener((o, a, r) -> showSelected(r));
        showSelected(null);
        referenceField.textProperty().bindBidirectional(model.paymentReferenceProperty());
        paidOnPicker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate day) {
                return day == null ? "" : DAY.format(day);
            }

            @Override
            public LocalDate fromString(String text) {
                try {
                    return text == null || text.isBlank() ? null : LocalDate.parse(text.strip(), DAY);
                } catch (java.time.format.DateTimeParseException e) {
                    return null;
                }
            }
        });
        paidOnPicker.valueProperty().bindBidirectional(model.paidOnProperty());
        paidOnPicker.setDayCellFactory(p -> new javafx.scene.control.DateCell() {
            @Override
            public void updateItem(LocalDate day, boolean empty) {
                super.updateItem(day, empty);
                setDisable(empty || day.isAfter(model.today()));
            }
        });
        payButton.disableProperty().bind(model.canPayProperty().not());
        messageLabel.textProperty().bind(model.messageProperty());
        model.messageIsErrorProperty().addListener((o, a, error) -> messageLabel.getStyleClass()
                .setAll(error ? List.of("label", "danger") : List.of("label", "success")));
    }

    private void showSelected(Refund r) {
        boolean owed = r != null && RefundStatus.OWED.name().equals(r.status());
        payForm.setDisable(!owed);
        selectedLabel.setText(r == null ? i18n.get("refunds.pay.choose")
                : r.ticketNumber() + " · " + name(r.applicant()) + " · " + FinanceViewModel.money(r.amountTiyn())
                        + (owed ? "" : " · " + model.statusName(r.status())));
    }

    private static String name(Refund.Applicant a) {
        return String.join(" ", a.surname(), a.givenName(), a.patronymic() == null ? "" : a.patronymic()).strip();
    }

    @FXML
    private void refresh() {
        model.refresh();
    }

    @FXML
    private void pay() {
        model.pay();
    }

    @FXML
    private void export() {
        RefundStatus s = model.statusFilterProperty().get();
        String name = "refunds-" + (s == null ? "all" : s.name().toLowerCase(java.util.Locale.ROOT)) + "-"
                + model.today() + ".csv";
        saveDialog.ask(table.getScene().getWindow(), i18n.get("refunds.export"), name,
                i18n.get("refunds.export.filter"), "csv").ifPresent(model::export);
    }

    private static ReadOnlyStringWrapper text(String s) {
        return new ReadOnlyStringWrapper(s == null ? "" : s);
    }

    private final class StatusCell extends ListCell<RefundStatus> {
        @Override
        protected void updateItem(RefundStatus item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : model.statusName(item == null ? null : item.name()));
        }
    }
}
