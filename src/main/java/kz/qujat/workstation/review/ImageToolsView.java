package kz.qujat.workstation.review;

import javafx.beans.Observable;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import kz.qujat.workstation.I18n;
import kz.qujat.workstation.Subscriptions;

/**
 * The image tools of the review screen (controller of ImageTools.fxml): the two photo viewers with shared
 * zoom and pan, template, face points, manual marking, histogram, and the signature views and comparison.
 * {@link #handleKey} gives every tool its keyboard shortcut.
 */
public final class ImageToolsView {
    private final ReviewViewModel review;
    private final InspectionViewModel model;
    private final SignatureViewModel signatures;
    private final I18n i18n;
    private final Subscriptions subscriptions;
    private PhotoCanvas photo;
    private PhotoCanvas registryPhoto;

    @FXML private Button zoomOutButton;
    @FXML private Button zoomInButton;
    @FXML private Button fitButton;
    @FXML private Button oneToOneButton;
    @FXML private ToggleButton templateButton;
    @FXML private ToggleButton histogramButton;
    @FXML private ToggleButton markButton;
    @FXML private StackPane photoHost;
    @FXML private StackPane registryPhotoHost;
    @FXML private Label facePointsLabel;
    @FXML private VBox samePersonBox;
    @FXML private Label samePersonVerdictLabel;
    @FXML private Label samePersonDetailLabel;
    @FXML private Label samePersonRatesLabel;
    @FXML private Label samePersonAidLabel;
    @FXML private Label markingLabel;
    @FXML private VBox histogramBox;
    @FXML private StackPane histogramHost;
    @FXML private ToggleButton binarisedButton;
    @FXML private ToggleButton compareButton;
    @FXML private ImageView signatureView;
    @FXML private ImageView registrySignatureView;
    @FXML private VBox compareBox;
    @FXML private Label compareMissingLabel;
    @FXML private VBox comparedBox;
    @FXML private ImageView submittedInkView;
    @FXML private ImageView registryInkView;
    @FXML private ImageView overlayView;
    @FXML private GridPane compareGrid;

    public ImageToolsView(ReviewViewModel review, I18n i18n, Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
        this.review = review;
        this.model = review.inspection();
        this.signatures = review.signatures();
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        photo = new PhotoCanvas(model.zoom(), true);
        photo.setId("photoCanvas");
        registryPhoto = new PhotoCanvas(model.zoom(), false);
        registryPhoto.setId("registryPhotoCanvas");
        photoHost.getChildren().add(photo);
        registryPhotoHost.getChildren().add(registryPhoto);
        // the viewers keep the 35×45 shape of the photos at any width, so a fitted photo fills them
        photoHost.prefHeightProperty().bind(photoHost.widthProperty().multiply(45.0 / 35));
        registryPhotoHost.prefHeightProperty().bind(photoHost.widthProperty().multiply(45.0 / 35));
        photo.setOnImageClick(model::click);
        subscriptions.onInvalidate(review.imagesProperty(), o -> showImages());
        showImages();
        subscriptions.onInvalidate(review.samePersonProperty(), o -> showSamePerson());
        showSamePerson();
        subscriptions.onInvalidate(model.templateProperty(), this::overlays);
        subscriptions.onInvalidate(model.landmarksProperty(), this::overlays);
        subscriptions.onInvalidate(model.markedProperty(), this::overlays);
        subscriptions.onInvalidate(model.highlightProperty(), this::overlays);
        subscriptions.onInvalidate(model.templateShownProperty(), this::overlays);
        templateButton.selectedProperty().bindBidirectional(model.templateShownProperty());
        histogramButton.selectedProperty().bindBidirectional(model.histogramShownProperty());
        subscriptions.onDispose(() -> {
            templateButton.selectedProperty().unbindBidirectional(model.templateShownProperty());
            histogramButton.selectedProperty().unbindBidirectional(model.histogramShownProperty());
            binarisedButton.selectedProperty().unbindBidirectional(signatures.binarisedProperty());
            compareButton.selectedProperty().unbindBidirectional(signatures.compareShownProperty());
            photo.dispose();
            registryPhoto.dispose();
        });
        HistogramChart chart = new HistogramChart();
        histogramHost.getChildren().add(chart);
        subscriptions.onChange(model.histogramProperty(), (o, a, bins) -> chart.setBins(bins));
        histogramBox.visibleProperty().bind(model.histogramShownProperty());
        histogramBox.managedProperty().bind(model.histogramShownProperty());
        markButton.setOnAction(e -> model.toggleMarking());
        subscriptions.onInvalidate(model.markingProperty(), o -> showMarking());
        subscriptions.onInvalidate(model.facePointsProperty(), o -> showMarking());
        subscriptions.onInvalidate(model.runningProperty(), o -> showMarking());
        showMarking();
        setUpSignatures();
        tips();
    }

