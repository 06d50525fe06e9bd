package kz.qujat.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The pool of heavy instances stays within its size; the register descriptors' cache is bounded and keyed by bytes. */
class PoolAndCacheTest {

    @Test
    void aPoolNeverMakesMoreThanItsSizeAndLendsEachInstanceToOneCallerAtATime() throws Exception {
        AtomicInteger made = new AtomicInteger();
        Pool<AtomicInteger> pool = new Pool<>(2, () -> {
            made.incrementAndGet();
            return new AtomicInteger();
        });
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger overlaps = new AtomicInteger();
        try {
            java.util.List<Future<Integer>> done = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                done.add(threads.submit(() -> {
                    start.await();
                    return pool.with(in -> {
                        if (in.incrementAndGet() != 1) {
                            overlaps.incrementAndGet();
                        }
                        Thread.yield();   // give another caller the chance to overlap, if the pool would let it
                        in.decrementAndGet();
                        return 1;
                    });
                }));
            }
            start.countDown();
            int sum = 0;
            for (Future<Integer> f : done) {
                sum += f.get(30, TimeUnit.SECONDS);
            }
            assertThat(sum).isEqualTo(40);
        } finally {
            threads.shutdownNow();
        }
        assertThat(made.get()).isBetween(1, 2);
        assertThat(pool.made()).isEqualTo(made.get());
        assertThat(overlaps.get()).as("an instance lent to two callers at once").isZero();
    }

    @Test
    void aFailedInstanceIsNotCountedAndTheNextCallerGetsANewOne() {
        AtomicInteger calls = new AtomicInteger();
        Pool<String> pool = new Pool<>(1, () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("model missing");
            }
            return "net";
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> pool.with(s -> s)).hasMessageContaining("model");
        String got = pool.with(s -> s);
        assertThat(got).isEqualTo("net");
        assertThat(pool.made()).isEqualTo(1);
    }

    @Test
    void theCacheKeepsTheMostRecentlyUsedEntriesByTheBytesOfThePhoto() {
        DescriptorCache cache = new DescriptorCache(2);
        AtomicInteger computed = new AtomicInteger();
        java.util.function.Supplier<DescriptorCache.Entry> compute = () -> {
            computed.incrementAndGet();
            return new DescriptorCache.Entry(new float[] {computed.get()}, new SamePerson.Face(true, null, 0.9, null));
        };
        byte[] a = {1, 2, 3};
        byte[] b = {4, 5, 6};
        byte[] c = {7, 8, 9};
        float first = cache.get(a, compute).descriptor()[0];
        assertThat(cache.get(a.clone(), compute).descriptor()[0]).as("same bytes, same entry").isEqualTo(first);
        cache.get(b, compute);
        cache.get(a, compute);
        cache.get(c, compute);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(computed.get()).isEqualTo(3);
        cache.get(a, compute);
        assertThat(computed.get()).as("a was used last, so b went").isEqualTo(3);
        cache.get(b, compute);
        assertThat(computed.get()).isEqualTo(4);
        assertThat(cache.hits()).isEqualTo(3);
        DescriptorCache none = new DescriptorCache(0);
        none.get(a, compute);
        none.get(a, compute);
        assertThat(none.size()).isZero();
    }
}
