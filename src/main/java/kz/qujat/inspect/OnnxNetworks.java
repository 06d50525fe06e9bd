package kz.qujat.inspect;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The two face networks (YuNet, the face descriptor) run by ONNX Runtime (Microsoft, MIT licence; Maven Central's
 * {@code com.microsoft.onnxruntime:onnxruntime}, the natives of one platform packed into the jar). Measured on this
 * project's hardware, the same networks take 0.56× (YuNet at 320×320) and 0.70–0.78× (the descriptor) of the time
 * OpenCV's DNN module took for the same numbers (README, "Benchmarks", session 24); the results are equal to
 * within float rounding ({@code OnnxEquivalenceTest} compares them with OpenCV's on the sample faces).
 *
 * <p>One session per network per process, made when first needed: a session is safe to run from several threads at
 * once, and its weights (23 MB for the descriptor) are then held once, not once per pooled instance. Each run uses the
 * calling thread only (one intra-op thread, sequential execution): the central service's request threads already
 * keep every core busy, and a workstation inspects one photo at a time, where a second thread would save a few
 * milliseconds of a human's wait.
 */
public final class OnnxNetworks {
    /** Sessions by the classpath resource of their model: the one piece of process-wide state here. */
    private static final Map<String, OrtSession> SESSIONS = new ConcurrentHashMap<>();

    private OnnxNetworks() {
    }

    /** The session of the model at {@code resource} (a classpath resource next to this class), made once. */
    static OrtSession session(String resource) {
        return SESSIONS.computeIfAbsent(resource, OnnxNetworks::open);
    }

    /** ONNX Runtime's environment, its natives loaded from the user's cache ({@link OnnxNatives}) the first time. */
    static OrtEnvironment environment() {
        OnnxNatives.prepare();
        return OrtEnvironment.getEnvironment();
    }

    private static OrtSession open(String resource) {
        OrtEnvironment env = environment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return env.createSession(YuNetFaceFinder.resource(resource), options);
        } catch (OrtException e) {
            throw new IllegalStateException("the network " + resource + " could not be loaded: " + e.getMessage(), e);
        }
    }

    /** Runs {@code session} on one float input of {@code shape} and hands its results to {@code read}. */
    static <R> R run(OrtSession session, String input, float[] data, long[] shape, Reader<R> read) {
        OrtEnvironment env = environment();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
             OrtSession.Result result = session.run(Map.of(input, tensor))) {
            return read.read(result);
        } catch (OrtException e) {
            throw new IllegalStateException("the network failed: " + e.getMessage(), e);
        }
    }

    /** The float output {@code name} of a run, copied out of the runtime's memory. */
    static float[] floats(OrtSession.Result result, String name) throws OrtException {
        OnnxTensor t = (OnnxTensor) result.get(name)
                .orElseThrow(() -> new IllegalStateException("the network has no output " + name));
        FloatBuffer b = t.getFloatBuffer();
        float[] out = new float[b.remaining()];
        b.get(out);
        return out;
    }

    /** Reads what a run needs from its results while they are open. */
    @FunctionalInterface
    interface Reader<R> {
        R read(OrtSession.Result result) throws OrtException;
    }
}
