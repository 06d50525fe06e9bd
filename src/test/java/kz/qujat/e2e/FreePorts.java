package kz.qujat.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A free local port, for the two services that must know each other's address before either starts. */
final class FreePorts {
    private FreePorts() {
    }

    static int next() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
