package kz.qujat.central;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import kz.qujat.api.Canonical;
import kz.qujat.api.DecisionDocument;
import kz.qujat.api.DecisionRequest;
import kz.qujat.api.DecisionResponse;
import kz.qujat.api.Json;
import kz.qujat.api.Problem;
import kz.qujat.api.ProblemKind;
import kz.qujat.api.ProductionOrder;
import kz.qujat.central.store.ApplicationStore;
import kz.qujat.central.store.DecisionStore;
import kz.qujat.domain.AnnulmentReason;
import kz.qujat.domain.PolicyBook;
import kz.qujat.domain.Status;
import kz.qujat.eds.CmsVerifier;
import kz.qujat.eds.KeyPurpose;
import kz.qujat.eds.VerificationResult;
import kz.qujat.server.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * R8–R10: accepts an officer's signed decision only if the signature is valid, made with the signing key of
 * the officer who holds the claim, and the signed document matches the application field by field; then
 * records it with the outbox row (approve) or the refund owed (annul) in one transaction.
 */
public final class DecisionService {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionService.class);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
    private final ApplicationStore applications;
    private final DecisionStore decisions;
    private final ReviewService review;
    private final CmsVerifier verifier;
    private final PolicyBook policies;
    private final Clock clock;
    private final ObjectMapper mapper = Json.mapper();

    public DecisionService(ApplicationStore applications, DecisionStore decisions, ReviewService review,
                           CmsVerifier verifier, PolicyBook policies, Clock clock) {
        this.applications = applications;
        this.decisions = decisions;
        this.review = review;
        this.verifier = verifier;
        this.policies = policies;
        this.clock = clock;
    }

    public DecisionResponse decide(StaffMember officer, UUID id, DecisionRequest request) {
        byte[] document = Base64s.decode("document", request.document());
        byte[] cms = Base64s.decode("cms", request.cms());
        DecisionDocument doc = parse(document);
        VerificationResult r = verifier.verifyDetached(cms, document, KeyPurpose.SIGNING);
        if (r.indeterminate()) {
            LOG.info("decision on {} not confirmed: {}", id, r.failure());
            throw new ApiException(ProblemKind.UNAVAILABLE, "the signature is not confirmed yet (revocation status"
                    + " unavailable); not confirmed, retrying: keep the decision and send it again");
        }
        if (!r.valid()) {
            LOG.info("decision on {} refused: signature {}", id, r.failure());
            throw ApiException.invalid("the decision signature is not valid (" + r.failure() + "): " + r.reason());
        }
        String signerIin = r.profile() == null ? null : r.profile().iin();
        if (!officer.iin().equals(signerIin)) {
            throw ApiException.forbidden("the decision is signed by someone other than the logged-in officer");
        }
        // the application is read once and judged; the decision is recorded only if it is still as judged (an approval's
        // one statement is guarded by it, an annulment checks the locked row again)
        DecisionStore.Result result = decisions.decide(id, read -> {
            ApplicationStore.Row row = review.visible(officer, read);
            if (row.status() != Status.IN_REVIEW) {
                throw ApiException.conflict("the application is in status " + row.status() + ", not IN_REVIEW");
            }
            if (!officer.iin().equals(row.claimedBy())) {
                throw ApiException.forbidden("the decision is not signed by the officer who holds the claim");
            }
            JsonNode form = review.form(row);
            checkFields(doc, row, officer, form);
            return new DecisionStore.Decision(id, doc.decision(), doc.reason(), doc.comment(), officer.iin(),
                    doc.decidedAt(), document, cms, r.evidence().timestampToken(), r.evidence().ocspResponse(),
                    DecisionDocument.APPROVE.equals(doc.decision()) ? order(row, form, document, cms) : null,
                    policies.version(row.policyVersion()).map(p -> p.feeTiyn()).orElse(0L), inspection(request));
        }, clock.instant());
        switch (result.outcome()) {
            case NOT_FOUND -> throw ApiException.notFound("no such application");
            case WRONG_STATUS -> throw ApiException.conflict("the application is in status " + result.status());
            case NOT_HOLDER -> throw ApiException.forbidden("the decision is not signed by the officer who holds the claim");
            case CLAIM_EXPIRED -> throw ApiException.conflict("your claim on the application has expired; claim it again");
            default -> LOG.info("application {} decided: {} -> {}", id, doc.decision(), result.status());
        }
        return new DecisionResponse(result.status().name());
    }

    /** The officer's inspection note: a JSON object of bounded size, or nothing. */
    private static String inspection(DecisionRequest request) {
        if (request.inspection() == null || request.inspection().isNull()) {
            return null;
        }
        if (!request.inspection().isObject()) {
            throw ApiException.invalid("inspection must be a JSON object");
        }
        String json = request.inspection().toString();
        if (json.length() > 64 * 1024) {
            throw ApiException.invalid("inspection is larger than 64 KB");
        }
        return json;
    }

    private DecisionDocument parse(byte[] document) {
        DecisionDocument doc;
        JsonNode tree;
        try {
            tree = mapper.readTree(document);
            doc = DecisionDocument.parse(tree);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw ApiException.invalid("the decision document is not of the agreed shape: " + safe(e));
        } catch (java.io.IOException e) {
            throw ApiException.invalid("the decision document cannot be read");
        }
        if (!Arrays.equals(Canonical.bytes(tree), document)) {
            throw ApiException.invalid("the decision document is not in RFC 8785 canonical form");
        }
        return doc;
    }

    private static String safe(Exception e) {
        return e instanceof IllegalArgumentException && e.getCause() == null ? e.getMessage() : "not valid JSON";
    }

    private void checkFields(DecisionDocument doc, ApplicationStore.Row row, StaffMember officer, JsonNode form) {
        List<Problem.FieldError> stale = new ArrayList<>();
        String formSha = Canonical.sha256Hex(Canonical.bytes(form));
        compare(stale, "applicationId", row.id().toString(), String.valueOf(doc.applicationId()));
        compare(stale, "ticketNumber", row.ticketNumber(), doc.ticketNumber());
        compare(stale, "formSha256", formSha, doc.formSha256());
        compare(stale, "photoSha256", row.photoSha256(), doc.photoSha256());
        compare(stale, "signatureSha256", row.signatureSha256(), doc.signatureSha256());
        compare(stale, "policyVersion", row.policyVersion(), doc.policyVersion());
        compare(stale, "officerIin", officer.iin(), doc.officerIin());
        if (!stale.isEmpty()) {
            throw new ApiException(ProblemKind.CONFLICT, "the signed document does not match the application: "
                    + String.join(", ", stale.stream().map(Problem.FieldError::field).toList()), stale);
        }
        Instant now = clock.instant();
        if (doc.decidedAt().isBefore(now.minus(CLOCK_SKEW)) || doc.decidedAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw field("decidedAt", "must be within 10 minutes of the server's time");
        }
        switch (String.valueOf(doc.decision())) {
            case DecisionDocument.APPROVE -> {
                if (doc.reason() != null) {
                    throw field("reason", "must be null for APPROVE");
                }
            }
            case DecisionDocument.ANNUL -> {
                AnnulmentReason reason;
                try {
                    reason = AnnulmentReason.valueOf(String.valueOf(doc.reason()));
                } catch (IllegalArgumentException e) {
                    throw field("reason", "must be PHOTO, SIGNATURE or FURTHER_VERIFICATION for ANNUL");
                }
                if (reason.commentRequired() && (doc.comment() == null || doc.comment().isBlank())) {
                    throw field("comment", "is required for " + reason);
                }
            }
            default -> throw field("decision", "must be APPROVE or ANNUL");
        }
        if (doc.comment() != null && doc.comment().length() > 2000) {
            throw field("comment", "must be at most 2000 characters");
        }
    }

    private static void compare(List<Problem.FieldError> errors, String field, String expected, String actual) {
        if (!Objects.equals(expected, actual)) {
            errors.add(new Problem.FieldError(field, "differs from the application as stored"));
        }
    }

    private static ApiException field(String field, String message) {
        return new ApiException(ProblemKind.INVALID_INPUT, field + " " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /**
     * The order for production: the images by their hashes only (no image is read here, and the outbox row stays a
     * few KB); the relay sends an image when production says it does not hold it.
     */
    private String order(ApplicationStore.Row row, JsonNode form, byte[] document, byte[] cms) {
        ProductionOrder order = ProductionOrder.byReference(row.id(), row.ticketNumber(), row.registrationPoint(),
                form, Base64s.encode(document), Base64s.encode(cms), row.photoSha256().trim(),
                row.signatureSha256().trim());
        try {
            return mapper.writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an order always serialises", e);
        }
    }
}
