package kz.qujat.central;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import kz.qujat.api.Canonical;
import kz.qujat.api.ChallengeResponse;
import kz.qujat.api.ProblemKind;
import kz.qujat.api.SessionRequest;
import kz.qujat.api.SessionResponse;
import kz.qujat.central.store.SessionStore;
import kz.qujat.central.store.StaffStore;
import kz.qujat.eds.CmsVerifier;
import kz.qujat.eds.KeyPurpose;
import kz.qujat.eds.VerificationResult;
import kz.qujat.server.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions of staff: single-use login challenges, and bearer tokens of 32 random bytes of which only the
 * SHA-256 is stored, so that a copy of the database grants no session.
 */
public final class SessionService {
    private static final Duration CHALLENGE_TTL = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(SessionService.class);
    private final SessionStore store;
    private final StaffStore staff;
    private final CmsVerifier verifier;
    private final Duration sessionTtl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /**
     * Sessions seen recently, by token hash: a request within {@link #recheck} of the last database check is
     * answered without a pool round trip. The expiry is checked on every use; a logout on this instance removes the
     * entry at once; a logout on another instance (the row is deleted) is seen here at the next database check, so
     * within {@code recheck} (default 5 s) on every instance; a change of the staff directory likewise.
     */
    private final Map<String, Cached> recent = new ConcurrentHashMap<>();
    private final Duration recheck;
    /** The default bound on how long a session logged out on another instance may still be used here. */
    public static final Duration RECHECK = Duration.ofSeconds(5);
    private static final int CACHE_MAX = 20_000;

    private record Cached(StaffMember member, Instant checkedUntil) {
    }

    public SessionService(SessionStore store, StaffStore staff, CmsVerifier verifier, Duration sessionTtl, Clock clock) {
        this(store, staff, verifier, sessionTtl, clock, RECHECK);
    }

    /** {@code recheck}: how long a session checked in the database is taken from memory (zero: never). */
    public SessionService(SessionStore store, StaffStore staff, CmsVerifier verifier, Duration sessionTtl, Clock clock,
                          Duration recheck) {
        this.recheck = recheck;
        this.store = store;
        this.staff = staff;
        this.verifier = verifier;
        this.sessionTtl = sessionTtl;
        this.clock = clock;
    }

    /**
     * Logs in: the CMS (attached or detached) must be a valid signature over the challenge's nonce made with
     * an authentication key that chains to a trusted root and is neither expired nor revoked, and the
     * certificate's IIN must be in the staff directory.
     */
    public SessionResponse login(SessionRequest request) {
        UUID challengeId;
        try {
            challengeId = UUID.fromString(String.valueOf(request.challengeId()));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("challengeId is not a challenge id");
        }
        byte[] cms = Base64s.decode("cms", request.cms());
        byte[] nonce = store.useChallenge(challengeId, clock.instant()).orElseThrow(() ->
                ApiException.unauthenticated("the challenge is unknown, already used or expired; ask for a new one"));
        VerificationResult r = verifier.verifyAttached(cms, KeyPurpose.AUTHENTICATION);
        if (r.failure() == VerificationResult.Failure.MALFORMED) {
            r = verifier.verifyDetached(cms, nonce, KeyPurpose.AUTHENTICATION);
        } else if (r.valid() && !MessageDigest.isEqual(r.content(), nonce)) {
            throw ApiException.unauthenticated("the signed content is not the challenge nonce");
        }
        if (r.indeterminate()) {
            throw new ApiException(ProblemKind.UNAVAILABLE, "the certificate status is not confirmed yet; try again");
        }
        if (!r.valid()) {
            LOG.info("login refused: {}", r.failure());
            throw ApiException.unauthenticated("signature refused (" + r.failure() + "): " + r.reason())
                    .withCode(r.failure().name());
        }
        String iin = r.profile() == null ? null : r.profile().iin();
        if (iin == null) {
            throw ApiException.unauthenticated("the certificate carries no IIN");
        }
        StaffMember member = staff.find(iin).orElseThrow(() ->
                ApiException.forbidden("the certificate holder is not in the staff directory"));
        Opened opened = open(member);
        LOG.info("login: {} session opened", member.role());
        return new SessionResponse(opened.token(), opened.expiresAt(), member.role().name(),
                member.region() == null ? null : member.region().name(), member.registrationPoint(),
                new SessionResponse.Staff(member.iin(), member.displayName()));
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
        String key = tokenHash(authorization);
        Instant now = clock.instant();
        Cached hit = recent.get(key);
        if (hit != null && now.isBefore(hit.checkedUntil())) {
            return hit.member();
        }
        SessionStore.Session session = store.session(key, now)
                .orElseThrow(() -> ApiException.unauthenticated("the session is unknown or has expired; log in again"));
        if (recent.size() >= CACHE_MAX) {
            recent.clear();
        }
        Instant until = now.plus(recheck);
        recent.put(key, new Cached(session.member(), until.isBefore(session.expiresAt()) ? until : session.expiresAt()));
        return session.member();
    }

    /**
     * Logs out: the session ends on every instance (its row is deleted; this instance forgets it at once, the
     * others at their next check of it, within their {@code recheck}). Unknown or expired: unauthenticated.
     */
    public void logout(String authorization) {
        String key = tokenHash(authorization);
        recent.remove(key);
        if (!store.deleteSession(key)) {
            throw ApiException.unauthenticated("the session is unknown or has expired; log in again");
        }
        LOG.info("logout: session closed");
    }

    private static String tokenHash(String authorization) {
        String prefix = "Bearer ";
        if (authorization == null || !authorization.startsWith(prefix)) {
            throw ApiException.unauthenticated("a session is required: send Authorization: Bearer <token>");
        }
        return hash(authorization.substring(prefix.length()).trim());
    }

    /** Opens a session for a staff member whose identity has been proven; returns the token and its expiry. */
    Opened open(StaffMember member) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        Instant expires = now.plus(sessionTtl);
        store.saveSession(hash(token), member.iin(), now, expires);
        return new Opened(token, expires);
    }

    record Opened(String token, Instant expiresAt) {
    }

    private static String hash(String token) {
        return Canonical.sha256Hex(token.getBytes(StandardCharsets.US_ASCII));
    }
}
