package kz.qujat.central.http;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.qujat.api.DecisionRequest;
import kz.qujat.api.DecisionResponse;
import kz.qujat.api.HandoverRequest;
import kz.qujat.api.IntakeRequest;
import kz.qujat.api.Paths;
import kz.qujat.api.RefundPaidRequest;
import kz.qujat.api.RegistryPerson;
import kz.qujat.api.ReleaseRequest;
import kz.qujat.api.ReviewRequest;
import kz.qujat.api.SessionRequest;
import kz.qujat.central.ApplicantStatusService;
import kz.qujat.central.OperationsService;
import kz.qujat.central.Services;
import kz.qujat.central.StaffMember;
import kz.qujat.domain.AnnulmentReason;
import kz.qujat.domain.RefundStatus;
import kz.qujat.domain.Region;
import kz.qujat.domain.StaffRole;
import kz.qujat.domain.Status;
import kz.qujat.server.SignedRequests;

/**
 * Every route of the central API, declared here and nowhere else, with the roles allowed to call it. Handlers
 * only parse, call a service and write the answer.
 */
public final class Routes {
    static final String STAFF = "qujat.staff";
    /** The status a decision route recorded (APPROVED, ANNULLED), for the metrics. */
    static final String DECIDED = "qujat.decided";
    private static final Set<StaffRole> PUBLIC = Set.of();
    private static final Set<StaffRole> ANY_STAFF = java.util.EnumSet.allOf(StaffRole.class);
    private static final Set<StaffRole> OFFICER = Set.of(StaffRole.OFFICER);
    private static final Set<StaffRole> REVIEWERS = Set.of(StaffRole.OFFICER, StaffRole.SUPERVISOR);
    private static final Set<StaffRole> CLERK = Set.of(StaffRole.CLERK);
    private static final Set<StaffRole> SUPERVISOR = Set.of(StaffRole.SUPERVISOR);
    private static final Set<StaffRole> FINANCE = Set.of(StaffRole.FINANCE);
    /** The clerk checks the recipient's face against the submitted photo (R11); nothing else of the file. */
    private static final Set<StaffRole> PHOTO_READERS = Set.of(StaffRole.OFFICER, StaffRole.SUPERVISOR, StaffRole.CLERK);

    private final Services s;
    private final OperationsService ops;
    private final byte[] openApi;

    public Routes(Services services, byte[] openApi) {
        this(services, null, openApi);
    }

    public Routes(Services services, OperationsService operations, byte[] openApi) {
        this.s = services;
        this.ops = operations;
        this.openApi = openApi.clone();
    }

