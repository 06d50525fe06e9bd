package kz.qujat.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qujat.api.OrderSummary;
import kz.qujat.central.store.DivergenceStore.CentralSide;
import org.junit.jupiter.api.Test;

/** Every kind of divergence between central and production is reported; what is merely in flight is not. */
class ReconciliationTest {
    private final Map<UUID, CentralSide> central = new LinkedHashMap<>();
    private final Map<UUID, OrderSummary> production = new LinkedHashMap<>();

    private UUID here(String status, String card, int readies, boolean delivered) {
        UUID id = UUID.randomUUID();
        central.put(id, new CentralSide(id, status, card, readies, delivered, true));
        return id;
    }

    private void there(UUID id, String status, String card) {
        production.put(id, new OrderSummary(id, status, card));
    }

    private List<String> kinds(UUID id) {
        return Reconciliation.compare(central, production).stream().filter(d -> d.applicationId().equals(id))
                .map(Reconciliation.Divergence::kind).toList();
    }

    @Test
    void everyDivergenceIsReportedAndNothingInFlight() {
        UUID agreed = here("READY_FOR_PICKUP", "040000001", 1, true);
        there(agreed, "REPORTED", "040000001");
        UUID inFlightOut = here("APPROVED", null, 0, false);
        UUID inFlightBack = here("IN_PRODUCTION", null, 0, true);
        there(inFlightBack, "PRODUCED", "040000002");
        UUID lostThere = here("IN_PRODUCTION", null, 0, true);
        UUID acknowledgedButLost = here("APPROVED", null, 0, true);
        UUID notApproved = here("IN_REVIEW", null, 0, false);
        there(notApproved, "IN_PRODUCTION", null);
        UUID unknown = UUID.randomUUID();
        there(unknown, "PRODUCED", "040000003");
        UUID readyThere = here("IN_PRODUCTION", null, 0, true);
        there(readyThere, "REPORTED", "040000004");
        UUID readyHere = here("READY_FOR_PICKUP", "040000005", 1, true);
        there(readyHere, "IN_PRODUCTION", null);
        UUID twoNumbers = here("ISSUED", "040000006", 1, true);
        there(twoNumbers, "REPORTED", "040000007");
        UUID readyTwice = here("READY_FOR_PICKUP", "040000008", 2, true);
        there(readyTwice, "REPORTED", "040000008");

        assertThat(kinds(agreed)).isEmpty();
        assertThat(kinds(inFlightOut)).isEmpty();
        assertThat(kinds(inFlightBack)).isEmpty();
        assertThat(kinds(lostThere)).containsExactly("ORDERED_HERE_NOT_THERE");
        assertThat(kinds(acknowledgedButLost)).containsExactly("ORDERED_HERE_NOT_THERE");
        assertThat(kinds(notApproved)).containsExactly("ORDERED_THERE_NOT_APPROVED_HERE");
        assertThat(kinds(unknown)).containsExactly("ORDERED_THERE_UNKNOWN_HERE");
        assertThat(kinds(readyThere)).containsExactly("READY_THERE_NOT_HERE");
        assertThat(kinds(readyHere)).containsExactly("READY_HERE_NOT_THERE");
        assertThat(kinds(twoNumbers)).containsExactly("TWO_CARD_NUMBERS");
        assertThat(kinds(readyTwice)).containsExactly("READY_TWICE");
        assertThat(Reconciliation.compare(central, production)).hasSize(8)
                .allSatisfy(d -> assertThat(d.detail()).doesNotContainPattern("\\d{12}"));
    }
}
