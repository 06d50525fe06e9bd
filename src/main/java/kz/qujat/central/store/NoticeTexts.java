package kz.qujat.central.store;

import java.time.Instant;

/** Writes what the applicant is told about a transition, in Russian and Kazakh; the store calls it in its transaction. */
public interface NoticeTexts {
    /** {@code kind}: ANNULLED, READY_FOR_PICKUP or ISSUED; {@code reason} only for ANNULLED. */
    Texts compose(String kind, String ticketNumber, String reason, String registrationPoint, Instant at);

    record Texts(String ru, String kk) {
    }
}
