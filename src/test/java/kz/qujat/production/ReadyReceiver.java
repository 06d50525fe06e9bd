package kz.qujat.production;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import kz.qujat.api.Json;
import kz.qujat.api.Paths;
import kz.qujat.api.ReadyReport;
import kz.qujat.eds.CmsVerifier;
import kz.qujat.eds.KeyPurpose;
import kz.qujat.eds.VerificationResult;
import kz.qujat.server.SignedRequests;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.TestClock;

/**
 * A small real HTTP receiver standing in for the central service's ready endpoint: it verifies the
 * production node's request signature like the central service must, records the reports it accepts, and
 * can be told to fail the next N requests with 503. It records a report a little before it answers (as a real
 * receiver commits before its answer crosses the network), so a test that reads the node's own state right after
 * seeing the report here meets the window in which the node has not yet heard the answer — every time, not once in
 * a hundred CI runs.
 */
final class ReadyReceiver implements AutoCloseable {
    private final HttpServer server;
    private final CmsVerifier verifier = new CmsVerifier(DevIdentities.trust(), TestClock.live());
    private final X509Certificate peer = DevIdentities.certificate("production-node.crt");
    final List<ReadyReport> accepted = new CopyOnWriteArrayList<>();
    final AtomicInteger failNext = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger badSignatures = new AtomicInteger();
    private static final long ANSWER_AFTER_RECORD_MS = 150;

    ReadyReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(Paths.PRODUCTION_READY, this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        byte[] body = ex.getRequestBody().readAllBytes();
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            reply(ex, 503);
            return;
        }
        String header = ex.getRequestHeaders().getFirst(SignedRequests.HEADER);
        VerificationResult result = header == null ? null
                : verifier.verifyDetached(Base64.getDecoder().decode(header), body, KeyPurpose.SIGNING);
        if (result == null || !result.valid() || !peer.equals(result.signer())) {
            badSignatures.incrementAndGet();
            reply(ex, 401);
            return;
        }
        accepted.add(Json.mapper().readValue(body, ReadyReport.class));
        try {
            Thread.sleep(ANSWER_AFTER_RECORD_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reply(ex, 200);
    }

    private static void reply(HttpExchange ex, int status) throws IOException {
        ex.sendResponseHeaders(status, -1);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
