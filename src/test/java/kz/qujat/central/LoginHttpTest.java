package kz.qujat.central;

import kz.qujat.testsupport.Await;

import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.Http;
import kz.qujat.testsupport.TestCentral;
import kz.qujat.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.Map;
import kz.qujat.api.Paths;
import kz.qujat.eds.CmsSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Login with every certs-dev identity, and the role check in front of every route. */
class LoginHttpTest {
    private static TestCentral f;

    @BeforeAll
    static void start() throws Exception {
        f = new TestCentral();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void validStaffLogInWithTheirRoleAndPlace() throws Exception {
        JsonNode officer = ok(f.loginAnswer("officer-astana", false));
        assertThat(officer.get("role").asText()).isEqualTo("OFFICER");
        assertThat(officer.get("region").asText()).isEqualTo("ASTANA");
        assertThat(officer.get("staff").get("iin").asText()).isEqualTo("850314312017");
        assertThat(officer.get("token").asText()).matches("[A-Za-z0-9_-]{43}");
        JsonNode ec = ok(f.loginAnswer("officer-almaty", true));
        assertThat(ec.get("region").asText()).isEqualTo("ALMATY");
        JsonNode clerk = ok(f.loginAnswer("clerk-astana", false));
        assertThat(clerk.get("role").asText()).isEqualTo("CLERK");
        assertThat(clerk.get("registrationPoint").asText()).isEqualTo("ASTANA-01");
        JsonNode supervisor = ok(f.loginAnswer("supervisor", true));
        assertThat(supervisor.get("role").asText()).isEqualTo("SUPERVISOR");
        assertThat(supervisor.get("region").isNull()).isTrue();
        // only the hash of the token is stored
        String token = officer.get("token").asText();
        assertThat(f.scalar("SELECT count(*) FROM staff_session WHERE token_sha256 = ?", token)).isEqualTo(0L);
        assertThat(f.scalar("SELECT count(*) FROM staff_session WHERE token_sha256 = ?",
                kz.qujat.api.Canonical.sha256Hex(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII))))
                .isEqualTo(1L);
    }

    private static JsonNode ok(Http.Answer a) {
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        return a.json();
    }

