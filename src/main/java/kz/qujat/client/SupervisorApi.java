package kz.qujat.client;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qujat.api.AccessEntry;
import kz.qujat.api.Annulment;
import kz.qujat.api.AnnulmentRates;
import kz.qujat.api.LiveQueue;
import kz.qujat.api.ParkedOrder;
import kz.qujat.api.Paths;
import kz.qujat.api.ReleaseRequest;
import kz.qujat.api.ReviewRequest;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * The supervisor's calls: the annulment log of their scope, the officers' rates, reviews, thumbnails; the live
 * queue with the release of a stale claim; the parked orders and their retry.
 */
public final class SupervisorApi {
    /** The server's upper bound on one page of the log. */
    public static final int MAX_LOG = 5000;

    private final StaffClient staff;

    /** {@code staff} must be logged in as a supervisor. */
    public SupervisorApi(StaffClient staff) {
        this.staff = staff;
    }

    public List<Annulment> annulments(AnnulmentFilter filter) throws CentralException {
        HttpUrl url = query(Paths.ANNULMENTS, filter).addQueryParameter("limit", String.valueOf(MAX_LOG)).build();
        return List.of(staff.call(new Request.Builder().url(url).get().build(), Annulment[].class));
    }

    public AnnulmentRates rates(AnnulmentFilter filter) throws CentralException {
        return staff.call(new Request.Builder().url(query(Paths.ANNULMENT_RATES, filter).build()).get().build(),
                AnnulmentRates.class);
    }

    /** Records or revises the review; {@code verdict} is AGREE or DISAGREE. Returns the entry as now stored. */
    public Annulment review(UUID applicationId, String verdict, String comment) throws CentralException {
        return staff.call(staff.post(Paths.fill(Paths.ANNULMENT_REVIEW, "id", applicationId.toString()),
                new ReviewRequest(verdict, comment)), Annulment.class);
    }

    /** Who read the application's personal data, when (the audit log's PD_READ events), oldest first. */
    public List<AccessEntry> accesses(UUID applicationId) throws CentralException {
        return List.of(staff.call(new Request.Builder().url(staff.url(Paths.fill(Paths.ACCESSES, "id",
                applicationId.toString()))).get().build(), AccessEntry[].class));
    }

    /** The live queue of the supervisor's scope: per region waiting, oldest, claims held; every claim held. */
    public LiveQueue liveQueue() throws CentralException {
        return staff.call(new Request.Builder().url(staff.url(Paths.LIVE_QUEUE)).get().build(), LiveQueue.class);
    }

    /** Returns a stale claim to the queue; the reason is recorded in the application's history with the supervisor. */
    public void releaseClaim(UUID applicationId, String reason) throws CentralException {
        staff.call(staff.post(Paths.fill(Paths.SUPERVISOR_RELEASE, "id", applicationId.toString()),
                new ReleaseRequest(reason)), null);
    }

    /** The approved orders production kept refusing, parked until a supervisor retries them; oldest first. */
    public List<ParkedOrder> parkedOrders() throws CentralException {
        return List.of(staff.call(new Request.Builder().url(staff.url(Paths.PARKED_ORDERS)).get().build(),
                ParkedOrder[].class));
    }

    /** Sends a parked order to production again (once its cause is fixed). */
    public void retryParked(UUID applicationId) throws CentralException {
        staff.call(staff.post(Paths.fill(Paths.PARKED_ORDER_RETRY, "id", applicationId.toString()), Map.of()), null);
    }

    /** {@link Paths#PHOTO} or {@link Paths#SIGNATURE} of an annulled application, for the thumbnails. */
    public byte[] image(String pathTemplate, UUID applicationId) throws CentralException {
        return staff.image(pathTemplate, applicationId);
    }

    private HttpUrl.Builder query(String path, AnnulmentFilter f) {
        HttpUrl.Builder b = staff.url(path).newBuilder();
        if (f.from() != null) {
            b.addQueryParameter("from", f.from().toString());
        }
        if (f.to() != null) {
            b.addQueryParameter("to", f.to().toString());
        }
        if (f.region() != null) {
            b.addQueryParameter("region", f.region().name());
        }
        if (f.officerIin() != null) {
            b.addQueryParameter("officer", f.officerIin());
        }
        if (f.reason() != null) {
            b.addQueryParameter("reason", f.reason().name());
        }
        return b;
    }
}
