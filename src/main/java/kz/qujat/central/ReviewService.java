package kz.qujat.central;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.qujat.api.ApplicationDetail;
import kz.qujat.api.Json;
import kz.qujat.api.QueueItem;
import kz.qujat.api.AccessEntry;
import kz.qujat.central.store.ApplicationStore;
import kz.qujat.central.store.AuditStore;
import kz.qujat.central.store.ClaimStore;
import kz.qujat.central.store.RegistryStore;
import kz.qujat.domain.ApplicationReason;
import kz.qujat.domain.DocumentType;
import kz.qujat.domain.Eligibility;
import kz.qujat.domain.KzTime;
import kz.qujat.domain.PolicyBook;
import kz.qujat.domain.Status;
import kz.qujat.server.ApiException;

/** The officer's side of the queue: list, claim, release, and the full view of one application. */
public final class ReviewService {
    private final ApplicationStore applications;
    private final ClaimStore claims;
    private final RegistryStore registry;
    private final PolicyBook policies;
    private final Duration claimTtl;
    private final Clock clock;
    private final AuditStore audit;
    private final ObjectMapper mapper = Json.mapper();

    public ReviewService(ApplicationStore applications, ClaimStore claims, RegistryStore registry, PolicyBook policies,
                         Duration claimTtl, Clock clock, AuditStore audit) {
        this.audit = audit;
        this.applications = applications;
        this.claims = claims;
        this.registry = registry;
        this.policies = policies;
        this.claimTtl = claimTtl;
        this.clock = clock;
    }

    public List<QueueItem> queue(StaffMember officer, UUID after, int limit) {
        return applications.queue(officer.region(), after, limit).stream().map(this::item).toList();
    }

    /**
     * Claims the oldest waiting application of the officer's region; empty when the queue is empty. One short
     * transaction claims and reads (no image is read); expired claims are returned to the queue by the sweepers.
     */
    public Optional<ApplicationDetail> next(StaffMember officer) {
        return claims.claimNextAndRead(officer.region(), officer.iin(), officer.role().name(), clock.instant(), claimTtl)
                .map(v -> detail(v.row(), v.history(), v.registry(), v.checksJson()));
    }

    public ApplicationDetail claim(StaffMember officer, UUID id) {
        ClaimStore.Result r = claims.claim(id, officer.region(), officer.iin(), clock.instant(), claimTtl);
        refuse(r);
        return detail(officer, id);
    }

    public ApplicationDetail release(StaffMember officer, UUID id) {
        refuse(claims.release(id, officer.region(), officer.iin(), clock.instant()));
        return detail(officer, id);
    }

    private static void refuse(ClaimStore.Result r) {
        switch (r.outcome()) {
            case NOT_FOUND, OTHER_REGION -> throw ApiException.notFound("no such application in your region");
            case HELD_BY_OTHER -> throw ApiException.conflict("the application is claimed by another officer");
            case NOT_HOLDER -> throw ApiException.conflict("you do not hold the claim on this application");
            case WRONG_STATUS -> throw ApiException.conflict("the application is in status " + r.status());
            default -> { }
        }
    }

    /**
     * The row, if the caller may see it: officers their region, regional supervisors theirs, national all; a
     * clerk only a document of their registration point that is ready or handed over (the routes give a clerk
     * nothing but the photo).
     */
    ApplicationStore.Row visible(StaffMember caller, UUID id) {
        return visible(caller, applications.find(id).orElseThrow(() -> ApiException.notFound("no such application")));
    }

    /** {@code row} if the caller may see it (as {@link #visible(StaffMember, UUID)}), read by the caller. */
    ApplicationStore.Row visible(StaffMember caller, ApplicationStore.Row row) {
        boolean allowed = switch (caller.role()) {
            case OFFICER -> row.region() == caller.region();
            case SUPERVISOR -> caller.national() || row.region() == caller.region();
            case CLERK -> row.registrationPoint().equals(caller.registrationPoint())
                    && (row.status() == Status.READY_FOR_PICKUP || row.status() == Status.ISSUED);
            case FINANCE -> false;
        };
        if (!allowed) {
            throw ApiException.notFound("no such application in your region");
        }
        return row;
    }

    public ApplicationDetail detail(StaffMember caller, UUID id) {
        ApplicationStore.Row row = visible(caller, id);
        personalDataRead(caller, id, "detail");
        return detail(row, applications.history(id), registry.summary(row.iin()), applications.checksJson(id).orElse(null));
    }

