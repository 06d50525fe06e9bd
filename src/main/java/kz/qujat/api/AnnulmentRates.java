package kz.qujat.api;

import java.util.List;

/**
 * Decision and annulment counts for the supervisor's filter: one row per officer and region, and the totals of
 * each region, so that an officer's annulment rate (annulments / decisions) can be read next to the region's.
 * The reason filter narrows the annulments counted, never the decisions.
 */
public record AnnulmentRates(List<OfficerRate> officers, List<RegionRate> regions) {

    public AnnulmentRates {
        officers = List.copyOf(officers);
        regions = List.copyOf(regions);
    }

    public record OfficerRate(String officerIin, String officerName, String region, long decisions, long annulments) {
        public double rate() {
            return decisions == 0 ? 0 : (double) annulments / decisions;
        }
    }

    public record RegionRate(String region, long decisions, long annulments) {
        public double rate() {
            return decisions == 0 ? 0 : (double) annulments / decisions;
        }
    }
}
