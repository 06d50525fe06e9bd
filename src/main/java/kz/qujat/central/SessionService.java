package kz.qujat.central;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import kz.qujat.api.Canonical;
import kz.qujat.api.ChallengeResponse;
import kz.qujat.central.store.SessionStore;

/**
 * Sessions of staff: single-use login challenges, and bearer tokens of 32 random bytes of which only the
 * SHA-256 is stored, so that a copy of the database grants no session.
 */
public final class SessionService {
    private static final Duration CHALLENGE_TTL = Duration.ofSeconds(60);
    private final SessionStore store;
    private final Duration sessionTtl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SessionService(SessionStore store, Duration sessionTtl, Clock clock) {
        this.store = store;
        this.sessionTtl = sessionTtl;
        this.clock = clock;
    }

    public ChallengeResponse challenge() {
        byte[] nonce = new byte[32];
        random.nextBytes(nonce);
        UUID id = UUID.randomUUID();
        Instant expires = clock.instant().plus(CHALLENGE_TTL);
        store.saveChallenge(id, nonce, expires);
        return new ChallengeResponse(id.toString(), Base64.getEncoder().encodeToString(nonce), expires);
    }

    /** The staff member of a live session, or unauthenticated. */
    public StaffMember authenticate(String authorization) {
        String prefix = "Bearer ";
        if (authorization == null || !authorization.startsWith(prefix)) {
            throw ApiException.unauthenticated("a session is required: send Authorization: Bearer <token>");
        }
        String token = authorization.substring(prefix.length()).trim();
        return store.sessionOwner(hash(token), clock.instant())
                .orElseThrow(() -> ApiException.unauthenticated("the session is unknown or has expired; log in again"));
    }

    /** Opens a session for a staff member whose identity has been proven; returns the token and its expiry. */
    Opened open(StaffMember staff) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        Instant expires = now.plus(sessionTtl);
        store.saveSession(hash(token), staff.iin(), now, expires);
        return new Opened(token, expires);
    }

    record Opened(String token, Instant expiresAt) {
    }

    private static String hash(String token) {
        return Canonical.sha256Hex(token.getBytes(StandardCharsets.US_ASCII));
    }
}
