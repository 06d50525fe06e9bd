package kz.qujat.workstation.ui;

import kz.qujat.testsupport.TestClock;
import java.util.UUID;
import kz.qujat.api.ApplicationDetail;
import kz.qujat.api.IntakeResponse;
import kz.qujat.central.CentralConfig;
import kz.qujat.central.CentralServer;
import kz.qujat.client.CentralClient;
import kz.qujat.client.StaffClient;
import kz.qujat.domain.Region;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.TestPostgres;
import kz.qujat.tools.synthetic.SyntheticApplicant;
import kz.qujat.tools.synthetic.SyntheticApplicants;

/**
 * A real central service for the UI tests, on its own database and a port that stays the same across a stop
 * and a start (so the workstation can be cut off and reconnected), with synthetic applicants to submit.
 */
final class CentralForUi implements AutoCloseable {
    private static final String FEED_KEY = "feed-key-for-ui-tests-0123456789";
    private final String jdbcUrl;
    private final SyntheticApplicants people;
    private CentralServer server;
    private int port;

    CentralForUi(long seed) throws Exception {
        jdbcUrl = TestPostgres.freshJdbcUrl();
        people = new SyntheticApplicants(seed, TestClock.today(), 0);
        start();
    }

    void start() throws Exception {
        server = CentralServer.start(CentralConfig.builder().port(port).db(jdbcUrl)
                .trustDir(DevIdentities.file("trust")).staffFile(DevIdentities.file("staff-dev.csv"))
                .registryFeedKey(FEED_KEY).build());
        port = server.port();
    }

    void stop() {
        server.stop();
    }

    String url() {
        return "http://localhost:" + port;
    }

    /** A synthetic person put into the register, then applying in ASTANA; returns the application id. */
    UUID submit() throws Exception {
        SyntheticApplicant person = people.next(Region.ASTANA);
        CentralClient client = new CentralClient(url());
        client.putRegistryPerson(person.toRegistryPerson(), FEED_KEY.toCharArray());
        IntakeResponse r = client.submit(person.toIntakeRequest());
        return r.applicationId();
    }

    /** As {@link #submit()}, with {@code photo} (JPEG bytes) in place of the synthetic portrait. */
    UUID submitWithPhoto(byte[] photo) throws Exception {
        SyntheticApplicant person = people.next(Region.ASTANA);
        CentralClient client = new CentralClient(url());
        client.putRegistryPerson(person.toRegistryPerson(), FEED_KEY.toCharArray());
        kz.qujat.api.IntakeRequest r = person.toIntakeRequest();
        return client.submit(new kz.qujat.api.IntakeRequest(r.iin(), r.surname(), r.givenName(), r.patronymic(),
                r.birthDate(), r.documentType(), r.reason(), r.currentDocument(), r.region(), r.registrationPoint(),
                r.feePaymentRef(), r.phone(), java.util.Base64.getEncoder().encodeToString(photo), r.signature()))
                .applicationId();
    }

    /** As {@link #submit()}, with {@code photo} submitted and {@code registerPhoto} in the register (JPEG bytes). */
    UUID submitWithPhotos(byte[] photo, byte[] registerPhoto) throws Exception {
        SyntheticApplicant p = people.next(Region.ASTANA);
        SyntheticApplicant person = new SyntheticApplicant(p.iin(), p.surname(), p.givenName(), p.patronymic(),
                p.cardNumber(), p.expiryDate(), p.region(), p.registrationPoint(), p.feePaymentRef(), p.phone(), photo,
                p.signaturePng(), p.registrySurname(), registerPhoto, p.registrySignaturePng(), java.util.Optional.empty());
        CentralClient client = new CentralClient(url());
        client.putRegistryPerson(person.toRegistryPerson(), FEED_KEY.toCharArray());
        return client.submit(person.toIntakeRequest()).applicationId();
    }

    /** The annulment log as the national supervisor reads it. */
    java.util.List<kz.qujat.api.Annulment> annulments() throws Exception {
        StaffClient supervisor = new StaffClient(url());
        supervisor.login(DevIdentities.authenticationKey("supervisor"));
        return new kz.qujat.client.SupervisorApi(supervisor).annulments(
                kz.qujat.client.AnnulmentFilter.NONE);
    }

    /** The officer's inspection note as the central service stored it with the decision (null when none). */
    String storedInspection(UUID id) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl);
             java.sql.PreparedStatement st = c.prepareStatement(
                     "SELECT inspection_json FROM decision WHERE application_id = ?")) {
            st.setObject(1, id);
            try (java.sql.ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The application as the national supervisor sees it. */
    ApplicationDetail detail(UUID id) throws Exception {
        StaffClient supervisor = new StaffClient(url());
        supervisor.login(DevIdentities.authenticationKey("supervisor"));
        return supervisor.detail(id);
    }

    @Override
    public void close() {
        server.stop();
    }
}
