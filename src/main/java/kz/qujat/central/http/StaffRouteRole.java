package kz.qujat.central.http;

import io.javalin.security.RouteRole;
import kz.qujat.domain.StaffRole;

/** Javalin's view of a staff role, so that a route can declare who may call it. */
record StaffRouteRole(StaffRole role) implements RouteRole {
}
