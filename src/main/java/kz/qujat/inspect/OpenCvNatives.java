package kz.qujat.inspect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bytedeco.javacpp.ClassProperties;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.presets.opencv_highgui;
import org.bytedeco.opencv.presets.opencv_imgcodecs;
import org.bytedeco.opencv.presets.opencv_objdetect;
import org.bytedeco.opencv.presets.opencv_videoio;

/**
 * Loads the OpenCV natives the face finder needs and nothing else. JavaCPP's own loading of the
 * objdetect module walks its preset inheritance (calib3d → features2d → highgui) and maps OpenCV's
 * highgui, which on Linux is linked to GTK 2; a JavaFX window (GTK 3) in the same process then dies with
 * "GTK+ 2.x symbols detected" at the next native dialog. So the objdetect libraries are loaded here by
 * name, without the GUI, video and codec modules, and JavaCPP is then told to load no more libraries:
 * a class whose natives are missing fails loudly instead of dragging GTK 2 in.
 */
public final class OpenCvNatives {
    /** JavaCPP reads this system property each time it is about to load a library. */
    static final String LOAD_LIBRARIES = "org.bytedeco.javacpp.loadLibraries";
    /** Natives are loaded once per process, whoever asks first: the one piece of process-wide state here. */
    private static final java.util.concurrent.atomic.AtomicBoolean LOADED = new java.util.concurrent.atomic.AtomicBoolean();

    private OpenCvNatives() {
    }

    /**
     * Each OpenCV call (YuNet, the face descriptor) on the calling thread alone, for a server whose requests already
     * keep every core busy: OpenCV's own worker threads then only add hand-overs (about a tenth more CPU per
     * detection and description here, measured under load). The results are the same (CheckEquivalenceTest).
     * Process-wide: the standalone central service calls it, not the demo, whose window wants one review fast.
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
        // core and imgproc inherit only openblas: JavaCPP's normal loading is harmless for them
        Loader.load(opencv_imgproc.class);
        // dnn (the face descriptor) inherits only imgproc as well
        Loader.load(org.bytedeco.opencv.global.opencv_dnn.class);
        ClassProperties objdetect = Loader.loadProperties(opencv_objdetect.class, Loader.loadProperties(), true);
        Set<String> unwanted = new HashSet<>();
        for (Class<?> module : List.of(opencv_highgui.class, opencv_videoio.class, opencv_imgcodecs.class)) {
            unwanted.addAll(Loader.loadProperties(module, Loader.loadProperties(), false).get("platform.link"));
        }
        List<String> preloaded = new ArrayList<>();
        for (String library : objdetect.get("platform.preload")) {
            // optional accelerators (CUDA and the like): absent on an ordinary workstation
            try {
                preloaded.add(load(objdetect, library, preloaded));
            } catch (UnsatisfiedLinkError absent) {
                // as JavaCPP itself does: an optional preload that is not there is skipped
            }
        }
        for (String library : objdetect.get("platform.link")) {
            if (!unwanted.contains(library)) {
                preloaded.add(load(objdetect, library, preloaded));
            }
        }
        load(objdetect, objdetect.getProperty("platform.library"), preloaded);
        System.setProperty(LOAD_LIBRARIES, "false");
        LOADED.set(true);
    }

    private static String load(ClassProperties properties, String library, List<String> preloaded) {
        String file = Loader.loadLibrary(opencv_objdetect.class,
                Loader.findLibrary(opencv_objdetect.class, properties, library), library,
                preloaded.toArray(new String[0]));
        if (file == null) {
            throw new UnsatisfiedLinkError("OpenCV library " + library + " could not be loaded");
        }
        return file;
    }
}
