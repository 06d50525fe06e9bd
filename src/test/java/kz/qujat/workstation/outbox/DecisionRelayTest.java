package kz.qujat.workstation.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import kz.qujat.client.StaffClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionRelayTest {
    private static final String OFFICER = "850314312017";
    // nothing listens on the discard port: any attempt to send fails as "unreachable"
    private static final String NOWHERE = "http://127.0.0.1:9";

    @TempDir
    Path dir;

    private static OutboxEntry entry(UUID id) {
        return new OutboxEntry(id, "Q-1", "APPROVE", OFFICER, "ZG9j", "Y21z", Instant.parse("2026-11-26T06:00:00Z"),
                0, null, null);
    }

    @Test
    void anEntryAnotherRoundAlreadyDeliveredIsNotSentAgain() throws Exception {
        DecisionOutbox outbox = new DecisionOutbox(dir);
        UUID id = UUID.randomUUID();
        OutboxEntry e = entry(id);
        outbox.put(e);
        outbox.markDelivered(id);
        DecisionRelay relay = new DecisionRelay(outbox, new StaffClient(NOWHERE), OFFICER);
        // had it tried to post, the unreachable service would have thrown
        assertThat(relay.deliver(e)).isEqualTo(DecisionRelay.Outcome.DELIVERED);
        assertThat(relay.send(e)).isEqualTo(new DecisionRelay.Sent(DecisionRelay.Outcome.DELIVERED, 0));
    }

    @Test
    void anUnreachableServiceLeavesTheDecisionPendingWithTheAttemptCounted() {
        DecisionOutbox outbox = new DecisionOutbox(dir);
        UUID id = UUID.randomUUID();
        outbox.put(entry(id));
        DecisionRelay relay = new DecisionRelay(outbox, new StaffClient(NOWHERE), OFFICER);
        assertThat(relay.send(entry(id))).isEqualTo(new DecisionRelay.Sent(DecisionRelay.Outcome.POSTPONED, 1));
        assertThat(outbox.find(id)).get().extracting(OutboxEntry::attempts).isEqualTo(1);
        assertThat(dir.resolve("pending").toFile().list()).containsExactly(id + ".json");
        DecisionRelay.Round round = relay.deliverAll();
        assertThat(round.pending()).isEqualTo(1);
        assertThat(round.delivered()).isZero();
    }
}
