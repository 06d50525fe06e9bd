package kz.qujat.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** R1–R4 and R12: whether an application may be served online on the day it is made. */
public final class Eligibility {
    /** R4: the exact message an ineligible applicant receives; fixed by the order. */
    public static final String REFUSAL_MESSAGE = "оформление не доступно, обратитесь в ЦОН";

    public enum Refusal {
        /** No policy version is in force on the request date (R12). */
        NO_POLICY,
        /** R1: the document is not one the policy accepts (a passport). */
        DOCUMENT_TYPE,
        /** R2: the reason is not one the policy accepts. */
        REASON,
        /** R3: more days remain before expiry than the window allows. */
        TOO_EARLY,
        /** R3: the card expired longer ago than the window allows. */
        TOO_LATE
    }

    /**
     * The outcome. {@code daysFromExpiry} is request date minus expiry date: negative before expiry, 0 on
     * the expiry day. {@code policy} is the version in force, absent only when none is.
     */
    public record Result(boolean eligible, Optional<Refusal> refusal, Optional<Policy> policy, long daysFromExpiry) {
        public String message() {
            return eligible ? "" : REFUSAL_MESSAGE;
        }

        /** Which rule the outcome rests on, for the officer's screen and the log. */
        public String rule() {
            if (eligible) {
                return daysFromExpiry <= 0 ? "R3: within " + policy.orElseThrow().daysBeforeExpiry() + " days before expiry"
                        : "R3: within " + policy.orElseThrow().daysAfterExpiry() + " days after expiry";
            }
            return switch (refusal.orElseThrow()) {
                case NO_POLICY -> "R12: no policy in force";
                case DOCUMENT_TYPE -> "R1: only ID cards";
                case REASON -> "R2: only expiry";
                case TOO_EARLY, TOO_LATE -> "R3: outside the window";
            };
        }
    }

    private Eligibility() {
    }

    public static Result evaluate(PolicyBook book, DocumentType document, ApplicationReason reason,
                                  LocalDate expiryDate, LocalDate requestDate) {
        long days = ChronoUnit.DAYS.between(expiryDate, requestDate);
        Optional<Policy> policy = book.inForceOn(requestDate);
        if (policy.isEmpty()) {
            return refused(Refusal.NO_POLICY, policy, days);
        }
        Policy p = policy.get();
        if (!p.documents().contains(document)) {
            return refused(Refusal.DOCUMENT_TYPE, policy, days);
        }
        if (!p.reasons().contains(reason)) {
            return refused(Refusal.REASON, policy, days);
        }
        if (days < -p.daysBeforeExpiry()) {
            return refused(Refusal.TOO_EARLY, policy, days);
        }
        if (days > p.daysAfterExpiry()) {
            return refused(Refusal.TOO_LATE, policy, days);
        }
        return new Result(true, Optional.empty(), policy, days);
    }

    private static Result refused(Refusal refusal, Optional<Policy> policy, long days) {
        return new Result(false, Optional.of(refusal), policy, days);
    }
}
