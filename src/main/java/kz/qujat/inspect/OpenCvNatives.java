package kz.qujat.inspect;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_imgproc;

/**
 * Loads the OpenCV natives the photo checks need and nothing else: core and imgproc (the face descriptor's alignment:
 * pyrDown, warpAffine), which inherit only OpenBLAS. The face networks run in ONNX Runtime ({@link OnnxNetworks}),
 * so OpenCV's dnn and objdetect modules are not loaded, and not packed into the jar. JavaCPP is then told to load no
 * more libraries: JavaCPP's own loading of other modules walks their preset inheritance (objdetect → calib3d →
 * features2d → highgui) and maps OpenCV's highgui, which on Linux is linked to GTK 2; a JavaFX window (GTK 3) in the
 * same process then dies with "GTK+ 2.x symbols detected" at the next native dialog. A class whose natives are not
 * loaded here fails loudly instead of dragging GTK 2 in.
 */
public final class OpenCvNatives {
    /** JavaCPP reads this system property each time it is about to load a library. */
    static final String LOAD_LIBRARIES = "org.bytedeco.javacpp.loadLibraries";
    /** Natives are loaded once per process, whoever asks first: the one piece of process-wide state here. */
    private static final java.util.concurrent.atomic.AtomicBoolean LOADED = new java.util.concurrent.atomic.AtomicBoolean();

    private OpenCvNatives() {
    }

    /**
     * Each OpenCV call (the descriptor's alignment) on the calling thread alone, for a server whose requests already
     * keep every core busy: OpenCV's own worker threads then only add hand-overs. The results are the same
     * (CheckEquivalenceTest). Process-wide: the standalone central service calls it. (The networks in ONNX Runtime
     * run on the calling thread everywhere.)
     */
    public static void oneThreadPerCall() {
        load();
        org.bytedeco.opencv.global.opencv_core.setNumThreads(1);
    }

    /** Loads the natives once per process; later calls return at once. */
    public static synchronized void load() {
        if (LOADED.get()) {
            return;
        }
        Loader.load(opencv_imgproc.class);
        System.setProperty(LOAD_LIBRARIES, "false");
        LOADED.set(true);
    }
}
