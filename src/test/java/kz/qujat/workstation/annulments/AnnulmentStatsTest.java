package kz.qujat.workstation.annulments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kz.qujat.api.Annulment;
import kz.qujat.api.AnnulmentRates;
import org.junit.jupiter.api.Test;

class AnnulmentStatsTest {

    private static Annulment annulment(String reason, String officer, String at) {
        return new Annulment(UUID.randomUUID(), "Q-0000001-8", "ASTANA", reason, null, "850314312017", officer,
                Instant.parse(at), "OWED", null, null);
    }

    @Test
    void countsPerAlmatyDayByReason() {
        // 19:30 UTC is already the next day in Almaty (UTC+5)
        var perDay = AnnulmentStats.perDay(List.of(annulment("PHOTO", "A", "2026-11-20T10:00:00Z"),
                annulment("PHOTO", "A", "2026-11-20T19:30:00Z"), annulment("SIGNATURE", "B", "2026-11-20T11:00:00Z")),
                Annulment::reason);
        assertThat(perDay.keySet()).containsExactly("PHOTO", "SIGNATURE");
        assertThat(perDay.get("PHOTO")).containsEntry(LocalDate.of(2026, 11, 20), 1L)
                .containsEntry(LocalDate.of(2026, 11, 21), 1L);
        assertThat(perDay.get("SIGNATURE")).containsOnlyKeys(LocalDate.of(2026, 11, 20));
    }

    @Test
    void putsEachOfficersRateNextToTheRegionsAndFlagsTheHighOnes() {
        AnnulmentRates rates = new AnnulmentRates(List.of(
                new AnnulmentRates.OfficerRate("1", "Low", "ASTANA", 10, 1),
                new AnnulmentRates.OfficerRate("2", "High", "ASTANA", 10, 5),
                new AnnulmentRates.OfficerRate("3", null, "ALMATY", 0, 0)),
                List.of(new AnnulmentRates.RegionRate("ASTANA", 20, 6), new AnnulmentRates.RegionRate("ALMATY", 0, 0)));
        List<AnnulmentStats.OfficerRateRow> rows = AnnulmentStats.rateRows(rates);
        assertThat(rows).extracting(AnnulmentStats.OfficerRateRow::officerName).containsExactly("3", "High", "Low");
        AnnulmentStats.OfficerRateRow high = rows.get(1);
        assertThat(high.rate()).isEqualTo(0.5);
        assertThat(high.regionRate()).isEqualTo(0.3);
        assertThat(high.aboveRegion()).isTrue();
        assertThat(rows.get(2).aboveRegion()).isFalse();
        assertThat(rows.get(0).rate()).isZero();
        assertThat(rows.get(0).aboveRegion()).isFalse();
    }
}
