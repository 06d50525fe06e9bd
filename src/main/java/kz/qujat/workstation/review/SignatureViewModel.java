package kz.qujat.workstation.review;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.image.Image;
import kz.qujat.inspect.SafeImage;
import kz.qujat.inspect.SignatureComparison;

/**
 * The signature tools: the submitted and the register signature as they are or binarised, and their
 * comparison (ink crops at one height, colour overlay, table of measures) — a visual aid, never a verdict.
 */
public final class SignatureViewModel {
    private final InspectionServices services;
    private final Consumer<Exception> onFailure;
    private final BooleanProperty binarised = new SimpleBooleanProperty(false);
    private final BooleanProperty compareShown = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<Views> views = new ReadOnlyObjectWrapper<>();
    private int generation;

    /**
     * One line of the comparison table: the measure's label key, the number pattern and both values (the register's
     * NaN where the measure belongs to the pair); worded in the language in use when shown.
     */
    public record Row(String labelKey, String pattern, double submittedValue, double registryValue) {
        public String submitted(Locale locale) {
            return String.format(locale, pattern, submittedValue);
        }

        public String registry(Locale locale) {
            return Double.isNaN(registryValue) ? "" : String.format(locale, pattern, registryValue);
        }
    }

    /** The binarised images and the comparison; the ink crops, overlay and rows are null without a register signature. */
    public record Views(Image submittedBinary, Image registryBinary, Image submittedInk, Image registryInk,
                        Image overlay, List<Row> rows) {
    }

    public SignatureViewModel(InspectionServices services, Consumer<Exception> onFailure) {
        this.services = services;
        this.onFailure = onFailure;
    }

    public void load(byte[] submitted, byte[] registry) {
        int run = ++generation;
        views.set(null);
        SafeImage decoder = SafeImage.fromThresholds(services.thresholds());
        services.tasks().run(() -> {
            BufferedImage a = decode(decoder, submitted);
            BufferedImage b = decode(decoder, registry);
            SignatureComparison.Result c = a != null && b != null ? SignatureComparison.compare(a, b) : null;
            // the binarised scans are shown 80 px high, as the signatures are
            int shown = (int) ReviewViewModel.Images.SIGNATURE_HEIGHT;
            return new Views(a == null ? null : FxImages.of(SignatureComparison.binarised(a), shown),
                    b == null ? null : FxImages.of(SignatureComparison.binarised(b), shown),
                    c == null ? null : FxImages.of(c.submittedInk()), c == null ? null : FxImages.of(c.registryInk()),
                    c == null ? null : FxImages.of(c.overlay()), c == null ? List.of() : rows(c));
        }, v -> {
            if (run == generation) {
                views.set(v);
            }
        }, e -> {
            if (run == generation) {
                onFailure.accept(e);
            }
        });
    }

    public void clear() {
        generation++;
        views.set(null);
    }

    private static BufferedImage decode(SafeImage decoder, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        SafeImage.Result r = decoder.decode(bytes);
        return r.ok() ? r.image() : null;
    }

    /** The table of PHOTO-SIGNATURE.md; the correlations belong to the pair, shown in the submitted column. */
    static List<Row> rows(SignatureComparison.Result c) {
        SignatureComparison.Measures s = c.submitted();
        SignatureComparison.Measures r = c.registry();
        return List.of(
                new Row("review.signature.aspect", "%.2f", s.aspectRatio(), r.aspectRatio()),
                new Row("review.signature.density", "%.1f %%", 100 * s.inkDensity(), 100 * r.inkDensity()),
                new Row("review.signature.slant", "%.0f°", s.slantDegrees(), r.slantDegrees()),
                new Row("review.signature.strokes", "%.0f", s.strokes(), r.strokes()),
                new Row("review.signature.profileX", "%.2f", c.horizontalProfileCorrelation(), Double.NaN),
                new Row("review.signature.profileY", "%.2f", c.verticalProfileCorrelation(), Double.NaN));
    }

    public void toggleBinarised() {
        binarised.set(!binarised.get());
    }

    public void toggleCompare() {
        compareShown.set(!compareShown.get());
    }

    public BooleanProperty binarisedProperty() {
        return binarised;
    }

    public BooleanProperty compareShownProperty() {
        return compareShown;
    }

    public ReadOnlyObjectProperty<Views> viewsProperty() {
        return views.getReadOnlyProperty();
    }
}
