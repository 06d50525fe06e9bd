package kz.qujat.api;

import java.time.Instant;
import java.util.UUID;

/** The production node reports a document made and waiting at the applicant's registration point. */
public record ReadyReport(UUID applicationId, String registrationPoint, String newDocumentNumber, Instant readyAt) {
}
