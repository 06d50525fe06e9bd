package kz.qujat.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP link to another port on this machine that holds the start of every request for a while: a slow network
 * between one central instance and the production node, so that a test can kill that instance while its relay
 * has orders on the way. Bytes are passed on unchanged.
 */
final class SlowLink implements AutoCloseable {
    private final ServerSocket server;
    private final int target;
    private final long delayMs;

    SlowLink(int target, long delayMs) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.target = target;
        this.delayMs = delayMs;
        Thread accept = new Thread(this::accept, "slow-link");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                pump(client, upstream, true);
                pump(upstream, client, false);
            } catch (IOException e) {
                // closed, or the target is down: the client sees the connection fail, as on a real network
            }
        }
    }

    private void pump(Socket from, Socket to, boolean delayRequests) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            long last = 0;
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    long now = System.nanoTime();
                    if (delayRequests && now - last > 50_000_000L) {
                        Thread.sleep(delayMs);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                    last = System.nanoTime();
                }
            } catch (IOException | InterruptedException e) {
                // one side went away
            } finally {
                close(from);
                close(to);
            }
        }, "slow-link-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
