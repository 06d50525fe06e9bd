package kz.qujat.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class PhotoInspectorsTest {
    @Test
    void eachThreadHasItsOwnInspectorAndKeepsIt() throws Exception {
        PhotoInspectors inspectors = new PhotoInspectors(Thresholds.defaults());
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            PhotoInspector here = inspectors.forThisThread();
            assertThat(inspectors.forThisThread()).isSameAs(here);
            var a = CompletableFuture.supplyAsync(inspectors::forThisThread, two);
            var b = CompletableFuture.supplyAsync(inspectors::forThisThread, two);
            assertThat(a.get()).isNotSameAs(here);
            assertThat(b.get()).isNotSameAs(here);
            assertThat(inspectors.thresholds()).isSameAs(here.thresholds());
        } finally {
            two.shutdownNow();
        }
    }
}
