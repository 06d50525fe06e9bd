package kz.qujat.central.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Set;
import java.util.stream.Collectors;
import kz.qujat.api.Paths;
import kz.qujat.central.CentralMetrics;
import kz.qujat.central.SessionService;
import kz.qujat.central.StaffMember;
import kz.qujat.domain.StaffRole;
import kz.qujat.server.ApiException;
import kz.qujat.server.http.HttpEndpoint;
import kz.qujat.server.http.ProblemWriter;

/** Builds the Javalin server from the route table: JSON setup, body limit, one role check, one error mapper. */
public final class HttpApi {
    private HttpApi() {
    }

    public static Javalin create(Routes routes, SessionService sessions, long maxBodyBytes) {
        return create(routes, sessions, maxBodyBytes, null);
    }

    /** Builds the server with {@link #create} and starts it on {@code port} (0: any free port). */
    public static HttpEndpoint start(Routes routes, SessionService sessions, long maxBodyBytes, CentralMetrics metrics,
                                     int port) {
        return HttpEndpoint.start(create(routes, sessions, maxBodyBytes, metrics), port);
    }

    /** As above; with {@code metrics}, every request is timed by route and the intake, claims and decisions counted. */
    public static Javalin create(Routes routes, SessionService sessions, long maxBodyBytes, CentralMetrics metrics) {
        Javalin app = HttpEndpoint.create(maxBodyBytes, cfg -> {
            if (metrics != null) {
                cfg.requestLogger.http((ctx, ms) -> observe(metrics, ctx, ms));
            }
        });
        for (Route r : routes.all()) {
            RouteRole[] roles = r.roles().stream().map(StaffRouteRole::new).toArray(RouteRole[]::new);
            app.addHttpHandler(r.method(), r.path(), r.handler(), roles);
        }
        QueryParameters queries = QueryParameters.from(routes.openApi());
        app.beforeMatched(ctx -> {
            Set<StaffRole> allowed = ctx.routeRoles().stream()
                    .map(role -> ((StaffRouteRole) role).role()).collect(Collectors.toSet());
            if (allowed.isEmpty()) {
                queries.check(ctx.method().name(), ctx.endpointHandlerPath(), ctx.queryParamMap());
                return;
            }
            StaffMember staff = sessions.authenticate(ctx.header("Authorization"));
            if (!allowed.contains(staff.role())) {
                throw ApiException.forbidden("this action is for " + allowed.stream().map(Enum::name).sorted()
                        .collect(Collectors.joining(" or ")) + ", not " + staff.role());
            }
            ctx.attribute(Routes.STAFF, staff);
            queries.check(ctx.method().name(), ctx.endpointHandlerPath(), ctx.queryParamMap());
        });
        return app;
    }

    private static void observe(CentralMetrics metrics, Context ctx, float ms) {
        String route;
        try {
            route = ctx.endpointHandlerPath();
        } catch (RuntimeException e) {
            route = "unmatched";
        }
        if (route == null || route.isEmpty() || "*".equals(route)) {
            route = "unmatched";
        }
        int status = ctx.statusCode();
        metrics.request(ctx.method().name(), route, status, (long) (ms * 1_000_000L));
        if (Paths.INTAKE.equals(route)) {
            if (status / 100 == 2) {
                metrics.intakeAccepted();
            } else {
                String slug = ctx.attribute(ProblemWriter.SLUG);
                metrics.intakeRefused(slug == null ? "http-" + status : slug);
            }
        } else if (status == 200 && (Paths.QUEUE_NEXT.equals(route) || Paths.CLAIM.equals(route))) {
            metrics.claimed();
        } else if (status == 200 && Paths.DECISION.equals(route)) {
            String decided = ctx.attribute(Routes.DECIDED);
            metrics.decided(decided == null ? "UNKNOWN" : decided);
        }
    }
}
