package kz.qujat.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import kz.qujat.api.ApplicationDetail;
import kz.qujat.api.Canonical;
import kz.qujat.api.DecisionDocument;
import kz.qujat.api.IntakeRequest;
import kz.qujat.api.IntakeResponse;
import kz.qujat.api.Json;
import kz.qujat.api.Paths;
import kz.qujat.api.ReadyReport;
import kz.qujat.central.Applicants;
import kz.qujat.central.CentralConfig;
import kz.qujat.central.CentralServer;
import kz.qujat.client.CentralClient;
import kz.qujat.client.StaffClient;
import kz.qujat.domain.Region;
import kz.qujat.eds.CmsSigner;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.SigningKey;
import kz.qujat.tools.synthetic.SyntheticApplicant;
import kz.qujat.tools.synthetic.SyntheticApplicants;

/**
 * The one central service of the tests: started on a fresh database with the certs-dev trust, staff directory,
 * register feed key and production node certificate ({@link DevIdentities}), on port 0, kept across
 * {@link #stop()} and {@link #start()} (so a workstation can be cut off and reconnected). It offers the moves
 * tests make against it at three levels:
 * <ul>
 *   <li>raw HTTP ({@link #http}, {@link #token}, {@link #submit(String)}, {@link #claim}, {@link #decide},
 *       {@link #decided(String, String, String, String, String)}) for the API tests;</li>
 *   <li>the workstation's own clients ({@link #login}, {@link #submit(Region, String)},
 *       {@link #decided(String, Region, String, String, String, String)}, {@link #ready}, {@link #reportReady})
 *       for the view-model and screen tests, with synthetic applicants put into the register first;</li>
 *   <li>the database ({@link #query}, {@link #scalar}, {@link #storedInspection}).</li>
 * </ul>
 */
public final class TestCentral implements AutoCloseable {
    public static final String FEED_KEY = "feed-key-for-tests-0123456789";
    public final String jdbcUrl;
    public final Http http;
    private final CentralConfig.Builder config;
    private final SyntheticApplicants people;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private CentralServer server;

    /** Started with the certs-dev defaults changed by {@code customise}; synthetic applicants of seed 7. */
    public TestCentral(Consumer<CentralConfig.Builder> customise) throws Exception {
        this(7, customise);
    }

    public TestCentral() throws Exception {
        this(7, b -> { });
    }

    /** Started with the certs-dev defaults; synthetic applicants of {@code seed}. */
    public TestCentral(long seed) throws Exception {
        this(seed, b -> { });
    }

    private TestCentral(long seed, Consumer<CentralConfig.Builder> customise) throws Exception {
        jdbcUrl = TestPostgres.freshJdbcUrl();
        people = SyntheticApplicants.forSubmission(seed, TestClock.today(), 0);
        config = CentralConfig.builder().port(0).db(jdbcUrl).trustDir(DevIdentities.file("trust"))
                .staffFile(DevIdentities.file("staff-dev.csv")).registryFeedKey(FEED_KEY)
                .peerCert(DevIdentities.file("production-node.crt"));
        customise.accept(config);
        start();
        http = new Http(url());
    }

    /** Starts the service (again, after {@link #stop()}: on the same port and database). */
    public void start() throws Exception {
        server = CentralServer.start(config.build());
        config.port(server.port());
    }

    public void stop() {
        server.stop();
    }

    @Override
    public void close() {
        server.stop();
    }

    public CentralServer server() {
        return server;
    }

    public String url() {
        return "http://localhost:" + server.port();
    }

    // --- raw HTTP --------------------------------------------------------------------------------------------

    /** Logs in with the authentication key of a certs-dev identity; returns the raw answer. */
    public Http.Answer loginAnswer(String identity, boolean attached) {
        return loginWith(DevIdentities.authenticationKey(identity), attached);
    }

