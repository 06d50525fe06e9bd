package kz.qujat.client;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import kz.qujat.api.ApplicationDetail;
import kz.qujat.api.Canonical;
import kz.qujat.api.ChallengeResponse;
import kz.qujat.api.DecisionDocument;
import kz.qujat.api.DecisionRequest;
import kz.qujat.api.DecisionResponse;
import kz.qujat.api.HandoverInfo;
import kz.qujat.api.HandoverRequest;
import kz.qujat.api.Paths;
import kz.qujat.api.SessionRequest;
import kz.qujat.api.SessionResponse;
import kz.qujat.eds.CmsSigner;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.SigningKey;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The central API as a member of staff uses it: log in by signing the server's challenge with the EDS
 * authentication key, then review, decide (the decision signed with the signing key) and hand over.
 * One instance holds one session.
 */
public final class StaffClient extends CentralClient {
    private String token;
    private SessionResponse session;

    public StaffClient(String baseUrl) {
        super(baseUrl);
    }

    public StaffClient(String baseUrl, OkHttpClient http) {
        super(baseUrl, http);
    }

    /** Signs a fresh challenge with {@code authenticationKey}; the session is kept for the calls that follow. */
    public SessionResponse login(SigningKey authenticationKey) throws CentralException, EdsException {
        ChallengeResponse challenge = send(post(Paths.CHALLENGE, java.util.Map.of()), ChallengeResponse.class);
        byte[] nonce = Base64.getDecoder().decode(challenge.nonce());
        byte[] cms = CmsSigner.signDetached(authenticationKey, nonce);
        session = send(post(Paths.SESSION, new SessionRequest(challenge.challengeId(),
                Base64.getEncoder().encodeToString(cms))), SessionResponse.class);
        token = session.token();
        return session;
    }

    public SessionResponse session() {
        return session;
    }

    /**
     * Ends the session on the server (at once on the instance that answers, on the others within their session
     * recheck) and forgets the token; nothing to do when there is none. A session that already ended answers 401,
     * which is the same outcome.
     */
    public void logout() throws CentralException {
        if (token == null) {
            return;
        }
        Request request = authed(new Request.Builder().url(url(Paths.SESSION)).delete().build());
        token = null;
        try {
            send(request, null);
        } catch (CentralException e) {
            if (e.status() != 401) {
                throw e;
            }
        }
    }

    /** Claims the oldest waiting application of the officer's region; empty when the queue is empty. */
    public Optional<ApplicationDetail> next() throws CentralException {
        return Optional.ofNullable(send(authed(post(Paths.QUEUE_NEXT, java.util.Map.of())), ApplicationDetail.class));
    }

    public ApplicationDetail detail(UUID id) throws CentralException {
        return send(get(Paths.fill(Paths.APPLICATION, "id", id.toString())), ApplicationDetail.class);
    }

    /** One of the application's images: {@link Paths#PHOTO}, {@link Paths#SIGNATURE} or the register's. */
    public byte[] image(String pathTemplate, UUID id) throws CentralException {
        return send(get(Paths.fill(pathTemplate, "id", id.toString())), byte[].class);
    }

    /**
     * Builds the decision document from exactly what the server served (the form tree and the image bytes),
     * signs it with the officer's signing key and sends it.
     */
    public DecisionResponse decide(ApplicationDetail detail, byte[] photo, byte[] signature, String decision,
                                   String reason, String comment, SigningKey signingKey, Instant decidedAt)
            throws CentralException, EdsException {
        DecisionDocument doc = new DecisionDocument(detail.id(), detail.ticketNumber(), decision, reason, comment,
                Canonical.sha256Hex(Canonical.bytes(detail.form())), Canonical.sha256Hex(photo),
                Canonical.sha256Hex(signature), detail.policyVersion(), session.staff().iin(), decidedAt);
        byte[] bytes = doc.canonicalBytes();
        byte[] cms = CmsSigner.signDetached(signingKey, bytes);
        Base64.Encoder b64 = Base64.getEncoder();
        return send(authed(post(Paths.fill(Paths.DECISION, "id", detail.id().toString()),
                new DecisionRequest(b64.encodeToString(bytes), b64.encodeToString(cms)))), DecisionResponse.class);
    }

    public HandoverInfo handover(String ticketNumber) throws CentralException {
        return send(get(Paths.fill(Paths.HANDOVER, "ticketNumber", ticketNumber)), HandoverInfo.class);
    }

    public HandoverInfo handOver(String ticketNumber, HandoverRequest request) throws CentralException {
        return send(authed(post(Paths.fill(Paths.HANDOVER, "ticketNumber", ticketNumber), request)), HandoverInfo.class);
    }

    /** The officer's region's waiting applications, oldest first. */
    public java.util.List<kz.qujat.api.QueueItem> queue(int limit) throws CentralException {
        Request request = authed(new Request.Builder()
                .url(url(Paths.QUEUE).newBuilder().addQueryParameter("limit", Integer.toString(limit)).build())
                .get().build());
        kz.qujat.api.QueueItem[] items = send(request, kz.qujat.api.QueueItem[].class);
        return items == null ? java.util.List.of() : java.util.List.of(items);
    }

    public ApplicationDetail claim(UUID id) throws CentralException {
        return send(authed(post(Paths.fill(Paths.CLAIM, "id", id.toString()), java.util.Map.of())),
                ApplicationDetail.class);
    }

    public void release(UUID id) throws CentralException {
        send(authed(post(Paths.fill(Paths.RELEASE, "id", id.toString()), java.util.Map.of())), null);
    }

    /**
     * The decision document of API.md for exactly what the server served; the caller signs its
     * {@link DecisionDocument#canonicalBytes()} and sends them with {@link #sendDecision}.
     */
    public DecisionDocument decisionDocument(ApplicationDetail detail, byte[] photo, byte[] signature,
                                             String decision, String reason, String comment, Instant decidedAt) {
        return new DecisionDocument(detail.id(), detail.ticketNumber(), decision, reason, comment,
                Canonical.sha256Hex(Canonical.bytes(detail.form())), Canonical.sha256Hex(photo),
                Canonical.sha256Hex(signature), detail.policyVersion(), session.staff().iin(), decidedAt);
    }

    /** Sends an already signed decision (document bytes and detached CMS over them), e.g. from an outbox. */
    public DecisionResponse sendDecision(UUID id, byte[] document, byte[] cms) throws CentralException {
        return sendDecision(id, document, cms, null);
    }

    /** As {@link #sendDecision(UUID, byte[], byte[])} with the officer's inspection note (unsigned; may be null). */
    public DecisionResponse sendDecision(UUID id, byte[] document, byte[] cms,
                                         com.fasterxml.jackson.databind.JsonNode inspection) throws CentralException {
        Base64.Encoder b64 = Base64.getEncoder();
        return send(authed(post(Paths.fill(Paths.DECISION, "id", id.toString()),
                new DecisionRequest(b64.encodeToString(document), b64.encodeToString(cms), inspection))),
                DecisionResponse.class);
    }

    private Request get(String path) {
        return authed(new Request.Builder().url(url(path)).get().build());
    }

    private Request authed(Request request) {
        if (token == null) {
            return request;
        }
        return request.newBuilder().header("Authorization", "Bearer " + token).build();
    }

    /** For the role clients of this package ({@link SupervisorApi}, {@link ClerkApi}): one call with the session. */
    <T> T call(Request request, Class<T> type) throws CentralException {
        return send(authed(request), type);
    }
}
