package kz.qujat.central;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import kz.qujat.api.Json;
import kz.qujat.api.Refund;
import kz.qujat.api.RefundPaidRequest;
import kz.qujat.central.store.AuditStore;
import kz.qujat.central.store.RefundStore;
import kz.qujat.domain.KzTime;
import kz.qujat.domain.Region;
import kz.qujat.domain.RefundStatus;
import kz.qujat.server.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * R10 for the finance department: the refunds owed, their export for the tax authority, and the payment
 * recorded (OWED → REFUNDED). A national finance officer sees every region, a regional one only theirs. Every
 * reading of the list or the export is audited, because it holds applicants' personal data.
 */
public final class RefundService {
    private static final Logger LOG = LoggerFactory.getLogger(RefundService.class);
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/\\-]{2,39}");
    /** The columns of the export: what a refund order for the tax authority needs. */
    public static final List<String> EXPORT_COLUMNS = List.of("ticketNumber", "iin", "surname", "givenName",
            "patronymic", "amountKzt", "feePaymentRef", "annulledOn", "reason", "status", "paymentReference", "paidOn",
            "applicationId");
    private final RefundStore store;
    private final AuditStore audit;
    private final Clock clock;
    private final ObjectMapper mapper = Json.mapper();

    public RefundService(RefundStore store, AuditStore audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Refund> list(StaffMember finance, RefundStatus status, Region region, int limit) {
        List<Refund> out = store.list(status == null ? null : status.name(), scope(finance, region), limit).stream()
                .map(this::refund).toList();
        audit.record(clock.instant(), "PD_READ", null, finance.iin(), Map.of("what", "refunds", "role",
                finance.role().name(), "count", out.size()));
        return out;
    }

    /** UTF-8 CSV with a byte-order mark (Excel reads Cyrillic), CRLF, one refund a line, {@link #EXPORT_COLUMNS}. */
    public byte[] exportCsv(StaffMember finance, RefundStatus status, Region region) {
        List<Refund> refunds = store.list(status == null ? null : status.name(), scope(finance, region), 100_000)
                .stream().map(this::refund).toList();
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(String.join(",", EXPORT_COLUMNS)).append("\r\n");
        for (Refund r : refunds) {
            List<String> cells = new ArrayList<>(List.of(r.ticketNumber(), r.applicant().iin(), r.applicant().surname(),
                    r.applicant().givenName(), nz(r.applicant().patronymic()),
                    BigDecimal.valueOf(r.amountTiyn(), 2).toPlainString(), nz(r.feePaymentRef()),
                    KzTime.dateOf(r.annulledAt()).toString(), nz(r.reason()), r.status(),
                    r.payment() == null ? "" : r.payment().reference(),
                    r.payment() == null ? "" : r.payment().paidOn().toString(), r.applicationId().toString()));
            csv.append(String.join(",", cells.stream().map(RefundService::cell).toList())).append("\r\n");
        }
        audit.record(clock.instant(), "PD_READ", null, finance.iin(), Map.of("what", "refund-export", "role",
                finance.role().name(), "count", refunds.size()));
        LOG.info("refund export: {} refund(s)", refunds.size());
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    public Refund paid(StaffMember finance, UUID id, RefundPaidRequest request) {
        if (request.paymentReference() == null || !REFERENCE.matcher(request.paymentReference().trim()).matches()) {
            throw ApiException.invalid("paymentReference must be 3 to 40 letters, digits, '-' or '/'");
        }
        LocalDate today = KzTime.today(clock);
        if (request.paidOn() == null || request.paidOn().isAfter(today)) {
            throw ApiException.invalid("paidOn is required and cannot be in the future");
        }
        Refund current = store.list(null, scope(finance, null), 100_000).stream()
                .filter(r -> r.applicationId().equals(id)).findFirst().map(this::refund)
                .orElseThrow(() -> ApiException.notFound("no refund for this application in your scope"));
        if (request.paidOn().isBefore(KzTime.dateOf(current.annulledAt()))) {
            throw ApiException.invalid("paidOn cannot be before the annulment");
        }
        switch (store.paid(id, request.paymentReference().trim(), request.paidOn(), finance.iin(), clock.instant())) {
            case NOT_FOUND -> throw ApiException.notFound("no refund for this application");
            case ALREADY_REFUNDED -> throw ApiException.conflict("the refund is already recorded as paid");
            default -> LOG.info("refund of {} recorded as paid", current.ticketNumber());
        }
        return store.list(null, scope(finance, null), 100_000).stream().filter(r -> r.applicationId().equals(id))
                .findFirst().map(this::refund).orElseThrow();
    }

    private static String scope(StaffMember finance, Region region) {
        if (!finance.national()) {
            if (region != null && region != finance.region()) {
                throw ApiException.forbidden("a regional finance officer sees only the refunds of " + finance.region());
            }
            return finance.region().name();
        }
        return region == null ? null : region.name();
    }

    private Refund refund(RefundStore.Row r) {
        JsonNode form;
        try {
            form = mapper.readTree(r.formJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Refund.Payment payment = r.paymentReference() == null ? null : new Refund.Payment(r.paymentReference(),
                r.paidOn(), r.recordedBy(), r.recordedByName(), r.recordedAt());
        return new Refund(r.applicationId(), r.ticketNumber(), r.region(), r.reason(), r.annulledAt(), r.amountTiyn(),
                r.status(), new Refund.Applicant(r.iin().trim(), form.path("surname").asText(),
                form.path("givenName").asText(), form.path("patronymic").isTextual()
                        ? form.path("patronymic").asText() : null),
                form.path("feePaymentRef").isTextual() ? form.path("feePaymentRef").asText() : null, payment);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** RFC 4180 cell; a leading = + - @ is defused (CSV injection), as the workstation's export does. */
    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
