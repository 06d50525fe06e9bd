package kz.qujat.workstation.outbox;

import kz.qujat.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionOutboxTest {
    @TempDir
    Path dir;

    private static OutboxEntry entry(UUID id, String officer, Instant at) {
        return new OutboxEntry(id, "Q-1", "APPROVE", officer, "ZG9j", "Y21z", at, 0, null, null);
    }

    @Test
    void aStoredDecisionSurvivesANewOutboxAndASecondOneIsRefused() {
        UUID id = UUID.randomUUID();
        new DecisionOutbox(dir).put(entry(id, "850314312017", Instant.parse("2026-11-26T06:00:00Z")));
        DecisionOutbox reopened = new DecisionOutbox(dir);
        assertThat(reopened.find(id)).get().extracting(OutboxEntry::cms).isEqualTo("Y21z");
        assertThatThrownBy(() -> reopened.put(entry(id, "850314312017", TestClock.NOW)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(dir.resolve("pending").toFile().list()).containsExactly(id + ".json");
    }

    @Test
    void pendingIsPerOfficerOldestFirstAndLeavesOnDeliveryOrRejection() throws Exception {
        DecisionOutbox outbox = new DecisionOutbox(dir);
        UUID later = UUID.randomUUID();
        UUID earlier = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        outbox.put(entry(later, "850314312017", Instant.parse("2026-11-26T07:00:00Z")));
        outbox.put(entry(earlier, "850314312017", Instant.parse("2026-11-26T06:00:00Z")));
        outbox.put(entry(other, "900722423029", Instant.parse("2026-11-26T05:00:00Z")));
        assertThat(outbox.pendingOf("850314312017")).extracting(OutboxEntry::applicationId).containsExactly(earlier, later);

        outbox.attemptFailed(outbox.find(earlier).orElseThrow(), "unreachable");
        assertThat(outbox.find(earlier)).get().extracting(OutboxEntry::attempts).isEqualTo(1);
        outbox.markDelivered(earlier);
        outbox.markRejected(later, "409 conflict");
        assertThat(outbox.pendingOf("850314312017")).isEmpty();
        assertThat(Files.exists(dir.resolve("delivered/" + earlier + ".json"))).isTrue();
        assertThat(Files.exists(dir.resolve("rejected/" + later + ".json"))).isTrue();
        assertThat(outbox.pendingOf("900722423029")).hasSize(1);
    }

    @Test
    void theInspectionNoteIsKeptAndAFileWrittenBeforeItExistedStillReads() throws Exception {
        DecisionOutbox outbox = new DecisionOutbox(dir);
        UUID id = UUID.randomUUID();
        var note = kz.qujat.api.Json.mapper().readTree("{\"facePoints\":\"MANUAL\",\"worst\":\"WARN\",\"failing\":[]}");
        outbox.put(new OutboxEntry(id, "Q-2", "APPROVE", "850314312017", "ZG9j", "Y21z",
                Instant.parse("2026-11-26T06:00:00Z"), 0, null, note));
        outbox.attemptFailed(outbox.find(id).orElseThrow(), "unreachable");
        assertThat(new DecisionOutbox(dir).find(id)).get().extracting(OutboxEntry::inspection).isEqualTo(note);

        UUID old = UUID.randomUUID();
        Files.writeString(dir.resolve("pending/" + old + ".json"), "{\"applicationId\":\"" + old
                + "\",\"ticketNumber\":\"Q-3\",\"decision\":\"ANNUL\",\"officerIin\":\"850314312017\","
                + "\"document\":\"ZG9j\",\"cms\":\"Y21z\",\"signedAt\":\"2026-11-26T05:00:00Z\",\"attempts\":2,"
                + "\"lastError\":\"unreachable\"}");
        assertThat(outbox.pendingOf("850314312017")).extracting(OutboxEntry::applicationId).containsExactly(old, id);
        assertThat(outbox.find(old)).get().satisfies(e -> {
            assertThat(e.inspection()).isNull();
            assertThat(e.attempts()).isEqualTo(2);
        });
    }
}
