package kz.qujat.workstation.review;

import java.time.Instant;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import kz.qujat.api.ApplicationDetail;
import kz.qujat.api.DecisionDocument;
import kz.qujat.api.Paths;
import kz.qujat.domain.AnnulmentReason;
import kz.qujat.workstation.I18n;
import kz.qujat.workstation.LocalText;
import kz.qujat.workstation.Phrase;
import kz.qujat.workstation.Screens;
import kz.qujat.workstation.SessionScope;
import kz.qujat.workstation.UserSettings;
import kz.qujat.workstation.outbox.OutboxEntry;
import kz.qujat.workstation.outbox.DecisionRelay;

/**
 * The review of the claimed application: form against register, eligibility, the four images and the
 * automated checks (loaded and run in the background), and the decision: the exact document to be signed
 * is prepared and shown, then signed with the password, stored in the outbox and sent.
 */
public final class ReviewViewModel {
    /** What the decision panel is doing. */
    public enum Step { NONE, ANNUL_FORM, CONFIRM }

    private final SessionScope scope;
    private final ReviewServices services;
    private final I18n i18n;
    private final DecisionSigner signer;
    private final DecisionRelay relay;
    private final ObservableList<Comparison> comparisons = FXCollections.observableArrayList();
    private final InspectionViewModel inspection;
    private final SignatureViewModel signatures;
    private final LocalText eligibility;
    private final ReadOnlyBooleanWrapper eligible = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Images> images = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SamePersonAid> samePerson = new ReadOnlyObjectWrapper<>();
    private final kz.qujat.inspect.SamePerson.Calibration samePersonRates;
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.NONE);
    private final ObjectProperty<AnnulmentReason> reason = new SimpleObjectProperty<>();
    private final StringProperty comment = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper documentText = new ReadOnlyStringWrapper("");
    private final LocalText message;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<SignSummary> summary = new ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.BooleanProperty overrideConfirmed =
            new javafx.beans.property.SimpleBooleanProperty(false);
    // held here, not created per call: a binding only its listeners reference can be collected and go quiet
    private final BooleanBinding canDecide;
    private final BooleanBinding canApprove;
    private final BooleanBinding canSign;
    private final BooleanBinding annulReady = Bindings.createBooleanBinding(() -> reason.get() != null
            && (!reason.get().commentRequired() || !comment.get().isBlank()), reason, comment);
    private DecisionDocument prepared;
    private com.fasterxml.jackson.databind.node.ObjectNode preparedNote;

    /**
     * The four images as served (the bytes are what the decision hashes and what the checks measure) and, decoded
     * off the FX thread for display, the photos as the viewers show them (a copy no larger than drawn, the original
     * decoded only while zoomed past it) and the signatures at twice the height they are shown; the register's may
     * be null when the register has none.
     */
    public record Images(byte[] photo, byte[] signature, byte[] registryPhoto, byte[] registrySignature,
                         ShownImage photoShown, Image signatureImage, ShownImage registryPhotoShown,
                         Image registrySignatureImage) {
        /** Twice the height of the signature views (80 px): sharp on a screen scaled ×2, and a fraction of a scan. */
        static final double SIGNATURE_HEIGHT = 160;

        static Images decoded(byte[] photo, byte[] signature, byte[] registryPhoto, byte[] registrySignature) {
            return new Images(photo, signature, registryPhoto, registrySignature, ShownImage.of(photo),
                    signatureImage(signature), ShownImage.of(registryPhoto), signatureImage(registrySignature));
        }

        /** The submitted photo as shown (its thumbnail in the signing panel too). */
        public Image photoImage() {
            return photoShown == null ? null : photoShown.copy();
        }

        private static Image signatureImage(byte[] bytes) {
            return ShownImage.fitted(bytes, 4 * SIGNATURE_HEIGHT, SIGNATURE_HEIGHT);
        }
    }

    /** {@code services}: the image checks, the outbox and the settings of the running workstation. */
    public ReviewViewModel(SessionScope scope, ReviewServices services) {
        this.scope = scope;
        this.services = services;
        this.i18n = scope.i18n();
        this.eligibility = new LocalText(i18n);
        this.message = new LocalText(i18n);
        this.signer = new DecisionSigner(services, scope.session());
        this.relay = scope.relay();
        this.samePersonRates = kz.qujat.inspect.SamePerson.Calibration.of(services.thresholds());
        this.canDecide = Bindings.createBooleanBinding(() -> scope.desk().current() != null && images.get() != null
                && !busy.get() && step.get() == Step.NONE, scope.desk().currentProperty(), images, busy, step);
        this.inspection = new InspectionViewModel(services, e -> message.set(scope.failed(e)));
        this.signatures = new SignatureViewModel(services, e -> message.set(scope.failed(e)));
        this.canApprove = canDecide.and(inspection.runningProperty().not());
        this.canSign = Bindings.createBooleanBinding(() -> step.get() == Step.CONFIRM && !busy.get()
                && summary.get() != null && (!summary.get().needsOverride() || overrideConfirmed.get()),
                step, busy, summary, overrideConfirmed);
        scope.desk().currentProperty().addListener((o, a, d) -> load(d));
        load(scope.desk().current());
    }

    public ReadOnlyObjectProperty<ApplicationDetail> detailProperty() {
        return scope.desk().currentProperty();
    }

    public ObservableList<Comparison> comparisons() {
        return comparisons;
    }

    public InspectionViewModel inspection() {
        return inspection;
    }

    public SignatureViewModel signatures() {
        return signatures;
    }

    /** The same-person check computed at intake, with its measured error rates (null while nothing is open). */
    public ReadOnlyObjectProperty<SamePersonAid> samePersonProperty() {
        return samePerson.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty eligibilityProperty() {
        return eligibility.property();
    }

    public ReadOnlyBooleanProperty eligibleProperty() {
        return eligible.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Images> imagesProperty() {
        return images.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ObjectProperty<AnnulmentReason> reasonProperty() {
        return reason;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public ReadOnlyStringProperty documentTextProperty() {
        return documentText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.property();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The prepared decision in words (null when nothing is prepared). */
    public ReadOnlyObjectProperty<SignSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The officer confirms approving although checks failed (asked only then). */
    public javafx.beans.property.BooleanProperty overrideConfirmedProperty() {
        return overrideConfirmed;
    }

    /** Approval waits for the checks: the officer must see what failed before approving over it. */
    public BooleanBinding canApproveBinding() {
        return canApprove;
    }

    /** Signing is possible once prepared, not busy, and with failing checks only after the explicit confirmation. */
    public BooleanBinding canSignBinding() {
        return canSign;
    }

    public String officerText() {
        return scope.session().staffName() + " · " + i18n.get("login.card.iin") + " " + scope.session().staffIin();
    }

    public String keyText() {
        return i18n.get("review.sign.key", scope.session().keys().displayName());
    }

    /** Decisions may start when the images are in and nothing else is under way. */
    public BooleanBinding canDecideBinding() {
        return canDecide;
    }

    /** The annulment form is complete: a reason, and a comment where the reason requires one. */
    public BooleanBinding annulReadyBinding() {
        return annulReady;
    }

    public boolean openNextAfterDecision() {
        return services.settings().flag(UserSettings.OPEN_NEXT, true);
    }

    public void setOpenNextAfterDecision(boolean on) {
        services.settings().put(UserSettings.OPEN_NEXT, Boolean.toString(on));
    }

    private void load(ApplicationDetail d) {
        comparisons.clear();
        inspection.clear();
        signatures.clear();
        images.set(null);
        samePerson.set(d == null ? null : new SamePersonAid(d.samePerson(), samePersonRates));
        step.set(Step.NONE);
        prepared = null;
        summary.set(null);
        message.clear();
        if (d == null) {
            eligibility.clear();
            eligible.set(false);
            return;
        }
        comparisons.setAll(Comparison.of(d));
        ApplicationDetail.EligibilityInfo e = d.eligibility();
        if (e != null) {
            eligible.set(e.eligibleOnRequestDay());
            long days = e.daysFromExpiry();
            String rule = e.rule();
            eligibility.set(e.eligibleOnRequestDay() ? "review.eligible" : "review.notEligible",
                    (Phrase) words -> ExpiryText.of(words, days), (Phrase) words -> RuleText.of(words, rule),
                    String.valueOf(d.policyVersion()));
        }
        var client = scope.session().client();
        boolean regPhoto = d.registry() != null && d.registry().hasPhoto();
        boolean regSignature = d.registry() != null && d.registry().hasSignature();
        scope.tasks().run(() -> Images.decoded(client.image(Paths.PHOTO, d.id()), client.image(Paths.SIGNATURE, d.id()),
                regPhoto ? client.image(Paths.REGISTRY_PHOTO, d.id()) : null,
                regSignature ? client.image(Paths.REGISTRY_SIGNATURE, d.id()) : null), loaded -> {
                    if (d.equals(scope.desk().current())) {
                        images.set(loaded);
                        inspection.load(loaded.photo(), loaded.signature());
                        signatures.load(loaded.signature(), loaded.registrySignature());
                    }
                }, e2 -> message.set(scope.failed(e2)));
    }

    /** Prepares the approval: the exact document is shown before the password is asked. */
    public void startApprove() {
        if (inspection.runningProperty().get()) {
            message.set("review.checks.wait");
            return;
        }
        prepare(DecisionDocument.APPROVE, null, null);
    }

    public void startAnnul() {
        reason.set(null);
        comment.set("");
        step.set(Step.ANNUL_FORM);
    }

    /** Prepares the annulment once the reason (and comment, where required) is given. */
    public void confirmAnnulForm() {
        if (!annulReadyBinding().get()) {
            message.set("review.annul.commentRequired");
            return;
        }
        String c = comment.get().isBlank() ? null : comment.get().trim();
        prepare(DecisionDocument.ANNUL, reason.get().name(), c);
    }

    private void prepare(String decision, String reasonCode, String commentText) {
        ApplicationDetail d = scope.desk().current();
        Images loaded = images.get();
        if (d == null || loaded == null || busy.get()) {
            return;
        }
        busy.set(true);
        Instant at = Instant.now(scope.clock());
        var client = scope.session().client();
        var outbox = services.outbox();
        // the outbox is a folder and the images are hashed: both off the FX thread
        scope.tasks().run(() -> outbox.holds(d.id()) ? java.util.Optional.<DecisionDocument>empty()
                : java.util.Optional.of(client.decisionDocument(d, loaded.photo(), loaded.signature(), decision,
                        reasonCode, commentText, at)), doc -> {
                    busy.set(false);
                    if (!d.equals(scope.desk().current()) || images.get() != loaded) {
                        return;
                    }
                    if (doc.isEmpty()) {
                        message.set("review.sign.alreadySigned");
                        return;
                    }
                    prepared = doc.get();
                    preparedNote = inspection.note();
                    if (samePerson.get() != null) {
                        // what the officer saw next to the photos goes with the decision
                        samePerson.get().putInto(preparedNote);
                    }
                    documentText.set(new String(prepared.canonicalBytes(), java.nio.charset.StandardCharsets.UTF_8));
                    overrideConfirmed.set(false);
                    SignSummary words = SignSummary.of(d, loaded, prepared,
                            reasonCode == null ? null : AnnulmentReason.valueOf(reasonCode), inspection.checks());
                    summary.set(words);
                    message.set(words.needsOverride() ? "review.sign.confirmFailed" : "review.sign.askPassword");
                    step.set(Step.CONFIRM);
                }, e -> {
                    busy.set(false);
                    message.set(scope.failed(e));
                });
    }

    public void cancelDecision() {
        prepared = null;
        summary.set(null);
        overrideConfirmed.set(false);
        documentText.set("");
        message.clear();
        step.set(Step.NONE);
    }

    /** Signs the prepared document, stores it in the outbox, then sends it. The password array is cleared. */
    public void sign(char[] password) {
        DecisionDocument doc = prepared;
        var note = preparedNote;
        if (doc == null || busy.get()) {
            java.util.Arrays.fill(password, '\0');
            return;
        }
        SignSummary words = summary.get();
        if (words != null && words.needsOverride() && !overrideConfirmed.get()) {
            java.util.Arrays.fill(password, '\0');
            message.set("review.sign.confirmFailed");
            return;
        }
        busy.set(true);
        scope.tasks().run(() -> signer.signAndStore(doc, note, password), entry -> {
            prepared = null;
            summary.set(null);
            step.set(Step.NONE);
            message.set("review.sign.stored");
            deliver(entry);
        }, e -> {
            busy.set(false);
            message.set(e instanceof DecisionSigner.Refused r ? Phrase.of(r.messageKey()) : scope.failed(e));
        });
    }

    private void deliver(OutboxEntry entry) {
        scope.tasks().run(() -> relay.send(entry), sent -> {
            busy.set(false);
            scope.status().undelivered(sent.pending());
            switch (sent.outcome()) {
                case DELIVERED -> scope.status().info(Phrase.of("review.decided." + entry.decision(), entry.ticketNumber()));
                case REJECTED -> scope.status().error(Phrase.of("review.sign.rejected", entry.ticketNumber()));
                case POSTPONED -> scope.status().error(Phrase.of("review.sign.queued", entry.ticketNumber()));
            }
            finished();
        }, e -> {
            busy.set(false);
            scope.status().error(Phrase.of("review.sign.queued", entry.ticketNumber()));
            finished();
        });
    }

    /** The application is off the desk: open the next one if the officer wants, else go back to the queue. */
    private void finished() {
        scope.desk().currentProperty().set(null);
        if (openNextAfterDecision()) {
            scope.tasks().run(() -> scope.session().client().next().orElse(null), next -> {
                if (next != null) {
                    scope.desk().currentProperty().set(next);
                } else {
                    scope.status().info(Phrase.of("queue.empty"));
                    scope.show(Screens.QUEUE);
                }
            }, e -> {
                scope.failed(e);
                scope.show(Screens.QUEUE);
            });
        } else {
            scope.show(Screens.QUEUE);
        }
    }

    /** Gives the application back to the queue without a decision. */
    public void release() {
        ApplicationDetail d = scope.desk().current();
        if (d == null || busy.get()) {
            return;
        }
        busy.set(true);
        scope.tasks().run(() -> {
            scope.session().client().release(d.id());
            return d;
        }, released -> {
            busy.set(false);
            scope.desk().currentProperty().set(null);
            scope.status().info(Phrase.of("review.released", released.ticketNumber()));
            scope.show(Screens.QUEUE);
        }, e -> {
            busy.set(false);
            message.set(scope.failed(e));
        });
    }
}
