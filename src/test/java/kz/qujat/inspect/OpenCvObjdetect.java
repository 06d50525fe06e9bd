package kz.qujat.inspect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bytedeco.javacpp.ClassProperties;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.presets.opencv_highgui;
import org.bytedeco.opencv.presets.opencv_imgcodecs;
import org.bytedeco.opencv.presets.opencv_objdetect;
import org.bytedeco.opencv.presets.opencv_videoio;

/**
 * For tests only: OpenCV's objdetect and dnn modules, which the product no longer carries (its face networks run in
 * ONNX Runtime), for the Haar cascade the detector is compared with and for OpenCV's YuNet and descriptor that
 * {@link OnnxEquivalenceTest} compares ONNX Runtime's with. Loaded by name without highgui, videoio and imgcodecs, as
 * the product loaded them before (JavaCPP's own loading would map highgui and with it GTK 2, see
 * {@link OpenCvNatives}); JavaCPP's loading stays off afterwards.
 */
final class OpenCvObjdetect {
    private static boolean loaded;

    private OpenCvObjdetect() {
    }

    static synchronized void load() {
        OpenCvNatives.load();
        if (loaded) {
            return;
        }
        System.setProperty(OpenCvNatives.LOAD_LIBRARIES, "true");
        try {
            Loader.load(org.bytedeco.opencv.global.opencv_dnn.class);
            ClassProperties objdetect = Loader.loadProperties(opencv_objdetect.class, Loader.loadProperties(), true);
            Set<String> unwanted = new HashSet<>();
            for (Class<?> module : List.of(opencv_highgui.class, opencv_videoio.class, opencv_imgcodecs.class)) {
                unwanted.addAll(Loader.loadProperties(module, Loader.loadProperties(), false).get("platform.link"));
            }
            List<String> preloaded = new ArrayList<>();
            for (String library : objdetect.get("platform.preload")) {
                try {
                    preloaded.add(load(objdetect, library, preloaded));
                } catch (UnsatisfiedLinkError absent) {
                    // optional accelerators (CUDA and the like), as JavaCPP itself skips them
                }
            }
            for (String library : objdetect.get("platform.link")) {
                if (!unwanted.contains(library)) {
                    preloaded.add(load(objdetect, library, preloaded));
                }
            }
            load(objdetect, objdetect.getProperty("platform.library"), preloaded);
            loaded = true;
        } finally {
            System.setProperty(OpenCvNatives.LOAD_LIBRARIES, "false");
        }
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
