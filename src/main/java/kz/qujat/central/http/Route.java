package kz.qujat.central.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Set;
import kz.qujat.domain.StaffRole;

/** One declared route: method, path, the staff roles allowed (empty = no session needed), the handler. */
public record Route(HandlerType method, String path, Set<StaffRole> roles, Handler handler) {
    public Route {
        roles = Set.copyOf(roles);
    }
}
