package kz.qujat.inspect;

/**
 * Photo inspectors for work that runs on several threads at once (the central service's request threads,
 * the workstation's background pool): OpenCV's classifiers keep state while they detect, so each thread
 * gets its own face finder, made on the thread's first inspection.
 */
public final class PhotoInspectors {
    private final Thresholds thresholds;
    private final ThreadLocal<PhotoInspector> perThread;

    public PhotoInspectors(Thresholds thresholds) {
        this.thresholds = thresholds;
        this.perThread = ThreadLocal.withInitial(() -> new PhotoInspector(thresholds, new YuNetFaceFinder()));
    }

    /** The calling thread's inspector (loads OpenCV on first use: call off a UI thread). */
    public PhotoInspector forThisThread() {
        return perThread.get();
    }

    public Thresholds thresholds() {
        return thresholds;
    }
}
