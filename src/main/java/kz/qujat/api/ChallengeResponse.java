package kz.qujat.api;

import java.time.Instant;

/** A single-use login challenge: the client signs the nonce bytes with its authentication key. */
public record ChallengeResponse(String challengeId, String nonce, Instant expiresAt) {
}