    private static void refused(Http.Answer a, int status, String reason) {
        assertThat(a.status()).as(a.toString()).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.json().get("detail").asText()).contains(reason);
    }

    @Test
    void theRefusalCarriesTheReasonAsAMachineReadableCode() {
        assertThat(f.loginAnswer("officer-revoked", false).json().get("code").asText()).isEqualTo("REVOKED");
        assertThat(f.loginAnswer("officer-expired", false).json().get("code").asText()).isEqualTo("EXPIRED");
        assertThat(f.loginAnswer("officer-untrusted", false).json().get("code").asText()).isEqualTo("UNTRUSTED");
    }

    @Test
    void revokedExpiredAndUntrustedCertificatesAreRefusedWithTheReason() {
        refused(f.loginAnswer("officer-revoked", false), 401, "REVOKED");
        refused(f.loginAnswer("officer-expired", false), 401, "EXPIRED");
        refused(f.loginAnswer("officer-untrusted", false), 401, "UNTRUSTED");
    }

    @Test
    void theSigningKeyCannotBeUsedToLogIn() {
        refused(f.loginWith(DevIdentities.signingKey("officer-astana"), false), 401, "WRONG_KEY_USAGE");
    }

    @Test
    void aChallengeIsSingleUseAndMustBeSignedExactly() throws Exception {
        JsonNode challenge = f.http.post(Paths.CHALLENGE, null, "").json();
        byte[] nonce = Base64.getDecoder().decode(challenge.get("nonce").asText());
        assertThat(nonce).hasSize(32);
        byte[] cms = CmsSigner.signDetached(DevIdentities.authenticationKey("officer-astana"), nonce);
        Map<String, String> body = Map.of("challengeId", challenge.get("challengeId").asText(),
                "cms", Base64.getEncoder().encodeToString(cms));
        assertThat(f.http.post(Paths.SESSION, null, body).status()).isEqualTo(200);
        refused(f.http.post(Paths.SESSION, null, body), 401, "already used");

        JsonNode other = f.http.post(Paths.CHALLENGE, null, "").json();
        byte[] wrong = CmsSigner.signDetached(DevIdentities.authenticationKey("officer-astana"), new byte[32]);
        refused(f.http.post(Paths.SESSION, null, Map.of("challengeId", other.get("challengeId").asText(),
                "cms", Base64.getEncoder().encodeToString(wrong))), 401, "CONTENT_MISMATCH");
        JsonNode third = f.http.post(Paths.CHALLENGE, null, "").json();
        refused(f.http.post(Paths.SESSION, null, Map.of("challengeId", third.get("challengeId").asText(),
                "cms", "bm90IGEgY21z")), 401, "MALFORMED");
        refused(f.http.post(Paths.SESSION, null, Map.of("challengeId", "nope", "cms", "AAAA")), 400, "challengeId");
    }

    @Test
    void rolesAreCheckedBeforeTheHandler() {
        String clerk = f.token("clerk-astana");
        String officer = f.token("officer-astana");
        String supervisor = f.token("supervisor");
        refused(f.http.get(Paths.QUEUE, null), 401, "session");
        refused(f.http.get(Paths.QUEUE, "not-a-token"), 401, "unknown");
        refused(f.http.get(Paths.QUEUE, clerk), 403, "OFFICER");
        refused(f.http.post(Paths.QUEUE_NEXT, supervisor, ""), 403, "OFFICER");
        refused(f.http.get(Paths.ANNULMENTS, officer), 403, "SUPERVISOR");
        refused(f.http.get(Paths.fill(Paths.HANDOVER, "ticketNumber", "Q-0000001-8"), officer), 403, "CLERK");
        assertThat(f.http.get(Paths.QUEUE, officer).status()).isEqualTo(200);
        assertThat(f.http.get(Paths.ANNULMENTS, supervisor).status()).isEqualTo(200);
        assertThat(f.http.get(Paths.HANDOVER_LIST, clerk).status()).isEqualTo(200);
    }

    @Test
    void aChallengeExpiresAfterSixtySeconds() throws Exception {
        AdjustableClock clock = new AdjustableClock();
        try (TestCentral timed = new TestCentral(b -> b.clock(clock))) {
            JsonNode challenge = timed.http.post(Paths.CHALLENGE, null, "").json();
            byte[] nonce = Base64.getDecoder().decode(challenge.get("nonce").asText());
            byte[] cms = CmsSigner.signDetached(DevIdentities.authenticationKey("officer-astana"), nonce);
            clock.advance(java.time.Duration.ofSeconds(61));
            refused(timed.http.post(Paths.SESSION, null, Map.of("challengeId", challenge.get("challengeId").asText(),
                    "cms", Base64.getEncoder().encodeToString(cms))), 401, "expired");
        }
    }

    /** The system clock plus an offset the test moves forward. */
    static final class AdjustableClock extends java.time.Clock {
        private volatile java.time.Duration offset = java.time.Duration.ZERO;

        void advance(java.time.Duration d) {
            offset = offset.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.time.Instant instant() {
            return TestClock.liveNow().plus(offset);
        }
    }

    @Test
    void anExpiredSessionIsRefused() throws Exception {
        try (TestCentral shortLived = new TestCentral(b -> b.sessionTtl(java.time.Duration.ofMillis(300)))) {
            String token = shortLived.token("officer-astana");
            assertThat(shortLived.http.get(Paths.QUEUE, token).status()).isEqualTo(200);
            int[] status = {200};
            Await.until(java.time.Duration.ofSeconds(5), "the 300 ms session to end",
                    () -> (status[0] = shortLived.http.get(Paths.QUEUE, token).status()) != 200);
            assertThat(status[0]).isEqualTo(401);
        }
    }
}
