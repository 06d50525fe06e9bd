package kz.qujat.production.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.qujat.store.Database;
import kz.qujat.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-26T06:00:00Z");
    private Database db;
    private OrderStore store;

    @BeforeEach
    void open() {
        db = Database.of(TestPostgres.freshDatabase(), "production");
        store = new OrderStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private NewOrder order(UUID id, Instant produceAfter) {
        return new NewOrder(id, "T-" + id.toString().substring(0, 6), "ASTANA-01", "850314312017", "{\"a\": 1}", T0,
                produceAfter);
    }

    @Test
    void anApplicationIsStoredOnce() {
        UUID id = UUID.randomUUID();
        assertThat(store.insertIfAbsent(order(id, T0))).isTrue();
        assertThat(store.insertIfAbsent(order(id, T0.plusSeconds(99)))).isFalse();
        assertThat(store.count("IN_PRODUCTION")).isEqualTo(1);
        assertThat(store.status(id)).hasValueSatisfying(s -> assertThat(s.status()).isEqualTo("IN_PRODUCTION"));
        assertThat(store.status(UUID.randomUUID())).isEmpty();
    }

    @Test
    void onlyDueOrdersAreProducedEachWithItsOwnNumber() {
        UUID due = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        store.insertIfAbsent(order(due, T0.plusSeconds(30)));
        store.insertIfAbsent(order(later, T0.plusSeconds(31)));
        assertThat(store.produceDue(T0.plusSeconds(29), 10)).isEmpty();
        List<ProducedDocument> first = store.produceDue(T0.plusSeconds(30), 10);
        assertThat(first).extracting(ProducedDocument::applicationId).containsExactly(due);
        List<ProducedDocument> second = store.produceDue(T0.plusSeconds(31), 10);
        assertThat(second).extracting(ProducedDocument::applicationId).containsExactly(later);
        assertThat(first.get(0).documentNumber()).matches("\\d{9}").isNotEqualTo(second.get(0).documentNumber());
        assertThat(store.produceDue(T0.plusSeconds(60), 10)).isEmpty();
    }

    @Test
    void concurrentWorkersNeverProduceAnOrderTwice() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            store.insertIfAbsent(order(id, T0));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<ProducedDocument>>> workers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                workers.add(() -> {
                    List<ProducedDocument> mine = new ArrayList<>();
                    List<ProducedDocument> batch;
                    while (!(batch = store.produceDue(T0, 3)).isEmpty()) {
                        mine.addAll(batch);
                    }
                    return mine;
                });
            }
            List<ProducedDocument> all = new ArrayList<>();
            for (Future<List<ProducedDocument>> f : pool.invokeAll(workers)) {
                all.addAll(f.get());
            }
            assertThat(all).extracting(ProducedDocument::applicationId).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(all.stream().map(ProducedDocument::documentNumber).distinct()).hasSize(40);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void reportsAreDueUntilDeliveredAndFailuresWaitTheirTurn() {
        UUID id = UUID.randomUUID();
        store.insertIfAbsent(order(id, T0));
        store.produceDue(T0, 10);
        assertThat(store.reportsDue(T0, 10)).hasSize(1);
        store.markReportFailed(id, T0.plus(Duration.ofSeconds(4)), "HTTP 503");
        assertThat(store.reportsDue(T0.plusSeconds(3), 10)).isEmpty();
        List<ProducedDocument> again = store.reportsDue(T0.plusSeconds(4), 10);
        assertThat(again).hasSize(1);
        assertThat(again.get(0).reportAttempts()).isEqualTo(1);
        assertThat(store.status(id).orElseThrow().lastError()).isEqualTo("HTTP 503");
        store.markReported(id, T0.plusSeconds(5));
        assertThat(store.reportsDue(T0.plusSeconds(999), 10)).isEmpty();
        OrderStatus done = store.status(id).orElseThrow();
        assertThat(done.status()).isEqualTo("REPORTED");
        assertThat(done.reportAttempts()).isEqualTo(2);
        assertThat(done.lastError()).isNull();
    }
}
