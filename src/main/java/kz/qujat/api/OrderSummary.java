package kz.qujat.api;

import java.util.UUID;

/** One order as the production node holds it, for reconciliation: no personal data. */
public record OrderSummary(UUID applicationId, String status, String documentNumber) {
}
