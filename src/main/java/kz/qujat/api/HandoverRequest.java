package kz.qujat.api;

/** R11: the clerk confirms the recipient's identity and that the old card was surrendered. */
public record HandoverRequest(boolean identityChecked, boolean oldCardSurrendered, String comment) {
}
