package kz.qujat.central;

import kz.qujat.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import kz.qujat.api.Canonical;
import kz.qujat.api.DecisionDocument;
import kz.qujat.api.Paths;
import kz.qujat.eds.CmsSigner;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.SigningKey;
import kz.qujat.testsupport.TestPostgres;

/**
 * A started central service on a fresh database with the certs-dev trust and staff, and the moves tests
 * make against it: log in with a dev identity, submit, claim, sign and send a decision, read the database.
 */
final class CentralFixture implements AutoCloseable {
    static final String FEED_KEY = "feed-key-for-tests-0123456789";
    final String jdbcUrl;
    final CentralServer server;
    final Http http;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    CentralFixture(Consumer<CentralConfig.Builder> customise) throws Exception {
        jdbcUrl = TestPostgres.freshJdbcUrl();
        CentralConfig.Builder b = CentralConfig.builder().port(0).db(jdbcUrl).trustDir(DevKeys.dir().resolve("trust"))
                .staffFile(DevKeys.dir().resolve("staff-dev.csv")).registryFeedKey(FEED_KEY);
        customise.accept(b);
        server = CentralServer.start(b.build());
        http = new Http(server.url());
    }

    CentralFixture() throws Exception {
        this(b -> { });
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Logs in with the authentication key of a certs-dev identity; returns the raw answer. */
    Http.Answer loginAnswer(String identity, boolean attached) {
        return loginWith(DevKeys.authentication(identity), attached);
    }

    Http.Answer loginWith(SigningKey key, boolean attached) {
        JsonNode challenge = http.post(Paths.CHALLENGE, null, "").json();
        byte[] nonce = Base64.getDecoder().decode(challenge.get("nonce").asText());
        try {
            byte[] cms = attached ? CmsSigner.signAttached(key, nonce) : CmsSigner.signDetached(key, nonce);
            return http.post(Paths.SESSION, null, Map.of("challengeId", challenge.get("challengeId").asText(),
                    "cms", Base64.getEncoder().encodeToString(cms)));
        } catch (EdsException e) {
            throw new IllegalStateException(e);
        }
    }

    String token(String identity) {
        return tokens.computeIfAbsent(identity, id -> {
            Http.Answer a = loginAnswer(id, false);
            assertThat(a.status()).as(a.toString()).isEqualTo(200);
            return a.json().get("token").asText();
        });
    }

    /** Submits an eligible application; returns its id and ticket. */
    Submitted submit(ObjectNode form) {
        Http.Answer a = http.post(Paths.INTAKE, null, form);
        assertThat(a.status()).as(a.toString()).isEqualTo(201);
        return new Submitted(UUID.fromString(a.json().get("applicationId").asText()), a.json().get("ticketNumber").asText());
    }

    Submitted submit(String region) {
        return submit(Applicants.valid(region));
    }

    record Submitted(UUID id, String ticket) {
    }

    Http.Answer claim(String officer, UUID id) {
        return http.post(Paths.fill(Paths.CLAIM, "id", id.toString()), token(officer), "");
    }

    JsonNode detail(String who, UUID id) {
        Http.Answer a = http.get(Paths.fill(Paths.APPLICATION, "id", id.toString()), token(who));
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        return a.json();
    }

    /** The decision document for what the application shows now, as the workstation would build it. */
    DecisionDocument document(String officer, UUID id, String decision, String reason, String comment) {
        JsonNode d = detail(officer, id);
        return new DecisionDocument(id, d.get("ticketNumber").asText(), decision, reason, comment,
                Canonical.sha256Hex(Canonical.bytes(d.get("form"))), d.get("photoSha256").asText(),
                d.get("signatureSha256").asText(), d.get("policyVersion").asText(),
                d.get("claimedBy").get("officerIin").asText(), TestClock.liveNow());
    }

    Http.Answer decide(String officer, String signer, UUID id, DecisionDocument doc) {
        byte[] bytes = doc.canonicalBytes();
        try {
            byte[] cms = CmsSigner.signDetached(DevKeys.signing(signer), bytes);
            return http.post(Paths.fill(Paths.DECISION, "id", id.toString()), token(officer),
                    Map.of("document", Base64.getEncoder().encodeToString(bytes),
                            "cms", Base64.getEncoder().encodeToString(cms)));
        } catch (EdsException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Submits, claims with the officer and decides; returns the application. */
    Submitted decided(String region, String officer, String decision, String reason, String comment) {
        Submitted s = submit(region);
        assertThat(claim(officer, s.id()).status()).isEqualTo(200);
        Http.Answer a = decide(officer, officer, s.id(), document(officer, s.id(), decision, reason, comment));
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        return s;
    }

    List<List<Object>> query(String sql, Object... args) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    Object scalar(String sql, Object... args) throws SQLException {
        List<List<Object>> rows = query(sql, args);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }
}
