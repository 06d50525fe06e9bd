package kz.qujat.central;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import kz.qujat.api.Annulment;
import kz.qujat.api.AnnulmentRates;
import kz.qujat.api.ReviewRequest;
import kz.qujat.central.store.AnnulmentStore;
import kz.qujat.domain.AnnulmentReason;
import kz.qujat.domain.KzTime;
import kz.qujat.domain.Region;
import kz.qujat.server.ApiException;

/** The supervisor's annulment log: a national supervisor sees every region, a regional one only theirs. */
public final class AnnulmentService {
    private final AnnulmentStore store;
    private final ReviewService review;
    private final Clock clock;

    public AnnulmentService(AnnulmentStore store, ReviewService review, Clock clock) {
        this.store = store;
        this.review = review;
        this.clock = clock;
    }

    /** {@code from}/{@code to}: Almaty calendar days, both inclusive; any may be null. */
    public List<Annulment> list(StaffMember supervisor, LocalDate from, LocalDate to, Region region, String officerIin,
                                AnnulmentReason reason, int limit) {
        return store.list(filter(supervisor, from, to, region, officerIin, reason), limit);
    }

    /**
     * Decisions and annulments per officer for the same filter as {@link #list}, with each region's totals. The
     * region totals ignore the officer filter, so that an officer is always compared with the whole region.
     */
    public AnnulmentRates rates(StaffMember supervisor, LocalDate from, LocalDate to, Region region, String officerIin,
                                AnnulmentReason reason) {
        List<AnnulmentRates.OfficerRate> all = store.counts(filter(supervisor, from, to, region, null, reason));
        Map<String, long[]> byRegion = new TreeMap<>();
        for (AnnulmentRates.OfficerRate r : all) {
            long[] sum = byRegion.computeIfAbsent(r.region(), k -> new long[2]);
            sum[0] += r.decisions();
            sum[1] += r.annulments();
        }
        return new AnnulmentRates(
                all.stream().filter(r -> officerIin == null || officerIin.equals(r.officerIin())).toList(),
                byRegion.entrySet().stream()
                        .map(e -> new AnnulmentRates.RegionRate(e.getKey(), e.getValue()[0], e.getValue()[1])).toList());
    }

    private static AnnulmentStore.Filter filter(StaffMember supervisor, LocalDate from, LocalDate to, Region region,
                                                String officerIin, AnnulmentReason reason) {
        Region scope = region;
        if (!supervisor.national()) {
            if (region != null && region != supervisor.region()) {
                throw ApiException.forbidden("a regional supervisor sees only the annulments of " + supervisor.region());
            }
            scope = supervisor.region();
        }
        return new AnnulmentStore.Filter(
                from == null ? null : from.atStartOfDay(KzTime.ZONE).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(KzTime.ZONE).toInstant(),
                scope == null ? null : scope.name(), officerIin, reason == null ? null : reason.name());
    }

    public Annulment review(StaffMember supervisor, UUID id, ReviewRequest request) {
        if (request.verdict() == null || !(request.verdict().equals("AGREE") || request.verdict().equals("DISAGREE"))) {
            throw ApiException.invalid("verdict must be AGREE or DISAGREE");
        }
        if (request.comment() != null && request.comment().length() > 2000) {
            throw ApiException.invalid("comment must be at most 2000 characters");
        }
        review.visible(supervisor, id);
        if (!store.review(id, request.verdict(), request.comment(), supervisor.iin(), clock.instant())) {
            throw ApiException.conflict("the application is not annulled");
        }
        return store.list(new AnnulmentStore.Filter(null, null, null, null, null), Integer.MAX_VALUE).stream()
                .filter(a -> a.applicationId().equals(id)).findFirst().orElseThrow();
    }
}
