package kz.qujat.eds;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every call to an OCSP responder or a TSA is told to the listeners registered here (the servers' metrics):
 * which service, how long it took and whether it answered. A listener must be quick and must not throw.
 */
public final class ServiceCalls {
    /** The remote services the EDS code calls. */
    public enum Service { OCSP, TSA }

    /** Told of one finished call. */
    public interface Listener {
        void called(Service service, long nanos, boolean answered);
    }

    private static final List<Listener> LISTENERS = new CopyOnWriteArrayList<>();

    private ServiceCalls() {
    }

    public static void listen(Listener listener) {
        LISTENERS.add(listener);
    }

    public static void stopListening(Listener listener) {
        LISTENERS.remove(listener);
    }

    static void tell(Service service, long nanos, boolean answered) {
        for (Listener l : LISTENERS) {
            try {
                l.called(service, nanos, answered);
            } catch (RuntimeException ignored) {
                // a broken listener must not break signature verification
            }
        }
    }
}
