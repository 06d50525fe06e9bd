package kz.qujat.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.UUID;
import kz.qujat.api.ApplicationDetail;
import kz.qujat.api.DecisionDocument;
import kz.qujat.api.IntakeResponse;
import kz.qujat.api.Json;
import kz.qujat.api.Paths;
import kz.qujat.api.ReadyReport;
import kz.qujat.central.CentralConfig;
import kz.qujat.central.CentralServer;
import kz.qujat.client.CentralClient;
import kz.qujat.client.StaffClient;
import kz.qujat.domain.Region;
import kz.qujat.eds.CmsSigner;
import kz.qujat.tools.synthetic.SyntheticApplicant;
import kz.qujat.tools.synthetic.SyntheticApplicants;

/**
 * A real central service on a fresh database with the certs-dev trust and staff, filled only through its API:
 * the portal submits synthetic applicants, officers decide with their certs-dev keys, the production node
 * reports documents ready with its signed request. For the supervisor's and clerk's client and screen tests.
 */
public final class LiveCentral implements AutoCloseable {
    public static final String FEED_KEY = "live-central-feed-key";
    private final CentralServer server;
    private final SyntheticApplicants people = new SyntheticApplicants(7, TestClock.today(), 0);

    public LiveCentral() throws Exception {
        this(b -> b);
    }

    /** As above, with more of the configuration (a production node, the relay's pace, ...). */
    public LiveCentral(java.util.function.UnaryOperator<CentralConfig.Builder> more) throws Exception {
        server = CentralServer.start(more.apply(CentralConfig.builder().port(0).db(TestPostgres.freshJdbcUrl())
                .trustDir(DevIdentities.file("trust")).staffFile(DevIdentities.file("staff-dev.csv"))
                .registryFeedKey(FEED_KEY).peerCert(DevIdentities.file("production-node.crt"))).build());
    }

    public String url() {
        return server.url();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** A logged-in client of the certs-dev identity (officer-astana, supervisor, clerk-astana, ...). */
    public StaffClient login(String identity) throws Exception {
        StaffClient c = new StaffClient(url());
        c.login(DevIdentities.authenticationKey(identity));
        return c;
    }

    /** Submits a person of {@code region} who collects at {@code point} (null: any point); returns the ticket. */
    public IntakeResponse submit(Region region, String point) throws Exception {
        SyntheticApplicant person = people.next(region);
        while (point != null && !point.equals(person.registrationPoint())) {
            person = people.next(region);
        }
        CentralClient portal = new CentralClient(url());
        portal.putRegistryPerson(person.toRegistryPerson(), FEED_KEY.toCharArray());
        return portal.submit(person.toIntakeRequest());
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
}