    /**
     * R3 (and R1, R2, R12) as they stood on the day of the request, the Asia/Almaty date the application was submitted,
     * which is the day the order judges: an application made on the window's last day and opened by an officer the
     * day after was made in time. {@code daysFromExpiry} is intake's count for that same day.
     */
    static ApplicationDetail.EligibilityInfo eligibility(PolicyBook policies, String documentType, String reason,
                                                         LocalDate expiryDate, long daysFromExpiry, Instant submittedAt) {
        Eligibility.Result e = Eligibility.evaluate(policies, DocumentType.valueOf(documentType),
                ApplicationReason.valueOf(reason), expiryDate, KzTime.dateOf(submittedAt));
        return new ApplicationDetail.EligibilityInfo(expiryDate, daysFromExpiry, e.eligible(), e.rule());
    }

    private ApplicationDetail detail(ApplicationStore.Row row, List<ApplicationStore.History> rows,
                                     Optional<RegistryStore.Summary> person, String checksJson) {
        UUID id = row.id();
        JsonNode form = form(row);
        ApplicationDetail.RegistryRecord reg = person
                .map(p -> new ApplicationDetail.RegistryRecord(true, p.surname(), p.givenName(), p.patronymic(),
                        p.birthDate(), p.currentDocumentNumber(), p.currentDocumentExpiry(), p.hasPhoto(),
                        p.hasSignature()))
                .orElse(new ApplicationDetail.RegistryRecord(false, null, null, null, null, null, null, false, false));
        ApplicationDetail.Claim claim = row.claimedBy() == null || row.claimExpiresAt() == null ? null
                : new ApplicationDetail.Claim(row.claimedBy(), row.claimedByName(), row.claimedAt(), row.claimExpiresAt());
        List<ApplicationDetail.HistoryEntry> history = rows.stream()
                .map(h -> new ApplicationDetail.HistoryEntry(h.at(), h.event(), h.fromStatus(), h.toStatus(),
                        h.actorIin(), h.actorName(), h.note()))
                .toList();
        return new ApplicationDetail(row.id(), row.ticketNumber(), row.status().name(), row.region().name(), form,
                row.submittedAt(), row.policyVersion(),
                eligibility(policies, form.path("documentType").asText(), form.path("reason").asText(), row.expiryDate(),
                        row.daysFromExpiry(), row.submittedAt()),
                reg, claim, history, row.photoSha256(), row.signatureSha256(),
                kz.qujat.api.SamePersonCheck.within(checksJson));
    }

    /** {@code which}: photo, signature, registry-photo or registry-signature. */
    public byte[] image(StaffMember caller, UUID id, String which) {
        ApplicationStore.Row row = visible(caller, id);
        byte[] bytes = switch (which) {
            case "photo", "signature" -> applications.image(id, which).orElse(null);
            case "registry-photo" -> registry.find(row.iin()).map(RegistryStore.Person::photo).orElse(null);
            case "registry-signature" -> registry.find(row.iin()).map(RegistryStore.Person::signature).orElse(null);
            default -> throw new IllegalArgumentException("unknown image " + which);
        };
        if (bytes == null) {
            throw ApiException.notFound("the population register holds no such image for this person");
        }
        personalDataRead(caller, id, which);
        return bytes;
    }

    /** The personal-data law: who read which application's personal data, when, goes into the audit log. */
    void personalDataRead(StaffMember caller, UUID id, String what) {
        audit.personalDataRead(clock.instant(), id, caller.iin(), caller.role().name(), what);
    }

    /** Every reading of the application's personal data (supervisors: within their scope). */
    public List<AccessEntry> accesses(StaffMember supervisor, UUID id) {
        visible(supervisor, id);
        return audit.accesses(id).stream().map(a -> new AccessEntry(a.at(), a.staffIin(), a.staffName(), a.role(),
                a.what())).toList();
    }

    JsonNode form(ApplicationStore.Row row) {
        try {
            return mapper.readTree(row.formJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored form of " + row.id() + " is not JSON", e);
        }
    }

    private QueueItem item(ApplicationStore.Row row) {
        JsonNode form = form(row);
        return new QueueItem(row.id(), row.ticketNumber(), row.status().name(), row.submittedAt(), row.expiryDate(),
                row.daysFromExpiry(), form.path("surname").asText() + " " + form.path("givenName").asText(),
                row.claimedBy(), row.checksWorst());
    }
}
