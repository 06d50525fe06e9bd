package kz.qujat.api;

/** Login: base64 DER CMS SignedData over the nonce of {@code challengeId}, signer certificate inside. */
public record SessionRequest(String challengeId, String cms) {
}
