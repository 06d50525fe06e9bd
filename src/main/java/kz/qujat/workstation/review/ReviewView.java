package kz.qujat.workstation.review;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import kz.qujat.api.ApplicationDetail;
import kz.qujat.domain.AnnulmentReason;
import kz.qujat.inspect.Verdict;
import kz.qujat.workstation.I18n;
import kz.qujat.workstation.Subscriptions;

/** The review screen's controller: binds the comparison, images, checks and the decision panel. */
public final class ReviewView {
    private final ReviewViewModel model;
    private final I18n i18n;
    private final ImageToolsView tools;
    private final javafx.scene.Parent toolsRoot;
    private final Subscriptions subscriptions;

    @FXML private VBox emptyPane;
    @FXML private VBox reviewPane;
    @FXML private Label ticketLabel;
    @FXML private Label submittedLabel;
    @FXML private GridPane comparisonGrid;
    @FXML private Label eligibilityLabel;
    @FXML private Label checksRunningLabel;
    @FXML private TableView<CheckLine> checksTable;
    @FXML private TableColumn<CheckLine, String> checkNameColumn;
    @FXML private TableColumn<CheckLine, String> checkValueColumn;
    @FXML private TableColumn<CheckLine, Verdict> checkVerdictColumn;
    @FXML private TableColumn<CheckLine, String> checkWhyColumn;
    @FXML private Button approveButton;
    @FXML private Button annulButton;
    @FXML private Button releaseButton;
    @FXML private CheckBox openNextBox;
    @FXML private Label messageLabel;
    @FXML private VBox annulPane;
    @FXML private VBox reasonList;
    /** Set when a key press was taken as a command: its KEY_TYPED twin is dropped. */
    private boolean swallowTyped;
    private final javafx.scene.control.ToggleGroup reasons = new javafx.scene.control.ToggleGroup();
    @FXML private TextArea commentArea;
    @FXML private Button annulContinueButton;
    @FXML private VBox confirmPane;
    @FXML private TextArea documentArea;
    @FXML private Label signApplicant;
    @FXML private Label signTicket;
    @FXML private Label signDecision;
    @FXML private Label signReasonKey;
    @FXML private Label signReason;
    @FXML private Label signCommentKey;
    @FXML private Label signComment;
    @FXML private javafx.scene.image.ImageView signPhoto;
    @FXML private javafx.scene.image.ImageView signSignature;
    @FXML private VBox failedBox;
    @FXML private Label failedLabel;
    @FXML private CheckBox overrideBox;
    @FXML private javafx.scene.control.TitledPane documentPane;
    @FXML private Label officerLabel;
    @FXML private Label keyLabel;
    @FXML private PasswordField signPasswordField;
    @FXML private Button signButton;
    @FXML private Label signMessageLabel;
    @FXML private javafx.scene.layout.StackPane decisionLayer;
    @FXML private javafx.scene.control.ScrollPane toolsHost;

    public ReviewView(ReviewViewModel model, I18n i18n, ImageToolsView tools, javafx.scene.Parent toolsRoot,
                      Subscriptions subscriptions) {
        this.model = model;
        this.i18n = i18n;
        this.tools = tools;
        this.toolsRoot = toolsRoot;
        this.subscriptions = subscriptions;
    }

