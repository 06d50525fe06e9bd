package kz.qujat.domain;

/** Why a document is being replaced (R2: only expiry online). */
public enum ApplicationReason { EXPIRY, LOSS, THEFT, DAMAGE, CHANGE_OF_NAME, ERROR_IN_DOCUMENT }
