package kz.qujat.central;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kz.qujat.api.ApplicantStatus;
import kz.qujat.api.LocalizedText;
import kz.qujat.central.store.ApplicationStore;
import kz.qujat.central.store.NoticeTexts;
import kz.qujat.domain.AnnulmentReason;
import kz.qujat.domain.RegistrationPoint;
import kz.qujat.domain.Status;
import kz.qujat.server.ApiException;

/**
 * The applicant's own view of an application, for the portal: authenticated by the ticket number together with
 * the applicant's IIN. A wrong ticket and a wrong IIN get the same answer, so the endpoint tells nobody whether
 * a ticket exists.
 */
public final class ApplicantStatusService {
    public static final String IIN_HEADER = "X-Applicant-IIN";
    private static final String NOT_FOUND = "no application with this ticket number and IIN";
    private final ApplicationStore applications;
    private final ApplicantTexts texts;

    public ApplicantStatusService(ApplicationStore applications, ApplicantTexts texts) {
        this.applications = applications;
        this.texts = texts;
    }

    public ApplicantStatus status(String ticketNumber, String iin) {
        if (iin == null || iin.isBlank()) {
            throw ApiException.invalid("the applicant's IIN is required in the " + IIN_HEADER + " header");
        }
        Optional<ApplicationStore.Row> found = ticketNumber.length() > 32 ? Optional.empty()
                : applications.findByTicket(ticketNumber);
        // compare in constant time against a stand-in when there is no such ticket, so timing tells nothing
        String stored = found.map(ApplicationStore.Row::iin).orElse("000000000000");
        boolean same = MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
                iin.trim().getBytes(StandardCharsets.US_ASCII));
        if (found.isEmpty() || !same) {
            throw ApiException.notFound(NOT_FOUND);
        }
        ApplicationStore.Row row = found.get();
        ApplicantStatus.Annulment annulment = null;
        if (row.status() == Status.ANNULLED && row.annulReason() != null) {
            AnnulmentReason reason = AnnulmentReason.valueOf(row.annulReason());
            String next = ApplicantTexts.nextStep(reason);
            annulment = new ApplicantStatus.Annulment(reason.name(), text("reason." + reason), next,
                    text("next." + next));
        }
        ApplicantStatus.Pickup pickup = null;
        if (row.status() == Status.READY_FOR_PICKUP) {
            RegistrationPoint p = texts.points().parse(row.registrationPoint());
            pickup = new ApplicantStatus.Pickup(p.code(), new LocalizedText(p.nameRu(), p.nameKk()),
                    new LocalizedText(p.addressRu(), p.addressKk()), new LocalizedText(p.hoursRu(), p.hoursKk()));
        }
        List<ApplicationStore.History> history = applications.history(row.id());
        Instant updated = history.isEmpty() ? row.submittedAt() : history.get(history.size() - 1).at();
        return new ApplicantStatus(row.ticketNumber(), row.status().name(), text("status." + row.status()), annulment,
                pickup, updated);
    }

    private LocalizedText text(String key) {
        NoticeTexts.Texts t = texts.text(key);
        return new LocalizedText(t.ru(), t.kk());
    }
}