    public List<Route> all() {
        List<Route> r = new ArrayList<>();
        r.add(new Route(GET, Paths.HEALTH, PUBLIC, ctx -> ctx.json(Map.of("status", "UP"))));
        r.add(new Route(GET, Paths.READY, PUBLIC, this::ready));
        r.add(new Route(GET, Paths.METRICS, PUBLIC, ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(ops.metrics().scrape())));
        r.add(new Route(GET, Paths.BASE + "/openapi.json", PUBLIC,
                ctx -> ctx.contentType("application/json").result(openApi)));
        r.add(new Route(POST, Paths.INTAKE, PUBLIC,
                ctx -> ctx.status(201).json(s.intake().submit(Bodies.read(ctx, IntakeRequest.class)))));
        r.add(new Route(GET, Paths.APPLICANT_STATUS, PUBLIC, ctx -> ctx.json(s.applicantStatus()
                .status(ctx.pathParam("ticketNumber"), ctx.header(ApplicantStatusService.IIN_HEADER)))));
        r.add(new Route(PUT, Paths.REGISTRY_PERSON, PUBLIC, this::registryPut));
        r.add(new Route(POST, Paths.CHALLENGE, PUBLIC, ctx -> ctx.json(s.sessions().challenge())));
        r.add(new Route(POST, Paths.SESSION, PUBLIC,
                ctx -> ctx.json(s.sessions().login(Bodies.read(ctx, SessionRequest.class)))));
        r.add(new Route(DELETE, Paths.SESSION, ANY_STAFF, ctx -> {
            s.sessions().logout(ctx.header("Authorization"));
            ctx.status(204);
        }));
        r.add(new Route(POST, Paths.PRODUCTION_READY, PUBLIC, ctx -> ctx.json(s.productionReady()
                .report(ctx.header(SignedRequests.HEADER), ctx.bodyAsBytes()))));

        r.add(new Route(GET, Paths.QUEUE, OFFICER, ctx -> ctx.json(s.review().queue(staff(ctx),
                Bodies.query(ctx, "after", Bodies::uuid), Bodies.limit(ctx, 50, 500)))));
        r.add(new Route(POST, Paths.QUEUE_NEXT, OFFICER, ctx -> s.review().next(staff(ctx))
                .ifPresentOrElse(ctx::json, () -> ctx.status(204))));
        r.add(new Route(POST, Paths.CLAIM, OFFICER,
                ctx -> ctx.json(s.review().claim(staff(ctx), Bodies.uuid(ctx, "id")))));
        r.add(new Route(POST, Paths.RELEASE, OFFICER,
                ctx -> ctx.json(s.review().release(staff(ctx), Bodies.uuid(ctx, "id")))));
        r.add(new Route(GET, Paths.APPLICATION, REVIEWERS,
                ctx -> ctx.json(s.review().detail(staff(ctx), Bodies.uuid(ctx, "id")))));
        r.add(new Route(POST, Paths.DECISION, OFFICER, ctx -> {
            DecisionResponse d = s.decisions().decide(staff(ctx), Bodies.uuid(ctx, "id"),
                    Bodies.read(ctx, DecisionRequest.class));
            ctx.attribute(DECIDED, d.status());
            ctx.json(d);
        }));
        r.add(new Route(GET, Paths.REFUNDS, FINANCE, ctx -> ctx.json(s.refunds().list(staff(ctx),
                Bodies.query(ctx, "status", RefundStatus::valueOf), Bodies.query(ctx, "region", Region::valueOf),
                Bodies.limit(ctx, 500, 5000)))));
        r.add(new Route(GET, Paths.REFUNDS_EXPORT, FINANCE, ctx -> {
            RefundStatus status = Bodies.query(ctx, "status", RefundStatus::valueOf);
            byte[] csv = s.refunds().exportCsv(staff(ctx), status, Bodies.query(ctx, "region", Region::valueOf));
            ctx.header("Content-Disposition", "attachment; filename=\"refunds-"
                    + (status == null ? "all" : status.name().toLowerCase(java.util.Locale.ROOT)) + ".csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(csv);
        }));
        r.add(new Route(POST, Paths.REFUND_PAID, FINANCE, ctx -> ctx.json(s.refunds().paid(staff(ctx),
                Bodies.uuid(ctx, "id"), Bodies.read(ctx, RefundPaidRequest.class)))));
        r.add(new Route(GET, Paths.ACCESSES, SUPERVISOR,
                ctx -> ctx.json(s.review().accesses(staff(ctx), Bodies.uuid(ctx, "id")))));
        r.add(image(Paths.PHOTO, "photo", PHOTO_READERS));
        r.add(image(Paths.SIGNATURE, "signature", REVIEWERS));
        r.add(image(Paths.REGISTRY_PHOTO, "registry-photo", REVIEWERS));
        r.add(image(Paths.REGISTRY_SIGNATURE, "registry-signature", REVIEWERS));

        r.add(new Route(GET, Paths.HANDOVER_LIST, CLERK, ctx -> ctx.json(s.handover().list(staff(ctx),
                statusParam(ctx), Bodies.limit(ctx, 100, 1000)))));
        r.add(new Route(GET, Paths.HANDOVER, CLERK,
                ctx -> ctx.json(s.handover().find(staff(ctx), ctx.pathParam("ticketNumber")))));
        r.add(new Route(POST, Paths.HANDOVER, CLERK, ctx -> ctx.json(s.handover().handOver(staff(ctx),
                ctx.pathParam("ticketNumber"), Bodies.read(ctx, HandoverRequest.class)))));

        r.add(new Route(GET, Paths.ANNULMENTS, SUPERVISOR, ctx -> ctx.json(s.annulments().list(staff(ctx),
                Bodies.query(ctx, "from", java.time.LocalDate::parse), Bodies.query(ctx, "to", java.time.LocalDate::parse),
                Bodies.query(ctx, "region", Region::valueOf), Bodies.query(ctx, "officer", Routes::iin),
                Bodies.query(ctx, "reason", AnnulmentReason::valueOf), Bodies.limit(ctx, 500, 5000)))));
        r.add(new Route(GET, Paths.ANNULMENT_RATES, SUPERVISOR, ctx -> ctx.json(s.annulments().rates(staff(ctx),
                Bodies.query(ctx, "from", java.time.LocalDate::parse), Bodies.query(ctx, "to", java.time.LocalDate::parse),
                Bodies.query(ctx, "region", Region::valueOf), Bodies.query(ctx, "officer", Routes::iin),
                Bodies.query(ctx, "reason", AnnulmentReason::valueOf)))));
        r.add(new Route(GET, Paths.LIVE_QUEUE, SUPERVISOR, ctx -> ctx.json(ops.liveQueue(staff(ctx)))));
        r.add(new Route(POST, Paths.SUPERVISOR_RELEASE, SUPERVISOR, ctx -> {
            ops.releaseClaim(staff(ctx), Bodies.uuid(ctx, "id"), Bodies.read(ctx, ReleaseRequest.class));
            ctx.json(Map.of("status", "SUBMITTED"));
        }));
        r.add(new Route(GET, Paths.PARKED_ORDERS, SUPERVISOR, ctx -> ctx.json(ops.parked(staff(ctx)))));
        r.add(new Route(POST, Paths.PARKED_ORDER_RETRY, SUPERVISOR, ctx -> {
            ops.retry(staff(ctx), Bodies.uuid(ctx, "id"));
            ctx.json(Map.of("status", "RETRY_SCHEDULED"));
        }));
        r.add(new Route(POST, Paths.ANNULMENT_REVIEW, SUPERVISOR, ctx -> ctx.json(s.annulments().review(staff(ctx),
                Bodies.uuid(ctx, "id"), Bodies.read(ctx, ReviewRequest.class)))));
        return List.copyOf(r);
    }

    /** The OpenAPI document the server serves; it also declares each operation's query parameters. */
    byte[] openApi() {
        return openApi.clone();
    }

    /** Every (method, path) pair the server declares, for the OpenAPI comparison. */
    public List<Map.Entry<HandlerType, String>> declared() {
        return all().stream().map(x -> Map.entry(x.method(), x.path())).toList();
    }

    private Route image(String path, String which, Set<StaffRole> roles) {
        return new Route(GET, path, roles, ctx -> {
            byte[] bytes = s.review().image(staff(ctx), Bodies.uuid(ctx, "id"), which);
            ctx.contentType(isPng(bytes) ? "image/png" : "image/jpeg").result(bytes);
        });
    }

    private void ready(Context ctx) {
        if (ops.ready()) {
            ctx.json(Map.of("status", "READY"));
        } else {
            ctx.status(503).json(Map.of("status", "NOT_READY", "reason", "the database does not answer"));
        }
    }

    private void registryPut(Context ctx) {
        s.registryFeed().authenticate(ctx.header("Authorization"));
        boolean created = s.registryFeed().put(ctx.pathParam("iin"), Bodies.read(ctx, RegistryPerson.class));
        ctx.status(created ? 201 : 200).json(Map.of("iin", "stored"));
    }

    private static Status statusParam(Context ctx) {
        Status status = Bodies.query(ctx, "status", Status::valueOf);
        return status == null ? Status.READY_FOR_PICKUP : status;
    }

    private static String iin(String text) {
        if (!text.matches("\\d{12}")) {
            throw new IllegalArgumentException("not an IIN");
        }
        return text;
    }

    static boolean isPng(byte[] b) {
        return b.length > 4 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    static StaffMember staff(Context ctx) {
        StaffMember m = ctx.attribute(STAFF);
        if (m == null) {
            throw new IllegalStateException("route declared without roles reads the staff member");
        }
        return m;
    }
}
