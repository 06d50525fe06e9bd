package kz.qujat.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import kz.qujat.api.Json;
import kz.qujat.api.Problem;
import kz.qujat.api.ProblemKind;
import kz.qujat.domain.Lifecycle;
import kz.qujat.server.ApiException;
import kz.qujat.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become problem+json, for the central service and the production node: our
 * refusals as they are, Javalin's own (body too large, not found) by their status, a database failure as
 * 503, anything unexpected as a bare 500 whose cause goes only to the log.
 */
public final class ProblemWriter {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemWriter.class);
    private static final String WRITTEN = "qujat.problem";
    /** The slug of the problem written (invalid-input, not-eligible, ...), for the metrics. */
    public static final String SLUG = "qujat.problem.slug";
    private static final ObjectMapper MAPPER = Json.mapper();

    private ProblemWriter() {
    }

    /** Installs the handlers on a server: the central service's and the production node's answer alike. */
    public static void install(Javalin app) {
        app.exception(ApiException.class, (e, ctx) -> write(ctx, e.problem()));
        app.exception(Lifecycle.IllegalTransitionException.class, (e, ctx) ->
                write(ctx, Problem.of(ProblemKind.CONFLICT, e.getMessage())));
        app.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromStatus(e.getStatus())));
        app.exception(StoreException.class, (e, ctx) -> {
            // the driver's message may quote row values (personal data): log the SQL state only
            LOG.error("{} on {} {} (SQL state {})", e.getMessage(), ctx.method(), ctx.endpointHandlerPath(), e.sqlState());
            write(ctx, Problem.of(ProblemKind.UNAVAILABLE, "the database is not available; try again"));
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.endpointHandlerPath(), e);
            write(ctx, Problem.of(ProblemKind.INTERNAL, "the server failed to handle the request"));
        });
        app.error(404, ctx -> {
            if (ctx.attribute(WRITTEN) == null) {
                write(ctx, Problem.of(ProblemKind.NOT_FOUND, "no such resource: " + ctx.method() + " " + ctx.path()));
            }
        });
    }

    public static void write(Context ctx, Problem p) {
        ctx.attribute(WRITTEN, Boolean.TRUE);
        ctx.attribute(SLUG, p.type().substring(p.type().lastIndexOf(':') + 1));
        try {
            ctx.status(p.status()).contentType(Problem.MEDIA_TYPE).result(MAPPER.writeValueAsBytes(p));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem always serialises", e);
        }
    }

    static Problem fromStatus(int status) {
        return switch (status) {
            case 413 -> Problem.of(ProblemKind.TOO_LARGE, "the request body is larger than the server accepts");
            case 404 -> Problem.of(ProblemKind.NOT_FOUND, "no such resource");
            case 400 -> Problem.of(ProblemKind.INVALID_INPUT, "the request is malformed");
            case 401 -> Problem.of(ProblemKind.UNAUTHENTICATED, "authentication required");
            case 403 -> Problem.of(ProblemKind.FORBIDDEN, "forbidden");
            case 415 -> Problem.of(ProblemKind.UNSUPPORTED_MEDIA, "unsupported media type");
            case 503 -> Problem.of(ProblemKind.UNAVAILABLE, "service unavailable");
            default -> status >= 500 ? Problem.of(ProblemKind.INTERNAL, "the server failed to handle the request")
                    : new Problem(Problem.PREFIX + "http-" + status, "HTTP " + status, status, "request refused", null);
        };
    }
}
