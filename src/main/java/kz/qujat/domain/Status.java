package kz.qujat.domain;

/** Where an application is in its lifecycle (DOMAIN.md); moves only through {@link Lifecycle}. */
public enum Status { SUBMITTED, IN_REVIEW, APPROVED, ANNULLED, IN_PRODUCTION, READY_FOR_PICKUP, ISSUED }
