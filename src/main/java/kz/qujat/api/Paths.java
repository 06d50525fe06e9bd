package kz.qujat.api;

/** Every path of the central API and of the production node, in one place for server and client. */
public final class Paths {
    public static final String BASE = "/api/v1";

    public static final String HEALTH = BASE + "/health";
    /** Readiness: 200 while the database answers, 503 otherwise (for the load balancer). */
    public static final String READY = BASE + "/ready";
    /** Prometheus text exposition of the server's metrics. */
    public static final String METRICS = "/metrics";
    /** Supervisor: the live queue of their scope, and releasing a stale claim. */
    public static final String LIVE_QUEUE = BASE + "/supervision/queue";
    public static final String SUPERVISOR_RELEASE = BASE + "/supervision/claims/{id}/release";
    /** Supervisor: orders the production node refused and the relay parked, and sending one again. */
    public static final String PARKED_ORDERS = BASE + "/supervision/parked-orders";
    public static final String PARKED_ORDER_RETRY = BASE + "/supervision/parked-orders/{id}/retry";
    public static final String INTAKE = BASE + "/intake/applications";
    /** The applicant's status for the portal; the IIN goes in the X-Applicant-IIN header, never in the URL. */
    public static final String APPLICANT_STATUS = INTAKE + "/{ticketNumber}/status";
    public static final String CHALLENGE = BASE + "/session/challenge";
    public static final String SESSION = BASE + "/session";
    public static final String QUEUE = BASE + "/queue";
    public static final String QUEUE_NEXT = BASE + "/queue/next";
    public static final String APPLICATION = BASE + "/applications/{id}";
    public static final String CLAIM = APPLICATION + "/claim";
    public static final String RELEASE = APPLICATION + "/release";
    public static final String PHOTO = APPLICATION + "/photo";
    public static final String SIGNATURE = APPLICATION + "/signature";
    public static final String REGISTRY_PHOTO = APPLICATION + "/registry-photo";
    public static final String REGISTRY_SIGNATURE = APPLICATION + "/registry-signature";
    public static final String DECISION = APPLICATION + "/decision";
    /** R10, the finance department: refunds owed and paid, their export, the payment recorded. */
    public static final String REFUNDS = BASE + "/refunds";
    public static final String REFUNDS_EXPORT = REFUNDS + "/export";
    public static final String REFUND_PAID = REFUNDS + "/{id}/paid";
    /** Who read the application's personal data, when (supervisor). */
    public static final String ACCESSES = APPLICATION + "/accesses";
    public static final String HANDOVER = BASE + "/handover/{ticketNumber}";
    public static final String HANDOVER_LIST = BASE + "/handover";
    public static final String ANNULMENTS = BASE + "/annulments";
    public static final String ANNULMENT_REVIEW = BASE + "/annulments/{id}/review";
    public static final String ANNULMENT_RATES = BASE + "/annulments/rates";
    /** The population register feed (simulates the national register; protected by a feed key). */
    public static final String REGISTRY_PERSON = BASE + "/registry/persons/{iin}";
    /** Called by the production node, with a signed request, when a document is ready. */
    public static final String PRODUCTION_READY = BASE + "/production/ready";

    /** The production node's own endpoint: certified applications arrive here, signed by the central service. */
    public static final String PRODUCTION_ORDERS = BASE + "/orders";
    public static final String PRODUCTION_ORDER = BASE + "/orders/{id}";
    /** The node's every order (id, status, card number) for central's reconciliation; signed like an order. */
    public static final String PRODUCTION_ORDER_SUMMARY = BASE + "/orders-summary";
    /** Production node: an image by its SHA-256 (lowercase hex), PUT by central when production asks for it. */
    public static final String PRODUCTION_IMAGE = BASE + "/images/{sha256}";

    private Paths() {
    }

    public static String fill(String template, String name, String value) {
        return template.replace("{" + name + "}", value);
    }
}
