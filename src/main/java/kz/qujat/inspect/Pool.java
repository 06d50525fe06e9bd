package kz.qujat.inspect;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * At most {@code size} instances of something heavy and not thread-safe (a 23 MB face network), made when first
 * needed and lent to one caller at a time; a caller finding all of them busy waits for one. Memory is then bounded
 * by the pool's size, not by the number of request threads.
 */
public final class Pool<T> {
    private final BlockingQueue<T> idle;
    private final Supplier<T> make;
    private final int size;
    private final AtomicInteger made = new AtomicInteger();

    public Pool(int size, Supplier<T> make) {
        if (size < 1) {
            throw new IllegalArgumentException("a pool needs at least one instance");
        }
        this.size = size;
        this.idle = new ArrayBlockingQueue<>(size);
        this.make = make;
    }

    /** Runs {@code work} with an instance of the pool and gives it back, whatever happens. */
    public <R> R with(Function<T, R> work) {
        T t = borrow();
        try {
            return work.apply(t);
        } finally {
            idle.add(t);
        }
    }

    /** How many instances exist so far (never more than the size). */
    public int made() {
        return made.get();
    }

    private T borrow() {
        T t = idle.poll();
        if (t != null) {
            return t;
        }
        if (made.incrementAndGet() <= size) {
            try {
                return make.get();
            } catch (RuntimeException | Error e) {
                made.decrementAndGet();
                throw e;
            }
        }
        made.decrementAndGet();
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a free instance", e);
        }
    }
}