    @FXML
    private void initialize() {
        emptyPane.visibleProperty().bind(model.detailProperty().isNull());
        reviewPane.visibleProperty().bind(model.detailProperty().isNotNull());
        subscriptions.onChange(model.detailProperty(), (o, a, d) -> showHeader(d));
        showHeader(model.detailProperty().get());
        subscriptions.onListChange(model.comparisons(), c -> showComparisons());
        showComparisons();
        eligibilityLabel.textProperty().bind(model.eligibilityProperty());
        subscriptions.onChange(model.eligibleProperty(), (o, a, ok) -> styleEligibility());
        styleEligibility();
        toolsHost.setContent(toolsRoot);
        setUpChecks();
        // the tools' keys work wherever the focus is in the window (it may sit on the shell's language box)
        // while this screen is shown; text fields keep their keys, and so do the decision panels
        javafx.event.EventHandler<javafx.scene.input.KeyEvent> keys = e -> {
            swallowTyped = false;
            if (reviewPane.isVisible() && !decisionLayer.isVisible()
                    && !(e.getTarget() instanceof javafx.scene.control.TextInputControl)
                    && !(e.getTarget() instanceof javafx.scene.control.ComboBoxBase<?> box && box.isShowing())
                    && (decisionKey(e) || tools.handleKey(e))) {
                e.consume();
                swallowTyped = true;
            }
        };
        // a key that opened a panel must not also type its letter into the field that now has the focus
        javafx.event.EventHandler<javafx.scene.input.KeyEvent> typed = e -> {
            if (swallowTyped) {
                swallowTyped = false;
                e.consume();
            }
        };
        subscriptions.onDispose(() -> {
            if (reviewPane.getScene() != null) {
                reviewPane.getScene().removeEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, keys);
                reviewPane.getScene().removeEventFilter(javafx.scene.input.KeyEvent.KEY_TYPED, typed);
            }
        });
        reviewPane.sceneProperty().addListener((o, before, scene) -> {
            if (before != null) {
                before.removeEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, keys);
                before.removeEventFilter(javafx.scene.input.KeyEvent.KEY_TYPED, typed);
            }
            if (scene != null) {
                scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, keys);
                scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_TYPED, typed);
            }
        });
        subscriptions.onChange(model.detailProperty(), (o, a, d) -> {
            if (d != null && reviewPane.getScene() != null) {
                javafx.application.Platform.runLater(checksTable::requestFocus);
            }
        });
        approveButton.disableProperty().bind(model.canApproveBinding().not());
        approveButton.setTooltip(new javafx.scene.control.Tooltip(i18n.get("review.approve.tooltip")));
        annulButton.setTooltip(new javafx.scene.control.Tooltip(i18n.get("review.annul.tooltip")));
        releaseButton.setTooltip(new javafx.scene.control.Tooltip(i18n.get("review.release.tooltip")));
        annulButton.disableProperty().bind(model.canDecideBinding().not());
        subscriptions.onDispose(() -> {
            approveButton.disableProperty().unbind();
            annulButton.disableProperty().unbind();
        });
        releaseButton.disableProperty().bind(model.busyProperty().or(model.detailProperty().isNull()));
        openNextBox.setSelected(model.openNextAfterDecision());
        openNextBox.selectedProperty().addListener((o, a, on) -> model.setOpenNextAfterDecision(on));
        messageLabel.textProperty().bind(model.messageProperty());
        setUpDecisionPanels();
        // the queue's table that had the focus is gone (or the view was built again in another language while a
        // decision was open): keep the keyboard on this screen, in the open panel if there is one
        javafx.application.Platform.runLater(() -> focusFor(model.stepProperty().get()));
    }

    private void focusFor(ReviewViewModel.Step s) {
        if (s == ReviewViewModel.Step.CONFIRM) {
            SignSummary words = model.summaryProperty().get();
            (words != null && words.needsOverride() && !overrideBox.isSelected() ? overrideBox : signPasswordField)
                    .requestFocus();
        } else if (s == ReviewViewModel.Step.ANNUL_FORM) {
            reasons.getToggles().stream().filter(javafx.scene.control.Toggle::isSelected).findFirst()
                    .map(t -> (javafx.scene.Node) t).orElse(reasonList.getChildren().get(0)).requestFocus();
        } else if (reviewPane.isVisible()) {
            checksTable.requestFocus();
        }
    }

    /** A (approve) and N (annul) open the decision from anywhere on the screen; plain keys, no modifier. */
    private boolean decisionKey(javafx.scene.input.KeyEvent e) {
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShortcutDown()) {
            return false;
        }
        if (e.getCode() == javafx.scene.input.KeyCode.A && !approveButton.isDisabled()) {
            model.startApprove();
            return true;
        }
        if (e.getCode() == javafx.scene.input.KeyCode.N && !annulButton.isDisabled()) {
            model.startAnnul();
            return true;
        }
        return false;
    }

    private void showHeader(ApplicationDetail d) {
        if (d == null) {
            ticketLabel.setText("");
            submittedLabel.setText("");
            return;
        }
        ticketLabel.setText(i18n.get("review.ticket", d.ticketNumber()));
        submittedLabel.setText(i18n.get("review.submitted", kz.qujat.workstation.Dates.dateTime(d.submittedAt()),
                i18n.regionName(d.region())));
    }

    private void showComparisons() {
        comparisonGrid.getChildren().clear();
        comparisonGrid.addRow(0, header("review.column.field"), header("review.column.form"),
                header("review.column.register"));
        int row = 1;
        for (Comparison c : model.comparisons()) {
            Label form = new Label(c.form() == null ? "—" : c.form());
            Label register = new Label(c.register() == null ? "—" : c.register());
            if (c.differs()) {
                form.getStyleClass().add("differs");
                register.getStyleClass().add("differs");
                form.setId("differs-" + c.labelKey());
            }
            comparisonGrid.addRow(row++, new Label(i18n.get(c.labelKey())), form, register);
        }
    }

    private Label header(String key) {
        Label l = new Label(i18n.get(key));
        l.getStyleClass().add("section-title");
        return l;
    }

    private void styleEligibility() {
        eligibilityLabel.getStyleClass().removeAll("success", "danger");
        eligibilityLabel.getStyleClass().add(model.eligibleProperty().get() ? "success" : "danger");
    }

    private void setUpChecks() {
        InspectionViewModel inspection = model.inspection();
        checksRunningLabel.visibleProperty().bind(inspection.runningProperty());
        checksTable.setItems(inspection.checks());
        kz.qujat.workstation.TableText.fitHeaders(checksTable);
        checksTable.getSelectionModel().selectedItemProperty().addListener((o, a, line) -> inspection.select(line));
        checksTable.setPlaceholder(new Label(i18n.get("review.checks.none")));
        checksTable.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(CheckLine line, boolean empty) {
                super.updateItem(line, empty);
                setTooltip(empty || line == null ? null
                        : new javafx.scene.control.Tooltip(line.name(i18n) + " (" + line.check() + ")\n" + line.explanation(i18n)
                                + (line.threshold().isEmpty() ? "" : "\n" + line.threshold())));
            }
        });
        checkNameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name(i18n)));
        checkNameColumn.setCellFactory(col -> new kz.qujat.workstation.WrappingCell<>());
        checkValueColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().measured(i18n)));
        checkVerdictColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().verdict()));
        checkVerdictColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Verdict v, boolean empty) {
                super.updateItem(v, empty);
                getStyleClass().removeIf(s -> s.startsWith("verdict-"));
                setText(empty || v == null ? null : i18n.get("review.checks.verdict." + v.name()));
                if (!empty && v != null) {
                    getStyleClass().add("verdict-" + v.name());
                }
            }
        });
        checkWhyColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().explanation(i18n)));
        // the explanation is read in the table itself, wrapped over as many lines as it needs, not in a tooltip
        checkWhyColumn.setCellFactory(col -> new kz.qujat.workstation.WrappingCell<>());
    }

    private void setUpDecisionPanels() {
        annulPane.visibleProperty().bind(model.stepProperty().isEqualTo(ReviewViewModel.Step.ANNUL_FORM));
        confirmPane.visibleProperty().bind(model.stepProperty().isEqualTo(ReviewViewModel.Step.CONFIRM));
        decisionLayer.visibleProperty().bind(model.stepProperty().isNotEqualTo(ReviewViewModel.Step.NONE));
        signMessageLabel.textProperty().bind(model.messageProperty());
        int n = 1;
        for (AnnulmentReason r : AnnulmentReason.values()) {
            javafx.scene.control.RadioButton b = new javafx.scene.control.RadioButton(
                    n++ + "  " + i18n.get("review.annul.reason." + r.name()));
            b.setId("annulReason-" + r.name());
            b.setUserData(r);
            b.setToggleGroup(reasons);
            b.setWrapText(true);
            reasonList.getChildren().add(b);
        }
        reasons.selectedToggleProperty().addListener((o, a, t) -> {
            AnnulmentReason r = t == null ? null : (AnnulmentReason) t.getUserData();
            if (model.reasonProperty().get() != r) {
                model.reasonProperty().set(r);
            }
        });
        subscriptions.onChange(model.reasonProperty(), (o, a, r) -> selectReason(r));
        selectReason(model.reasonProperty().get());
        commentArea.textProperty().bindBidirectional(model.commentProperty());
        annulPane.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, this::annulKeys);
        decisionLayer.addEventFilter(javafx.scene.input.KeyEvent.KEY_TYPED, e -> {
            if (swallowTyped) {
                swallowTyped = false;
                e.consume();
            }
        });
        // Esc leaves either decision panel (two panels cannot share the scene's one cancel button)
        decisionLayer.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                e.consume();
                cancelDecision();
            }
        });
        commentArea.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, this::commentKeys);
        annulContinueButton.disableProperty().bind(model.annulReadyBinding().not());
        subscriptions.onDispose(() -> {
            commentArea.textProperty().unbindBidirectional(model.commentProperty());
            annulContinueButton.disableProperty().unbind();
        });
        // a text area holds what its text is bound to strongly: unbound when the view leaves, or the session-long
        // model would keep every old view (one per language switch) with its window tree and images
        subscriptions.bind(documentArea.textProperty(), model.documentTextProperty());
        officerLabel.setText(model.officerText());
        keyLabel.setText(model.keyText());
        signButton.disableProperty().bind(model.canSignBinding().not());
        overrideBox.selectedProperty().bindBidirectional(model.overrideConfirmedProperty());
        subscriptions.onDispose(() -> {
            signButton.disableProperty().unbind();
            overrideBox.selectedProperty().unbindBidirectional(model.overrideConfirmedProperty());
        });
        overrideBox.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                signPasswordField.requestFocus();
            }
        });
        subscriptions.onChange(model.summaryProperty(), (o, a, words) -> showSummary(words));
        showSummary(model.summaryProperty().get());
        // back from a decision panel the keyboard stays on this screen, never on the language box
        subscriptions.onChange(model.stepProperty(), (o, a, s) -> javafx.application.Platform.runLater(() -> focusFor(s)));
    }

    private void selectReason(AnnulmentReason r) {
        reasons.getToggles().forEach(t -> t.setSelected(t.getUserData() == r));
    }

    /** In the annulment form: a digit picks the reason (then the comment, where one is required), Enter continues. */
    private void annulKeys(javafx.scene.input.KeyEvent e) {
        if (e.getTarget() instanceof TextArea) {
            return;
        }
        if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
            e.consume();
            if (e.getTarget() instanceof Button b && b != annulContinueButton) {
                b.fire();
            } else {
                annulContinue();
            }
            return;
        }
        String digit = e.getText();
        AnnulmentReason[] all = AnnulmentReason.values();
        if (digit != null && digit.length() == 1 && digit.charAt(0) >= '1' && digit.charAt(0) < '1' + all.length
                && !e.isControlDown() && !e.isAltDown()) {
            AnnulmentReason r = all[digit.charAt(0) - '1'];
            model.reasonProperty().set(r);
            (r.commentRequired() ? commentArea : annulContinueButton).requestFocus();
            e.consume();
            swallowTyped = true;
        }
    }

    /** In the comment: Enter continues (Shift+Enter is a new line), Tab and Shift+Tab leave the box. */
    private void commentKeys(javafx.scene.input.KeyEvent e) {
        if (e.getCode() == javafx.scene.input.KeyCode.ENTER && !e.isShiftDown()) {
            e.consume();
            annulContinue();
        } else if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
            e.consume();
            commentArea.insertText(commentArea.getCaretPosition(), "\n");
        } else if (e.getCode() == javafx.scene.input.KeyCode.TAB && !e.isControlDown()) {
            e.consume();
            javafx.scene.Node target = e.isShiftDown() ? reasonList.getChildren().get(0) : annulContinueButton.isDisabled()
                    ? reasonList.getChildren().get(0) : annulContinueButton;
            target.requestFocus();
        }
    }

    private void showSummary(SignSummary words) {
        boolean on = words != null;
        signApplicant.setText(on ? words.applicant() : "");
        signTicket.setText(on ? words.ticket() : "");
        signDecision.setText(on ? words.decision(i18n) : "");
        boolean reason = on && words.reasonCode() != null;
        signReason.setText(reason ? words.reason(i18n) : "");
        signReasonKey.setVisible(reason);
        signReason.setVisible(reason);
        boolean comment = on && words.comment() != null;
        signComment.setText(comment ? words.comment() : "");
        signCommentKey.setVisible(comment);
        signComment.setVisible(comment);
        signPhoto.setImage(on ? words.photo() : null);
        signSignature.setImage(on ? words.signature() : null);
        boolean failed = on && words.needsOverride();
        failedBox.setVisible(failed);
        failedBox.setManaged(failed);
        failedLabel.setText(failed ? i18n.get("review.sign.failedChecks", String.join(", ", words.failedChecks(i18n))) : "");
        documentPane.setExpanded(false);
    }

    @FXML
    private void approve() {
        model.startApprove();
    }

    @FXML
    private void annul() {
        model.startAnnul();
    }

    @FXML
    private void release() {
        model.release();
    }

    @FXML
    private void annulContinue() {
        model.confirmAnnulForm();
    }

    @FXML
    private void cancelDecision() {
        signPasswordField.clear();
        model.cancelDecision();
    }

    @FXML
    private void sign() {
        CharSequence typed = signPasswordField.getCharacters();
        char[] password = new char[typed.length()];
        for (int i = 0; i < password.length; i++) {
            password[i] = typed.charAt(i);
        }
        signPasswordField.clear();
        model.sign(password);
    }
}
