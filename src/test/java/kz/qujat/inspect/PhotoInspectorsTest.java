package kz.qujat.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kz.qujat.workstation.TestPhotos;
import org.junit.jupiter.api.Test;

class PhotoInspectorsTest {
    /** A face finder that counts how many threads are inside it at once. */
    private static final class Watched implements FaceFinder {
        final AtomicInteger inside = new AtomicInteger();
        volatile boolean shared;
        final CountDownLatch hold;

        Watched(CountDownLatch hold) {
            this.hold = hold;
        }

        @Override
        public Optional<FaceLandmarks> find(Raster image) {
            if (inside.incrementAndGet() > 1) {
                shared = true;
            }
            try {
                hold.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inside.decrementAndGet();
            }
            return Optional.empty();
        }
    }

    @Test
    void oneAtATimeReusesOneFinderWhateverTheThread() throws Exception {
        List<Watched> made = new ArrayList<>();
        Thresholds thresholds = Thresholds.defaults();
        PhotoInspectors inspectors = new PhotoInspectors(thresholds, () -> {
            Watched w = new Watched(new CountDownLatch(0));
            made.add(w);
            return w;
        });
        ExecutorService four = Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < 8; i++) {
                // each inspection on whichever worker is free, one after the other, as the officer's reviews
                CompletableFuture.supplyAsync(() -> inspectors.inspect(TestPhotos.facelessJpeg()), four).get();
            }
            assertThat(inspectors.made()).isEqualTo(1);
            assertThat(made).hasSize(1);
            assertThat(inspectors.thresholds()).isSameAs(thresholds);
        } finally {
            four.shutdownNow();
        }
    }

    @Test
    void inspectionsAtTheSameTimeNeverShareAFinder() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        List<Watched> made = java.util.Collections.synchronizedList(new ArrayList<>());
        PhotoInspectors inspectors = new PhotoInspectors(Thresholds.defaults(), () -> {
            Watched w = new Watched(hold);
            made.add(w);
            return w;
        });
        ExecutorService three = Executors.newFixedThreadPool(3);
        try {
            List<CompletableFuture<Report>> running = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                running.add(CompletableFuture.supplyAsync(() -> inspectors.inspect(TestPhotos.facelessJpeg()), three));
            }
            kz.qujat.testsupport.Await.until(java.time.Duration.ofSeconds(30), "three inspections inside a finder",
                    () -> made.stream().mapToInt(w -> w.inside.get()).sum() == 3);
            hold.countDown();
            for (CompletableFuture<Report> r : running) {
                assertThat(r.get().checks()).isNotEmpty();
            }
            assertThat(made).hasSize(3);
            assertThat(made).noneMatch(w -> w.shared);
            assertThat(inspectors.made()).isEqualTo(3);
        } finally {
            hold.countDown();
            three.shutdownNow();
        }
    }
}
