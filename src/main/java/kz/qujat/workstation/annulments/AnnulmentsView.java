package kz.qujat.workstation.annulments;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import javafx.scene.chart.NumberAxis;
import javafx.util.StringConverter;
import javafx.scene.control.ListCell;
import kz.qujat.api.Annulment;
import kz.qujat.api.Paths;
import kz.qujat.domain.AnnulmentReason;
import kz.qujat.domain.Region;
import kz.qujat.workstation.I18n;
import kz.qujat.workstation.Subscriptions;
import kz.qujat.workstation.files.SaveDialog;

/** Controller of Annulments.fxml: binds the filter, table, review panel, rates and charts to the view model. */
public final class AnnulmentsView {
    private final AnnulmentsViewModel model;
    private final I18n i18n;
    private final SaveDialog saveDialog;
    private final String scopeText;
    private final Subscriptions subscriptions;

    @FXML private Label scopeLabel;
    @FXML private DatePicker fromPicker;
    @FXML private DatePicker toPicker;
    @FXML private ComboBox<Region> regionBox;
    @FXML private ComboBox<AnnulmentsViewModel.OfficerOption> officerBox;
    @FXML private ComboBox<AnnulmentReason> reasonBox;
    @FXML private Button exportButton;
    @FXML private Label messageLabel;
    @FXML private TableView<Annulment> table;
    @FXML private TableColumn<Annulment, Annulment> photoColumn;
    @FXML private TableColumn<Annulment, Annulment> signatureColumn;
    @FXML private TableColumn<Annulment, String> ticketColumn;
    @FXML private TableColumn<Annulment, String> atColumn;
    @FXML private TableColumn<Annulment, String> regionColumn;
    @FXML private TableColumn<Annulment, String> officerColumn;
    @FXML private TableColumn<Annulment, String> reasonColumn;
    @FXML private TableColumn<Annulment, String> commentColumn;
    @FXML private TableColumn<Annulment, Annulment> samePersonColumn;
    @FXML private TableColumn<Annulment, String> reviewColumn;
    @FXML private TableColumn<Annulment, String> refundColumn;
    @FXML private Button accessesButton;
    @FXML private Label selectedLabel;
    @FXML private ToggleGroup verdictGroup;
    @FXML private RadioButton agreeRadio;
    @FXML private RadioButton disagreeRadio;
    @FXML private TextArea commentArea;
    @FXML private Button reviewButton;
    @FXML private TableView<AnnulmentStats.OfficerRateRow> ratesTable;
    @FXML private TableColumn<AnnulmentStats.OfficerRateRow, String> rateOfficerColumn;
    @FXML private TableColumn<AnnulmentStats.OfficerRateRow, String> rateCountColumn;
    @FXML private TableColumn<AnnulmentStats.OfficerRateRow, String> rateColumn;
    @FXML private TableColumn<AnnulmentStats.OfficerRateRow, String> regionRateColumn;
    @FXML private StackedBarChart<String, Number> reasonChart;
    @FXML private javafx.scene.layout.FlowPane reasonLegend;
    @FXML private StackedBarChart<String, Number> officerChart;

