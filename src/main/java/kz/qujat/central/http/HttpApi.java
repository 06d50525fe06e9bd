package kz.qujat.central.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import java.util.Set;
import java.util.stream.Collectors;
import kz.qujat.api.Json;
import kz.qujat.api.Paths;
import kz.qujat.central.ApiException;
import kz.qujat.central.CentralMetrics;
import kz.qujat.central.SessionService;
import kz.qujat.central.StaffMember;
import kz.qujat.domain.StaffRole;

/** Builds the Javalin server from the route table: JSON setup, body limit, one role check, one error mapper. */
public final class HttpApi {
    private HttpApi() {
    }

    public static Javalin create(Routes routes, SessionService sessions, long maxBodyBytes) {
        return create(routes, sessions, maxBodyBytes, null);
    }

    /** As above; with {@code metrics}, every request is timed by route and the intake, claims and decisions counted. */
    public static Javalin create(Routes routes, SessionService sessions, long maxBodyBytes, CentralMetrics metrics) {
        Javalin app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.http.maxRequestSize = maxBodyBytes;
            cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
            // Jetty's per-connection header cache matches values ignoring case: on a kept-alive connection a
            // token differing only in case from an earlier one would be read as the earlier one
            cfg.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheCaseSensitive(true));
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems()));
            cfg.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JettyProblems()));
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
        ProblemWriter.install(app);
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
