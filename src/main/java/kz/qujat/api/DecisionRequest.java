package kz.qujat.api;

/** {@code document}: base64 of the canonical decision document; {@code cms}: base64 DER detached CMS over it. */
public record DecisionRequest(String document, String cms) {
}