    private void showImages() {
        ReviewViewModel.Images imgs = review.imagesProperty().get();
        photo.setImage(imgs == null ? null : imgs.photoShown());
        registryPhoto.setImage(imgs == null ? null : imgs.registryPhotoShown());
        showSignatures();
    }

    /** The same-person aid under the two photos, in the language of this view (rebuilt on a language switch). */
    private void showSamePerson() {
        SamePersonAid aid = review.samePersonProperty().get();
        samePersonBox.setVisible(aid != null);
        samePersonBox.setManaged(aid != null);
        samePersonVerdictLabel.getStyleClass().removeIf(c -> c.startsWith("same-person-") && !c.equals("same-person-verdict"));
        if (aid == null) {
            return;
        }
        SamePersonAid.Texts t = aid.texts(i18n);
        samePersonVerdictLabel.setText(t.verdict());
        samePersonVerdictLabel.getStyleClass().add(switch (aid.verdict()) {
            case SAME -> "same-person-same";
            case UNSURE -> "same-person-unsure";
            case DIFFERENT -> "same-person-different";
            case NOT_MEASURED -> "same-person-not-measured";
        });
        samePersonDetailLabel.setText(t.detail());
        samePersonRatesLabel.setText(t.rates());
        samePersonAidLabel.setText(t.aid());
    }

    private void overlays(Observable ignored) {
        photo.setOverlays(model.templateShownProperty().get() ? model.templateProperty().get() : null,
                model.landmarksProperty().get(), model.markedProperty().get(), model.highlightProperty().get());
    }

    private void showMarking() {
        PointMarking.Step step = model.markingProperty().get();
        markButton.setSelected(step != null);
        photo.setMarking(step != null);
        boolean show = step != null || model.runningProperty().get();
        markingLabel.setVisible(show);
        markingLabel.setManaged(show);
        markingLabel.setText(step != null && step != PointMarking.Step.DONE
                ? i18n.get("review.mark.step", i18n.get(stepKey(step)), step.ordinal() + 1)
                : model.runningProperty().get() ? i18n.get("review.checks.running") : "");
        facePointsLabel.setText(i18n.get(facePointsKey(model.facePointsProperty().get())));
    }

    private static String stepKey(PointMarking.Step step) {
        return switch (step) {
            case FIRST_EYE -> "review.mark.firstEye";
            case SECOND_EYE -> "review.mark.secondEye";
            case CHIN -> "review.mark.chin";
            default -> "review.mark.crown";
        };
    }

    private static String facePointsKey(InspectionViewModel.FacePoints p) {
        return switch (p) {
            case DETECTED -> "review.facePoints.detected";
            case MANUAL -> "review.facePoints.manual";
            default -> "review.facePoints.none";
        };
    }

    private void setUpSignatures() {
        binarisedButton.selectedProperty().bindBidirectional(signatures.binarisedProperty());
        compareButton.selectedProperty().bindBidirectional(signatures.compareShownProperty());
        compareBox.visibleProperty().bind(signatures.compareShownProperty());
        compareBox.managedProperty().bind(signatures.compareShownProperty());
        subscriptions.onInvalidate(signatures.binarisedProperty(), o -> showSignatures());
        subscriptions.onInvalidate(signatures.viewsProperty(), o -> showSignatures());
        showSignatures();
    }

