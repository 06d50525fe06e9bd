package kz.qujat.workstation.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import kz.qujat.api.QueueItem;

/**
 * One line of the queue as the officer reads it: days to (negative) or since (positive) the current card's
 * expiry counted today, and as intake counted them on the day of the application (the day R3 judges), how long
 * the application has waited, and the worst verdict of the image checks run at intake (null when none ran).
 */
public record QueueRow(UUID id, String ticketNumber, Instant submittedAt, LocalDate expiryDate, long daysFromExpiry,
                       long daysFromExpiryAtSubmission, Duration waiting, String applicantName, String claimedBy,
                       String checks) {
    public static QueueRow of(QueueItem item, Instant now, LocalDate today) {
        long days = item.expiryDate() == null ? item.daysFromExpiry() : ChronoUnit.DAYS.between(item.expiryDate(), today);
        return new QueueRow(item.id(), item.ticketNumber(), item.submittedAt(), item.expiryDate(), days,
                item.daysFromExpiry(), Duration.between(item.submittedAt(), now), item.applicantName(),
                item.claimedBy(), item.checks());
    }

    /** True when the count of today differs from the application day's, which R3 judges (it waited overnight). */
    public boolean countedOnAnotherDay() {
        return daysFromExpiry != daysFromExpiryAtSubmission;
    }

    /** True when the filter text (already lower case) appears in the ticket or the applicant's name. */
    public boolean matches(String needle) {
        return needle.isEmpty() || ticketNumber.toLowerCase().contains(needle)
                || (applicantName != null && applicantName.toLowerCase().contains(needle));
    }

    @Override
    public String toString() {
        return "QueueRow[" + ticketNumber + "]";
    }
}
