package kz.qujat.client;

import java.time.LocalDate;
import kz.qujat.domain.AnnulmentReason;
import kz.qujat.domain.Region;

/** The supervisor's filter of the annulment log; every field may be null (no filter). Days are Almaty days. */
public record AnnulmentFilter(LocalDate from, LocalDate to, Region region, String officerIin, AnnulmentReason reason) {
    public static final AnnulmentFilter NONE = new AnnulmentFilter(null, null, null, null, null);

    public AnnulmentFilter {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("the last day is before the first");
        }
        if (officerIin != null && !officerIin.matches("\\d{12}")) {
            throw new IllegalArgumentException("the officer is given by a 12-digit IIN");
        }
    }
}
