package kz.qujat.central;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.List;
import kz.qujat.api.ApplicantStatus;
import kz.qujat.api.HandoverInfo;
import kz.qujat.api.LocalizedText;
import kz.qujat.api.HandoverRequest;
import kz.qujat.api.Problem;
import kz.qujat.api.ProblemKind;
import kz.qujat.central.store.ApplicationStore;
import kz.qujat.central.store.PickupStore;
import kz.qujat.domain.RegistrationPoint;
import kz.qujat.domain.RegistrationPoints;
import kz.qujat.domain.Status;
import kz.qujat.server.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** R11: the clerk of the registration point finds a finished document by ticket number and hands it over. */
public final class HandoverService {
    private static final Logger LOG = LoggerFactory.getLogger(HandoverService.class);
    private final ApplicationStore applications;
    private final PickupStore pickup;
    private final ReviewService review;
    private final RegistrationPoints points;
    private final Clock clock;

    /** The code of a refusal because the document is held at another registration point (named in heldAt). */
    public static final String OTHER_POINT = "OTHER_POINT";

    public HandoverService(ApplicationStore applications, PickupStore pickup, ReviewService review,
                           RegistrationPoints points, Clock clock) {
        this.applications = applications;
        this.pickup = pickup;
        this.review = review;
        this.points = points;
        this.clock = clock;
    }

    public HandoverInfo find(StaffMember clerk, String ticketNumber) {
        ApplicationStore.Row row = applications.findByTicket(ticketNumber)
                .orElseThrow(() -> ApiException.notFound("no application with this ticket number"));
        if (!row.registrationPoint().equals(clerk.registrationPoint())) {
            throw otherPoint(row.registrationPoint(), clerk.registrationPoint());
        }
        if (row.status() != Status.READY_FOR_PICKUP && row.status() != Status.ISSUED) {
            throw ApiException.conflict("the document is not ready for pickup (status " + row.status() + ")");
        }
        review.personalDataRead(clerk, row.id(), "handover");
        return info(row);
    }

    /**
     * The documents at the clerk's point that are ready or were handed over; any other status is not the
     * clerk's business (the applicant's name and ticket of an application still in review are not theirs to
     * read), so it is refused rather than answered.
     */
    public List<HandoverInfo> list(StaffMember clerk, Status status, int limit) {
        if (status != Status.READY_FOR_PICKUP && status != Status.ISSUED) {
            throw new ApiException(ProblemKind.INVALID_INPUT, "status: the clerk's list is READY_FOR_PICKUP or ISSUED",
                    List.of(new Problem.FieldError("status", "must be READY_FOR_PICKUP or ISSUED")));
        }
        return applications.atPoint(clerk.registrationPoint(), status, limit).stream().map(this::info).toList();
    }

    public HandoverInfo handOver(StaffMember clerk, String ticketNumber, HandoverRequest request) {
        if (!request.identityChecked() || !request.oldCardSurrendered()) {
            throw ApiException.invalid("both the recipient's identity check and the surrender of the old card"
                    + " must be confirmed");
        }
        find(clerk, ticketNumber);
        PickupStore.Result r = pickup.handOver(ticketNumber, clerk.registrationPoint(), clerk.iin(),
                request.comment(), clock.instant());
        switch (r.outcome()) {
            case NOT_FOUND -> throw ApiException.notFound("no application with this ticket number");
            case WRONG_POINT -> throw otherPoint(applications.findByTicket(ticketNumber).orElseThrow()
                    .registrationPoint(), clerk.registrationPoint());
            case WRONG_STATUS -> throw ApiException.conflict("the document is not ready for pickup (status "
                    + r.status() + ")");
            default -> LOG.info("ticket {} handed over", ticketNumber);
        }
        return info(applications.findByTicket(ticketNumber).orElseThrow());
    }

    /**
     * The refusal of a clerk of another point, naming the point that holds the document (code, names and address
     * in Russian and Kazakh) so that the clerk can send the recipient there.
     */
    private ApiException otherPoint(String holding, String clerkPoint) {
        return ApiException.forbidden("this document is handed over at registration point " + holding + ", not at "
                + clerkPoint).withCode(OTHER_POINT).withHeldAt(point(holding));
    }

    /** The point's names from the ministry's catalogue; a code no longer in the catalogue keeps only its code. */
    private ApplicantStatus.Pickup point(String code) {
        return points.find(code).map(HandoverService::pickup)
                .orElseGet(() -> new ApplicantStatus.Pickup(code, null, null, null));
    }

    static ApplicantStatus.Pickup pickup(RegistrationPoint p) {
        return new ApplicantStatus.Pickup(p.code(), new LocalizedText(p.nameRu(), p.nameKk()),
                new LocalizedText(p.addressRu(), p.addressKk()), new LocalizedText(p.hoursRu(), p.hoursKk()));
    }

    private HandoverInfo info(ApplicationStore.Row row) {
        JsonNode form = review.form(row);
        return new HandoverInfo(row.id(), row.ticketNumber(), row.status().name(), row.registrationPoint(),
                form.path("surname").asText(), form.path("givenName").asText(),
                form.path("patronymic").isNull() ? null : form.path("patronymic").asText(), row.newDocumentNumber(),
                row.readyAt(), row.issuedAt(), row.documentNumber(), point(row.registrationPoint()));
    }
}
