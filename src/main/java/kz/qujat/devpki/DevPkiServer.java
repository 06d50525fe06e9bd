package kz.qujat.devpki;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development TSA and OCSP responder over HTTP: {@code POST /tsa} (application/timestamp-query),
 * {@code POST /ocsp} and {@code GET /ocsp/<base64 request>} (RFC 6960 appendix A; the JDK uses GET).
 */
public final class DevPkiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DevPkiServer.class);
    private static final long MAX_BODY = 64 * 1024;

    private final Javalin app;

    private DevPkiServer(Javalin app) {
        this.app = app;
    }

    /** Starts on the port (0: any free port). */
    public static DevPkiServer start(int port, DevTsa tsa, DevOcsp ocsp) {
        Javalin app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.http.maxRequestSize = MAX_BODY;
        });
        app.post("/tsa", ctx -> answer(ctx, "application/timestamp-reply", tsa.respond(ctx.bodyAsBytes())));
        app.post("/ocsp", ctx -> answer(ctx, "application/ocsp-response", ocsp.respond(ctx.bodyAsBytes())));
        app.get("/ocsp/<request>", ctx -> ocspGet(ctx, ocsp));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.warn("devpki request failed: {}", e.toString());
            ctx.status(500).contentType("text/plain").result("the request could not be answered");
        });
        app.start(port);
        LOG.info("devpki TSA and OCSP listening on port {}", app.port());
        return new DevPkiServer(app);
    }

    private static void ocspGet(Context ctx, DevOcsp ocsp) throws GeneralSecurityException {
        byte[] request;
        try {
            // from the raw URI: a '+' of base64 must not become a space as in form decoding
            String raw = ctx.req().getRequestURI().substring(ctx.req().getRequestURI().indexOf("/ocsp/") + 6);
            String encoded = java.net.URLDecoder.decode(raw.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
            request = Base64.getDecoder().decode(encoded.replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            request = new byte[0];
        }
        answer(ctx, "application/ocsp-response", ocsp.respond(request));
    }

    private static void answer(Context ctx, String type, byte[] body) {
        ctx.contentType(type).result(body);
    }

    public int port() {
        return app.port();
    }

    public String tsaUrl() {
        return "http://localhost:" + port() + "/tsa";
    }

    public String ocspUrl() {
        return "http://localhost:" + port() + "/ocsp";
    }

    @Override
    public void close() {
        app.stop();
    }
}