    private static final StringConverter<LocalDate> DAY = new StringConverter<>() {
        private final DateTimeFormatter format = DateTimeFormatter.ofPattern("dd.MM.yyyy");

        @Override
        public String toString(LocalDate d) {
            return d == null ? "" : format.format(d);
        }

        @Override
        public LocalDate fromString(String s) {
            try {
                return s == null || s.isBlank() ? null : LocalDate.parse(s.strip(), format);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    };

    public AnnulmentsView(AnnulmentsViewModel model, I18n i18n, SaveDialog saveDialog, String scopeText,
                          Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
        this.model = model;
        this.i18n = i18n;
        this.saveDialog = saveDialog;
        this.scopeText = scopeText;
    }

    @FXML
    private void initialize() {
        scopeLabel.setText(scopeText);
        fromPicker.valueProperty().bindBidirectional(model.fromProperty());
        toPicker.valueProperty().bindBidirectional(model.toProperty());
        List<Region> regions = new ArrayList<>();
        regions.add(null);
        regions.addAll(List.of(Region.values()));
        regionBox.getItems().setAll(regions);
        choices(regionBox, r -> r == null ? i18n.get("annulments.filter.allRegions") : i18n.regionName(r.name()));
        regionBox.valueProperty().bindBidirectional(model.regionProperty());
        officerBox.setItems(model.officers());
        choices(officerBox, o -> o == null || o.iin() == null ? i18n.get("annulments.filter.allOfficers") : o.name());
        officerBox.valueProperty().bindBidirectional(model.officerProperty());
        List<AnnulmentReason> reasons = new ArrayList<>();
        reasons.add(null);
        reasons.addAll(List.of(AnnulmentReason.values()));
        reasonBox.getItems().setAll(reasons);
        choices(reasonBox, r -> r == null ? i18n.get("annulments.filter.allReasons") : model.reasonName(r.name()));
        reasonBox.valueProperty().bindBidirectional(model.reasonProperty());
        messageLabel.textProperty().bind(model.messageProperty());
        subscriptions.onChange(model.messageIsErrorProperty(), (o, a, error) -> messageLabel.getStyleClass()
                .setAll(error ? List.of("label", "danger") : List.of("label", "text-muted")));
        exportButton.disableProperty().bind(model.busyProperty());

        table.setItems(model.entries());
        kz.qujat.workstation.TableText.fitHeaders(table);
        kz.qujat.workstation.TableText.wrap(officerColumn, commentColumn, reviewColumn, refundColumn);
        photoColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        photoColumn.setCellFactory(c -> new ThumbnailCell(model, Paths.PHOTO, 48, 48, this::enlarge,
                i18n.get("annulments.enlarge.tooltip")));
        signatureColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        signatureColumn.setCellFactory(c -> new ThumbnailCell(model, Paths.SIGNATURE, 88, 40, this::enlarge,
                i18n.get("annulments.enlarge.tooltip")));
        // P enlarges the selected entry's photo, S its signature (Esc or Enter closes it again)
        table.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            Annulment a = table.getSelectionModel().getSelectedItem();
            if (a == null || e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            if (e.getCode() == javafx.scene.input.KeyCode.P) {
                enlarge(a, Paths.PHOTO);
                e.consume();
            } else if (e.getCode() == javafx.scene.input.KeyCode.S) {
                enlarge(a, Paths.SIGNATURE);
                e.consume();
            }
        });
        ticketColumn.setCellValueFactory(c -> text(c.getValue().ticketNumber()));
        atColumn.setCellValueFactory(c -> text(Formats.dateTime(c.getValue().annulledAt())));
        regionColumn.setCellValueFactory(c -> text(i18n.regionName(c.getValue().region())));
        officerColumn.setCellValueFactory(c -> text(AnnulmentStats.officerLabel(c.getValue())));
        reasonColumn.setCellValueFactory(c -> text(c.getValue().reason()));
        reasonColumn.setCellFactory(c -> new ReasonCell());
        commentColumn.setCellValueFactory(c -> text(c.getValue().comment()));
        samePersonColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        samePersonColumn.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Annulment a, boolean empty) {
                super.updateItem(a, empty);
                getStyleClass().removeIf(s -> s.startsWith("same-person-"));
                setText(empty || a == null ? null : model.samePersonText(a));
                if (!empty && a != null && a.samePerson() != null && "DIFFERENT".equals(a.samePerson().verdict())) {
                    // the officer annulled with the register photo looking like someone else: the supervisor sees it
                    getStyleClass().add("same-person-different");
                }
            }
        });
        refundColumn.setCellValueFactory(c -> text(model.refundName(c.getValue().refundStatus())));
        accessesButton.disableProperty().bind(model.selectedProperty().isNull());
        reviewColumn.setCellValueFactory(c -> text(c.getValue().review() == null ? ""
                : model.verdictName(c.getValue().review().verdict())));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, now) -> model.selectedProperty().set(now));
        subscriptions.onChange(model.selectedProperty(), (o, a, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
            showSelected(now);
        });

        agreeRadio.setUserData(AnnulmentsViewModel.AGREE);
        disagreeRadio.setUserData(AnnulmentsViewModel.DISAGREE);
        verdictGroup.selectedToggleProperty().addListener((o, a, now) ->
                model.verdictProperty().set(now == null ? null : (String) now.getUserData()));
        subscriptions.onChange(model.verdictProperty(), (o, a, now) -> selectVerdict(now));
        commentArea.textProperty().bindBidirectional(model.reviewCommentProperty());
        reviewButton.disableProperty().bind(model.canReviewProperty().not());
        showSelected(model.selectedProperty().get());
        selectVerdict(model.verdictProperty().get());

        ratesTable.setItems(model.rates());
        kz.qujat.workstation.TableText.fitHeaders(ratesTable);
        kz.qujat.workstation.TableText.wrap(rateOfficerColumn);
        NumberFormat percent = NumberFormat.getPercentInstance(i18n.locale());
        percent.setMaximumFractionDigits(0);
        rateOfficerColumn.setCellValueFactory(c -> text(c.getValue().officerName()));
        rateCountColumn.setCellValueFactory(c -> text(c.getValue().annulments() + " / " + c.getValue().decisions()));
        rateColumn.setCellValueFactory(c -> text(percent.format(c.getValue().rate())
                + (c.getValue().aboveRegion() ? " ▲" : "")));
        regionRateColumn.setCellValueFactory(c -> text(percent.format(c.getValue().regionRate())));

        fromPicker.setConverter(DAY);
        toPicker.setConverter(DAY);
        wholeNumbers((NumberAxis) reasonChart.getYAxis());
        wholeNumbers((NumberAxis) officerChart.getYAxis());
        reasonChart.setData(model.byReason());
        // fixed colours per reason: bars painted as they appear, a legend of our own in the same colours
        model.byReason().addListener((javafx.collections.ListChangeListener<XYChart.Series<String, Number>>) c ->
                paintReasons());
        paintReasons();
        for (AnnulmentReason r : AnnulmentsViewModel.REASONS) {
            // the short names of the log's reason column: one line under the chart, the same words as the table
            Label item = new Label(shortReason(r.name()), swatch(ReasonColors.of(r)));
            item.setTooltip(new javafx.scene.control.Tooltip(model.reasonName(r.name())));
            item.setId("legend-" + r.name());
            reasonLegend.getChildren().add(item);
        }
        officerChart.setData(model.byOfficer());
        if (model.entries().isEmpty()) {
            model.refresh();
        }
    }

    /** The table's narrow reason column; the full wording is in the review panel, the chart and the export. */
    private String shortReason(String code) {
        if (code == null) {
            return "";
        }
        return switch (code) {
            case "PHOTO" -> i18n.get("annulments.reason.short.PHOTO");
            case "SIGNATURE" -> i18n.get("annulments.reason.short.SIGNATURE");
            default -> i18n.get("annulments.reason.short.FURTHER_VERIFICATION");
        };
    }

    /** Each reason's bars in its own colour, series i being reason i of {@link AnnulmentsViewModel#REASONS}. */
    private void paintReasons() {
        List<XYChart.Series<String, Number>> series = model.byReason();
        for (int i = 0; i < series.size() && i < AnnulmentsViewModel.REASONS.size(); i++) {
            String style = "-fx-bar-fill: " + ReasonColors.of(AnnulmentsViewModel.REASONS.get(i)) + ";";
            for (XYChart.Data<String, Number> d : series.get(i).getData()) {
                if (d.getNode() != null) {
                    d.getNode().setStyle(style);
                }
                // the chart makes a bar's node when it lays the data out, possibly after this runs
                d.nodeProperty().addListener((o, was, node) -> {
                    if (node != null) {
                        node.setStyle(style);
                    }
                });
            }
        }
    }

    /** A small square of a reason's colour, for the legend and the log's reason column. */
    static javafx.scene.layout.Region swatch(String colour) {
        javafx.scene.layout.Region r = new javafx.scene.layout.Region();
        r.setMinSize(12, 12);
        r.setPrefSize(12, 12);
        r.setMaxSize(12, 12);
        r.getStyleClass().add("reason-swatch");
        r.setStyle("-fx-background-color: " + colour + ";");
        return r;
    }

    /** The log's narrow reason column: the reason's colour and its short name. */
    private final class ReasonCell extends javafx.scene.control.TableCell<Annulment, String> {
        ReasonCell() {
            // "Қосымша тексеру" is wider than the column: a second line, not an ellipsis
            setWrapText(true);
            setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(String code, boolean empty) {
            super.updateItem(code, empty);
            if (empty || code == null) {
                setText(null);
                setGraphic(null);
            } else {
                setText(shortReason(code));
                setGraphic(swatch(ReasonColors.of(code)));
            }
        }
    }

    /**
     * The photo or signature of an entry at a readable size, in a dialog over the log (a click on a thumbnail, or P
     * and S on the selected row; Esc or Enter closes it).
     */
    void enlarge(Annulment a, String pathTemplate) {
        boolean photo = Paths.PHOTO.equals(pathTemplate);
        model.image(pathTemplate, a.applicationId(), bytes -> {
            javafx.scene.image.ImageView view = new javafx.scene.image.ImageView(
                    new javafx.scene.image.Image(new java.io.ByteArrayInputStream(bytes)));
            view.setId("enlargedImage");
            view.setPreserveRatio(true);
            view.setSmooth(true);
            javafx.stage.Window owner = table.getScene().getWindow();
            double maxW = Math.max(320, Math.min(photo ? 560 : 900, owner.getWidth() - 120));
            double maxH = Math.max(240, Math.min(photo ? 700 : 420, owner.getHeight() - 200));
            view.setFitWidth(Math.min(maxW, Math.max(view.getImage().getWidth(), photo ? 360 : 600)));
            view.setFitHeight(Math.min(maxH, Math.max(view.getImage().getHeight(), photo ? 460 : 240)));
            javafx.scene.control.Dialog<Void> dialog = new javafx.scene.control.Dialog<>();
            dialog.initOwner(owner);
            dialog.setTitle(i18n.get(photo ? "annulments.enlarge.photo" : "annulments.enlarge.signature",
                    a.ticketNumber()));
            dialog.setHeaderText(i18n.get(photo ? "annulments.enlarge.photo" : "annulments.enlarge.signature",
                    a.ticketNumber()) + " · " + model.reasonName(a.reason()));
            javafx.scene.layout.StackPane frame = new javafx.scene.layout.StackPane(view);
            frame.getStyleClass().add(photo ? "photo-frame" : "signature-frame");
            dialog.getDialogPane().setContent(frame);
            // JavaFX's own ButtonType.CLOSE is worded in the JVM's language, not the user's
            dialog.getDialogPane().getButtonTypes().add(new javafx.scene.control.ButtonType(i18n.get("common.close"),
                    javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
            dialog.getDialogPane().setId("enlargedDialog");
            dialog.show();
        });
    }

    /** Counts are whole: the axis shows no 0.5 steps. */
    private static void wholeNumbers(NumberAxis axis) {
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n.doubleValue() % 1 == 0 ? String.valueOf(n.longValue()) : "";
            }

            @Override
            public Number fromString(String s) {
                return Long.valueOf(s);
            }
        });
    }

    private void showSelected(Annulment a) {
        selectedLabel.setText(a == null ? i18n.get("annulments.review.none")
                : i18n.get("annulments.review.of", a.ticketNumber(), model.reasonName(a.reason())));
        agreeRadio.setDisable(a == null);
        disagreeRadio.setDisable(a == null);
        commentArea.setDisable(a == null);
    }

    private void selectVerdict(String verdict) {
        if (verdict == null) {
            verdictGroup.selectToggle(null);
        } else {
            verdictGroup.selectToggle(AnnulmentsViewModel.AGREE.equals(verdict) ? agreeRadio : disagreeRadio);
        }
    }

    @FXML
    private void apply() {
        model.refresh();
    }

    @FXML
    private void review() {
        model.review();
    }

    /** The personal-data law: who opened this application's detail, photo or signature, when. */
    @FXML
    private void accesses() {
        model.loadAccesses(lines -> {
            javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                    javafx.scene.control.Alert.AlertType.INFORMATION);
            alert.initOwner(table.getScene().getWindow());
            alert.setTitle(i18n.get("annulments.accesses.title"));
            alert.setHeaderText(model.selectedProperty().get() == null ? ""
                    : model.selectedProperty().get().ticketNumber());
            alert.setContentText(lines.isEmpty() ? i18n.get("annulments.accesses.none") : String.join("\n", lines));
            alert.show();
        });
    }

    @FXML
    private void export() {
        String name = "annulments-" + model.today() + ".csv";
        saveDialog.ask(table.getScene().getWindow(), i18n.get("annulments.export"), name,
                i18n.get("annulments.export.filter"), "csv").ifPresent(model::export);
    }

    private static ReadOnlyStringWrapper text(String s) {
        return new ReadOnlyStringWrapper(s == null ? "" : s);
    }

    /** Shows the choices, including null ("all"), in the user's words; the default cell shows null as blank. */
    private static <T> void choices(ComboBox<T> box, Function<T, String> show) {
        box.setCellFactory(list -> new ChoiceCell<>(show));
        box.setButtonCell(new ChoiceCell<>(show));
    }

    private static final class ChoiceCell<T> extends ListCell<T> {
        private final Function<T, String> show;

        ChoiceCell(Function<T, String> show) {
            this.show = show;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty && item == null && getIndex() >= 0 ? null : show.apply(item));
        }
    }
}