    public Http.Answer loginWith(SigningKey key, boolean attached) {
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

    /** The session token of a certs-dev identity (logged in once, then kept). */
    public String token(String identity) {
        return tokens.computeIfAbsent(identity, id -> {
            Http.Answer a = loginAnswer(id, false);
            assertThat(a.status()).as(a.toString()).isEqualTo(200);
            return a.json().get("token").asText();
        });
    }

    /** Submits an eligible application; returns its id and ticket. */
    public Submitted submit(ObjectNode form) {
        Http.Answer a = http.post(Paths.INTAKE, null, form);
        assertThat(a.status()).as(a.toString()).isEqualTo(201);
        return new Submitted(UUID.fromString(a.json().get("applicationId").asText()), a.json().get("ticketNumber").asText());
    }

    /** Submits an eligible application of {@link Applicants#valid(String)} (small test images). */
    public Submitted submit(String region) {
        return submit(Applicants.valid(region));
    }

    public record Submitted(UUID id, String ticket) {
    }

    public Http.Answer claim(String officer, UUID id) {
        return http.post(Paths.fill(Paths.CLAIM, "id", id.toString()), token(officer), "");
    }

    public JsonNode detail(String who, UUID id) {
        Http.Answer a = http.get(Paths.fill(Paths.APPLICATION, "id", id.toString()), token(who));
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        return a.json();
    }

    /** The decision document for what the application shows now, as the workstation would build it. */
    public DecisionDocument document(String officer, UUID id, String decision, String reason, String comment) {
        JsonNode d = detail(officer, id);
        return new DecisionDocument(id, d.get("ticketNumber").asText(), decision, reason, comment,
                Canonical.sha256Hex(Canonical.bytes(d.get("form"))), d.get("photoSha256").asText(),
                d.get("signatureSha256").asText(), d.get("policyVersion").asText(),
                d.get("claimedBy").get("officerIin").asText(), TestClock.liveNow());
    }

    public Http.Answer decide(String officer, String signer, UUID id, DecisionDocument doc) {
        byte[] bytes = doc.canonicalBytes();
        try {
            byte[] cms = CmsSigner.signDetached(DevIdentities.signingKey(signer), bytes);
            return http.post(Paths.fill(Paths.DECISION, "id", id.toString()), token(officer),
                    Map.of("document", Base64.getEncoder().encodeToString(bytes),
                            "cms", Base64.getEncoder().encodeToString(cms)));
        } catch (EdsException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Submits, claims with the officer and decides over raw HTTP; returns the application. */
    public Submitted decided(String region, String officer, String decision, String reason, String comment) {
        Submitted s = submit(region);
        assertThat(claim(officer, s.id()).status()).isEqualTo(200);
        Http.Answer a = decide(officer, officer, s.id(), document(officer, s.id(), decision, reason, comment));
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        return s;
    }

    // --- the workstation's clients ---------------------------------------------------------------------------

    /** A logged-in client of the certs-dev identity (officer-astana, supervisor, clerk-astana, ...). */
    public StaffClient login(String identity) throws Exception {
        StaffClient c = new StaffClient(url());
        c.login(DevIdentities.authenticationKey(identity));
        return c;
    }

    /** A synthetic person put into the register, then applying in ASTANA; returns the application id. */
    public UUID submit() throws Exception {
        return submit(Region.ASTANA, null).applicationId();
    }

    /** Submits a synthetic person of {@code region} who collects at {@code point} (null: any point). */
    public IntakeResponse submit(Region region, String point) throws Exception {
        SyntheticApplicant person = people.next(region);
        while (point != null && !point.equals(person.registrationPoint())) {
            person = people.next(region);
        }
        return portal(person).submit(person.toIntakeRequest());
    }

    /** As {@link #submit()}, with {@code photo} (JPEG bytes) in place of the synthetic portrait. */
    public UUID submitWithPhoto(byte[] photo) throws Exception {
        SyntheticApplicant person = people.next(Region.ASTANA);
        IntakeRequest r = person.toIntakeRequest();
        return portal(person).submit(new IntakeRequest(r.iin(), r.surname(), r.givenName(), r.patronymic(),
                r.birthDate(), r.documentType(), r.reason(), r.currentDocument(), r.region(), r.registrationPoint(),
                r.feePaymentRef(), r.phone(), Base64.getEncoder().encodeToString(photo), r.signature()))
                .applicationId();
    }

    /** As {@link #submit()}, with {@code photo} submitted and {@code registerPhoto} in the register (JPEG bytes). */
    public UUID submitWithPhotos(byte[] photo, byte[] registerPhoto) throws Exception {
        SyntheticApplicant p = people.next(Region.ASTANA);
        SyntheticApplicant person = new SyntheticApplicant(p.iin(), p.surname(), p.givenName(), p.patronymic(),
                p.cardNumber(), p.expiryDate(), p.region(), p.registrationPoint(), p.feePaymentRef(), p.phone(), photo,
                p.signaturePng(), p.registrySurname(), registerPhoto, p.registrySignaturePng(), java.util.Optional.empty());
        return portal(person).submit(person.toIntakeRequest()).applicationId();
    }

    /** The annulment log as the national supervisor reads it. */
    public List<kz.qujat.api.Annulment> annulments() throws Exception {
        return new kz.qujat.client.SupervisorApi(login("supervisor")).annulments(kz.qujat.client.AnnulmentFilter.NONE);
    }

    private CentralClient portal(SyntheticApplicant person) throws Exception {
        CentralClient portal = new CentralClient(url());
        portal.putRegistryPerson(person.toRegistryPerson(), FEED_KEY.toCharArray());
        return portal;
    }

    /**
     * Submits, lets {@code officer} claim it as the next of the queue and sign {@code decision} over what the
     * server serves. The queue is oldest first, so call it only when the officer's region queue is empty.
     */
    public IntakeResponse decided(String officer, Region region, String point, String decision, String reason,
                                  String comment) throws Exception {
        IntakeResponse submitted = submit(region, point);
        StaffClient o = login(officer);
        ApplicationDetail claimed = o.next().orElseThrow(() -> new AssertionError("queue is empty"));
        if (!claimed.id().equals(submitted.applicationId())) {
            throw new AssertionError("the queue held an older application");
        }
        ApplicationDetail detail = o.detail(claimed.id());
        o.decide(detail, o.image(Paths.PHOTO, detail.id()), o.image(Paths.SIGNATURE, detail.id()), decision, reason,
                comment, DevIdentities.signingKey(officer), TestClock.liveNow());
        return submitted;
    }

    /** An approved application made ready at {@code point}, as the production node reports it. */
    public IntakeResponse ready(Region region, String point) throws Exception {
        IntakeResponse r = decided(region == Region.ALMATY ? "officer-almaty" : "officer-astana", region, point,
                DecisionDocument.APPROVE, null, null);
        reportReady(r.applicationId(), point);
        return r;
    }

    /** Reports the document of {@code id} ready at {@code point}, signed with the production node's key. */
    public void reportReady(UUID id, String point) throws Exception {
        byte[] body = Json.mapper().writeValueAsBytes(new ReadyReport(id, point, "0" + (10_000_000
                + Math.floorMod(id.hashCode(), 89_999_999)), TestClock.liveNow()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + Paths.PRODUCTION_READY))
                .header("Content-Type", "application/json")
                .header("Qujat-Signature", Base64.getEncoder().encodeToString(
                        CmsSigner.signDetached(DevIdentities.signingKey("production-node"), body)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        int status = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) {
            throw new AssertionError("ready report answered " + status);
        }
    }

    /** The application as the national supervisor sees it. */
    public ApplicationDetail detail(UUID id) throws Exception {
        return login("supervisor").detail(id);
    }

    // --- the database ----------------------------------------------------------------------------------------

    public List<List<Object>> query(String sql, Object... args) throws SQLException {
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

    public Object scalar(String sql, Object... args) throws SQLException {
        List<List<Object>> rows = query(sql, args);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    /** The officer's inspection note as the central service stored it with the decision (null when none). */
    public String storedInspection(UUID id) throws SQLException {
        Object json = scalar("SELECT inspection_json FROM decision WHERE application_id = ?", id);
        return json == null ? null : json.toString();
    }
}
