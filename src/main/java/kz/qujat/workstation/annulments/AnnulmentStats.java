package kz.qujat.workstation.annulments;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.qujat.api.Annulment;
import kz.qujat.api.AnnulmentRates;
import kz.qujat.domain.KzTime;

/**
 * The numbers behind the supervisor's charts and rate table: annulments per day by reason and by officer, and
 * each officer's annulment rate next to their region's. Pure functions of what the server returned.
 */
public final class AnnulmentStats {

    /** One officer's rate next to the region's; rates are annulments / decisions (0 when no decisions). */
    public record OfficerRateRow(String officerIin, String officerName, String region, long decisions,
                                 long annulments, double rate, double regionRate) {
        /** True when the officer annuls noticeably more often than the region (more than 1.5 times). */
        public boolean aboveRegion() {
            return decisions > 0 && rate > regionRate * 1.5;
        }
    }

    private AnnulmentStats() {
    }

    /** Annulments per Almaty calendar day for each key (reason or officer), days in order, keys sorted. */
    public static SortedMap<String, SortedMap<LocalDate, Long>> perDay(List<Annulment> log,
                                                                       Function<Annulment, String> key) {
        SortedMap<String, SortedMap<LocalDate, Long>> out = new TreeMap<>();
        for (Annulment a : log) {
            LocalDate day = a.annulledAt().atZone(KzTime.ZONE).toLocalDate();
            out.computeIfAbsent(nz(key.apply(a)), k -> new TreeMap<>()).merge(day, 1L, Long::sum);
        }
        return out;
    }

    public static String officerLabel(Annulment a) {
        return a.officerName() == null ? a.officerIin() : a.officerName();
    }

    public static List<OfficerRateRow> rateRows(AnnulmentRates rates) {
        Map<String, AnnulmentRates.RegionRate> regions = rates.regions().stream()
                .collect(Collectors.toMap(AnnulmentRates.RegionRate::region, r -> r, (x, y) -> x));
        return rates.officers().stream()
                .map(o -> {
                    AnnulmentRates.RegionRate r = regions.get(o.region());
                    return new OfficerRateRow(o.officerIin(), o.officerName() == null ? o.officerIin() : o.officerName(),
                            o.region(), o.decisions(), o.annulments(), o.rate(), r == null ? 0 : r.rate());
                })
                .sorted(Comparator.comparing(OfficerRateRow::region).thenComparing(OfficerRateRow::rate,
                        Comparator.reverseOrder()))
                .toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
