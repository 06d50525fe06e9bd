package kz.qujat.central;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import kz.qujat.api.Json;
import kz.qujat.api.ReadyReport;
import kz.qujat.central.store.PickupStore;
import kz.qujat.server.ApiException;
import kz.qujat.server.SignedRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Receives the production node's signed report that a document waits at its registration point. */
public final class ProductionReadyService {
    private static final Logger LOG = LoggerFactory.getLogger(ProductionReadyService.class);
    private final SignedRequests signed;
    private final PickupStore pickup;
    private final Clock clock;
    private final ObjectMapper mapper = Json.mapper();

    public ProductionReadyService(SignedRequests signed, PickupStore pickup, Clock clock) {
        this.signed = signed;
        this.pickup = pickup;
        this.clock = clock;
    }

    public Map<String, Object> report(String signatureHeader, byte[] body) {
        signed.verify(signatureHeader, body);
        ReadyReport report;
        try {
            report = mapper.readValue(body, ReadyReport.class);
        } catch (IOException e) {
            throw ApiException.invalid("the body is not a ReadyReport");
        }
        if (report.applicationId() == null || report.registrationPoint() == null
                || report.newDocumentNumber() == null || !report.newDocumentNumber().matches("\\d{9}")
                || report.readyAt() == null) {
            throw ApiException.invalid("applicationId, registrationPoint, newDocumentNumber (9 digits) and readyAt"
                    + " are required");
        }
        PickupStore.Result r = pickup.ready(report.applicationId(), report.registrationPoint(),
                report.newDocumentNumber(), report.readyAt(), clock.instant());
        switch (r.outcome()) {
            case NOT_FOUND -> throw ApiException.notFound("no such application");
            case WRONG_POINT -> conflict(report, "the application is for another registration point");
            case WRONG_STATUS -> conflict(report, "the application is in status " + r.status());
            case CONFLICT -> conflict(report, "the application is already " + r.status() + " with another card number");
            default -> LOG.info("application {} ready for pickup ({})", report.applicationId(), r.outcome());
        }
        return Map.of("applicationId", report.applicationId(), "status", r.status().name(),
                "duplicate", r.outcome() == PickupStore.Outcome.ALREADY);
    }

    /** 409, never "already" with 200: the report contradicts central, and a person has been flagged. */
    private static void conflict(ReadyReport report, String why) {
        LOG.warn("ready report for {} conflicts with central ({}); flagged for a person", report.applicationId(), why);
        throw ApiException.conflict(why + "; the divergence is flagged for a person");
    }
}
