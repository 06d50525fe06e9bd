package kz.qujat.domain;

import java.time.LocalDate;
import java.util.Set;

/**
 * One version of the rules of the online service (R1–R4, R12): which documents and reasons are accepted,
 * the window around the expiry date, the period the version is in force and the fee. A
 * {@code demonstration} version is not law: it exists so the system can be shown after the order's end date.
 */
public record Policy(
        String version,
        String label,
        boolean demonstration,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        Set<DocumentType> documents,
        Set<ApplicationReason> reasons,
        int daysBeforeExpiry,
        int daysAfterExpiry,
        long feeTiyn) {

    public Policy {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("policy version is required");
        }
        if (effectiveFrom == null) {
            throw new IllegalArgumentException("policy " + version + ": effectiveFrom is required");
        }
        if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            throw new IllegalArgumentException("policy " + version + ": effectiveTo is before effectiveFrom");
        }
        if (daysBeforeExpiry < 0 || daysAfterExpiry < 0) {
            throw new IllegalArgumentException("policy " + version + ": window sizes must not be negative");
        }
        documents = Set.copyOf(documents);
        reasons = Set.copyOf(reasons);
    }

    /** Whether this version is in force on {@code day} (both ends inclusive; no end date = open-ended). */
    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }
}
