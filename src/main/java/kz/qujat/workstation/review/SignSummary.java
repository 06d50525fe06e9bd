package kz.qujat.workstation.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.scene.image.Image;
import kz.qujat.api.ApplicationDetail;
import kz.qujat.api.DecisionDocument;
import kz.qujat.domain.AnnulmentReason;
import kz.qujat.inspect.Verdict;
import kz.qujat.workstation.I18n;

/**
 * The decision about to be signed, in words: whose application, which ticket, approve or annul and why, the
 * comment, the photo and signature whose hashes the document binds, and, for an approval, the checks that
 * failed (the officer confirms those explicitly). The canonical document itself is shown on request.
 */
public record SignSummary(String applicant, String ticket, boolean approve, AnnulmentReason reasonCode,
                          String comment, List<CheckLine> failed, Image photo, Image signature, String document) {

    static SignSummary of(ApplicationDetail d, ReviewViewModel.Images images, DecisionDocument doc,
                          AnnulmentReason reason, List<CheckLine> checks) {
        boolean approve = DecisionDocument.APPROVE.equals(doc.decision());
        List<CheckLine> failed = approve ? checks.stream().filter(c -> c.verdict() == Verdict.FAIL).toList() : List.of();
        return new SignSummary(name(d.form()), d.ticketNumber(), approve, reason, doc.comment(), failed,
                images.photoImage(), images.signatureImage(),
                new String(doc.canonicalBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Approve or annul, in the language in use (worded when shown, so a language switch words it again). */
    public String decision(I18n i18n) {
        return i18n.get(approve ? "review.sign.summary.approve" : "review.sign.summary.annul");
    }

    /** The annulment reason in words; null for an approval. */
    public String reason(I18n i18n) {
        return reasonCode == null ? null : i18n.get("review.annul.reason." + reasonCode.name());
    }

    /** The names of the failing checks the officer approves over. */
    public List<String> failedChecks(I18n i18n) {
        return failed.stream().map(c -> c.name(i18n)).toList();
    }

    /** The applicant as the form names them: surname, given name, patronymic. */
    static String name(JsonNode form) {
        if (form == null) {
            return "";
        }
        return Stream.of("surname", "givenName", "patronymic").filter(form::hasNonNull)
                .map(f -> form.get(f).asText().strip()).filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
    }

    /** An approval over failing checks needs the officer's explicit confirmation. */
    public boolean needsOverride() {
        return !failed.isEmpty();
    }
}
