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
public record SignSummary(String applicant, String ticket, String decision, String reason, String comment,
                          List<String> failedChecks, Image photo, Image signature, String document) {

    static SignSummary of(I18n i18n, ApplicationDetail d, ReviewViewModel.Images images, DecisionDocument doc,
                          AnnulmentReason reason, List<CheckLine> checks) {
        boolean approve = DecisionDocument.APPROVE.equals(doc.decision());
        List<String> failed = approve ? checks.stream().filter(c -> c.verdict() == Verdict.FAIL)
                .map(CheckLine::name).toList() : List.of();
        return new SignSummary(name(d.form()), d.ticketNumber(),
                i18n.get(approve ? "review.sign.summary.approve" : "review.sign.summary.annul"),
                reason == null ? null : i18n.get("review.annul.reason." + reason.name()),
                doc.comment(), failed, images.photoImage(), images.signatureImage(),
                new String(doc.canonicalBytes(), java.nio.charset.StandardCharsets.UTF_8));
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
        return !failedChecks.isEmpty();
    }
}