    private void showSignatures() {
        ReviewViewModel.Images imgs = review.imagesProperty().get();
        SignatureViewModel.Views v = signatures.viewsProperty().get();
        boolean binary = signatures.binarisedProperty().get() && v != null;
        signatureView.setImage(binary ? v.submittedBinary() : imgs == null ? null : imgs.signatureImage());
        registrySignatureView.setImage(binary ? v.registryBinary() : imgs == null ? null : imgs.registrySignatureImage());
        boolean compared = v != null && v.overlay() != null;
        compareMissingLabel.setVisible(!compared);
        compareMissingLabel.setManaged(!compared);
        comparedBox.setVisible(compared);
        comparedBox.setManaged(compared);
        submittedInkView.setImage(compared ? v.submittedInk() : null);
        registryInkView.setImage(compared ? v.registryInk() : null);
        overlayView.setImage(compared ? v.overlay() : null);
        compareGrid.getChildren().clear();
        if (compared) {
            compareGrid.addRow(0, new Label(i18n.get("review.signature.measure")),
                    new Label(i18n.get("review.image.submitted")), new Label(i18n.get("review.image.register")));
            compareGrid.getChildren().forEach(n -> n.getStyleClass().add("text-muted"));
            int row = 1;
            for (SignatureViewModel.Row r : v.rows()) {
                compareGrid.addRow(row++, new Label(i18n.get(r.labelKey())), new Label(r.submitted(i18n.locale())),
                        new Label(r.registry(i18n.locale())));
            }
            // the values and headers keep their width; a long measure's name wraps (the Kazakh ones are long)
            for (javafx.scene.Node n : compareGrid.getChildren()) {
                Label l = (Label) n;
                Integer column = GridPane.getColumnIndex(l);
                if (column == null || column == 0) {
                    l.setWrapText(true);
                    l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                } else {
                    l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                }
            }
        }
    }

    private void tips() {
        tip(zoomOutButton, "review.tool.zoomOut.tip");
        tip(zoomInButton, "review.tool.zoomIn.tip");
        tip(fitButton, "review.tool.fit.tip");
        tip(oneToOneButton, "review.tool.oneToOne.tip");
        tip(templateButton, "review.tool.template.tip");
        tip(histogramButton, "review.tool.histogram.tip");
        tip(markButton, "review.tool.mark.tip");
        tip(binarisedButton, "review.tool.binarised.tip");
        tip(compareButton, "review.tool.compare.tip");
        Tooltip t = new Tooltip(i18n.get("review.tool.photo.tip"));
        t.setShowDelay(Duration.millis(600));
        Tooltip.install(photo, t);
        Tooltip.install(registryPhoto, t);
    }

    private void tip(ButtonBase b, String key) {
        Tooltip t = new Tooltip(i18n.get(key));
        t.setShowDelay(Duration.millis(300));
        b.setTooltip(t);
    }

    /**
     * The shortcuts of the tools; true when the key was one. Ctrl+1… stay the window's navigation, so 1:1
     * is the plain 1 key.
     */
    public boolean handleKey(KeyEvent e) {
        KeyCode k = e.getCode();
        boolean ctrl = e.isShortcutDown();
        if (e.isAltDown()) {
            return false;
        }
        if (k == KeyCode.EQUALS || k == KeyCode.PLUS || k == KeyCode.ADD) {
            model.zoom().zoomIn();
        } else if (k == KeyCode.MINUS || k == KeyCode.SUBTRACT) {
            model.zoom().zoomOut();
        } else if (ctrl && (k == KeyCode.DIGIT0 || k == KeyCode.NUMPAD0)) {
            model.zoom().fit();
        } else if (ctrl) {
            return false;
        } else if (k == KeyCode.DIGIT1 || k == KeyCode.NUMPAD1) {
            model.zoom().oneToOne();
        } else if (k == KeyCode.T) {
            model.toggleTemplate();
        } else if (k == KeyCode.H) {
            model.toggleHistogram();
        } else if (k == KeyCode.M) {
            model.toggleMarking();
        } else if (k == KeyCode.B) {
            signatures.toggleBinarised();
        } else if (k == KeyCode.O) {
            signatures.toggleCompare();
        } else if (k == KeyCode.BACK_SPACE && model.markingProperty().get() != null) {
            model.undoPoint();
        } else if (k == KeyCode.ESCAPE && model.markingProperty().get() != null) {
            model.stopMarking();
        } else {
            return false;
        }
        return true;
    }

    @FXML
    private void zoomIn() {
        model.zoom().zoomIn();
    }

    @FXML
    private void zoomOut() {
        model.zoom().zoomOut();
    }

    @FXML
    private void fit() {
        model.zoom().fit();
    }

    @FXML
    private void oneToOne() {
        model.zoom().oneToOne();
    }
}
