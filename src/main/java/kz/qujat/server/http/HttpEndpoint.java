package kz.qujat.server.http;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import java.util.function.Consumer;
import kz.qujat.api.Json;

/**
 * The HTTP server of the central service or of the production node, built the one way both need: our JSON
 * mapper, a body limit, Jetty's own refusals and every failure of ours as problem+json. The program that
 * owns it sees only its port and how to stop it.
 */
public final class HttpEndpoint {
    private final Javalin app;

    private HttpEndpoint(Javalin app) {
        this.app = app;
    }

    /** A server with our defaults; {@code more} adds the program's own settings (a request logger). */
    public static Javalin create(long maxBodyBytes, Consumer<JavalinConfig> more) {
        Javalin app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.http.maxRequestSize = maxBodyBytes;
            cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
            cfg.http.customCompression(compression());
            // Jetty's per-connection header cache matches values ignoring case: on a kept-alive connection a
            // token differing only in case from an earlier one would be read as the earlier one
            cfg.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheCaseSensitive(true));
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems()));
            cfg.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JettyProblems()));
            more.accept(cfg);
        });
        ProblemWriter.install(app);
        return app;
    }

    /** Answers at least this long are gzipped for a client that accepts it; shorter ones are sent as they are. */
    public static final int MIN_COMPRESSED_BYTES = 8 * 1024;

    /**
     * Gzip for the long answers only (queue pages, logs, exports): an answer of a few kilobytes (one application, a
     * decision, a session) saves well under a kilobyte on the wire, and each compressed answer costs the server a new
     * zlib stream; Javalin's default compresses from 1,500 bytes, which caught every claim's answer.
     */
    static CompressionStrategy compression() {
        CompressionStrategy gzip = new CompressionStrategy(null, new Gzip());
        gzip.setDefaultMinSizeForCompression(MIN_COMPRESSED_BYTES);
        return gzip;
    }

    /** Starts {@code app} on {@code port} (0: any free port). */
    public static HttpEndpoint start(Javalin app, int port) {
        app.start(port);
        return new HttpEndpoint(app);
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
    }
}
