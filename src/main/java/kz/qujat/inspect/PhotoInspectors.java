package kz.qujat.inspect;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Photo inspectors for work that runs on several threads at once (the central service's request threads,
 * the workstation's background pool). A face finder holds OpenCV state while it detects, so an inspector is
 * never used by two threads at once: {@link #inspect} borrows an idle one, or makes one when none is idle,
 * and gives it back. There are then as many face finders as inspections that ever ran at the same time, not
 * one per thread: each YuNet network holds about 20 MB of native memory, and the workstation's four worker
 * threads would otherwise hold four of them for the one review the officer has open.
 */
public final class PhotoInspectors {
    private final Thresholds thresholds;
    private final Supplier<FaceFinder> finders;
    private final ConcurrentLinkedDeque<PhotoInspector> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger made = new AtomicInteger();

    public PhotoInspectors(Thresholds thresholds) {
        this(thresholds, YuNetFaceFinder::new);
    }

    PhotoInspectors(Thresholds thresholds, Supplier<FaceFinder> finders) {
        this.thresholds = thresholds;
        this.finders = finders;
    }

    /** Inspects with an inspector no other thread is using (loads OpenCV on first use: call off a UI thread). */
    public Report inspect(byte[] bytes) {
        return inspect(bytes, null);
    }

    /** With {@code manual} points (clicked by the officer) the detector is not asked. */
    public Report inspect(byte[] bytes, FaceLandmarks manual) {
        return withIdle(inspector -> inspector.inspect(bytes, manual));
    }

    /** As {@link #inspect(byte[])}, keeping the decoded image for a further measure (the same-person check). */
    public PhotoInspector.Inspected inspectKeeping(byte[] bytes) {
        return withIdle(inspector -> inspector.inspectKeeping(bytes));
    }

    /** As {@link #inspectKeeping(byte[])} with the bytes already decoded (not decoded again). */
    public PhotoInspector.Inspected inspectKeeping(byte[] bytes, SafeImage.Result decoded) {
        return withIdle(inspector -> inspector.inspectKeeping(bytes, decoded));
    }

    private <T> T withIdle(java.util.function.Function<PhotoInspector, T> work) {
        PhotoInspector inspector = idle.pollFirst();
        if (inspector == null) {
            inspector = new PhotoInspector(thresholds, finders.get());
            made.incrementAndGet();
        }
        try {
            return work.apply(inspector);
        } finally {
            // the most recently used first: the same network, warm in the caches, serves a steady one-at-a-time load
            idle.addFirst(inspector);
        }
    }

    /** How many inspectors (and face finders) were made: the most inspections that ran at once. */
    public int made() {
        return made.get();
    }

    public Thresholds thresholds() {
        return thresholds;
    }
}
