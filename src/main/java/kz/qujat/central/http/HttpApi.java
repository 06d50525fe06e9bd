package kz.qujat.central.http;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import java.util.Set;
import java.util.stream.Collectors;
import kz.qujat.api.Json;
import kz.qujat.central.ApiException;
import kz.qujat.central.SessionService;
import kz.qujat.central.StaffMember;
import kz.qujat.domain.StaffRole;

/** Builds the Javalin server from the route table: JSON setup, body limit, one role check, one error mapper. */
public final class HttpApi {
    private HttpApi() {
    }

    public static Javalin create(Routes routes, SessionService sessions, long maxBodyBytes) {
        Javalin app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.http.maxRequestSize = maxBodyBytes;
            cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
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
}
