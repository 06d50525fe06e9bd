package kz.qujat.central;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import kz.qujat.api.ApplicationForm;
import kz.qujat.api.Canonical;
import kz.qujat.api.IntakeRequest;
import kz.qujat.api.IntakeResponse;
import kz.qujat.api.Json;
import kz.qujat.api.ProblemKind;
import kz.qujat.central.store.ApplicationStore;
import kz.qujat.domain.Eligibility;
import kz.qujat.domain.KzTime;
import kz.qujat.domain.PolicyBook;
import kz.qujat.domain.RegistrationPoints;
import kz.qujat.inspect.RegisterFace;
import kz.qujat.server.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** R1–R6: validates a portal submission, applies the policy in force, and stores it with a ticket. */
public final class IntakeService {
    private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);
    private final ApplicationStore store;
    private final PolicyBook policies;
    private final ImageCheck images;
    private final IntakeChecks checks;
    private final RegistrationPoints points;
    private final Clock clock;
    private final ObjectMapper mapper = Json.mapper();
    private final java.util.function.Function<String, RegisterFace> registerFace;

    public IntakeService(ApplicationStore store, PolicyBook policies, ImageCheck images, IntakeChecks checks,
                         RegistrationPoints points, Clock clock) {
        this(store, policies, images, checks, points, clock, iin -> null);
    }

    /**
     * {@code registerFace}: the face of the photo on the citizen's current card in the population register, as kept
     * with the register record ({@link RegisterFaces}); null when the register holds no photo.
     */
    public IntakeService(ApplicationStore store, PolicyBook policies, ImageCheck images, IntakeChecks checks,
                         RegistrationPoints points, Clock clock,
                         java.util.function.Function<String, RegisterFace> registerFace) {
        this.registerFace = registerFace;
        this.points = points;
        this.store = store;
        this.policies = policies;
        this.images = images;
        this.checks = checks;
        this.clock = clock;
    }

    public IntakeResponse submit(IntakeRequest r) {
        // the images' headers first: a bomb or an oversize file is refused before any other work
        ImageCheck.Image photo = images.check("photo", r.photo());
        ImageCheck.Image signature = images.check("signature", r.signature());
        LocalDate today = KzTime.today(clock);
        IntakeValidator.Valid v = IntakeValidator.validate(r, today, points);
        Eligibility.Result e = Eligibility.evaluate(policies, v.documentType(), v.reason(), v.expiryDate(), today);
        if (!e.eligible()) {
            LOG.info("intake refused: {}", e.rule());
            throw new ApiException(ProblemKind.NOT_ELIGIBLE, Eligibility.REFUSAL_MESSAGE);
        }
        ApplicationForm form = new ApplicationForm(r.iin(), r.surname(), r.givenName(),
                r.patronymic() == null || r.patronymic().isEmpty() ? null : r.patronymic(), r.birthDate(),
                r.documentType(), r.reason(), r.currentDocument(), r.region(), r.registrationPoint(),
                r.feePaymentRef(), r.phone());
        JsonNode tree = mapper.valueToTree(form);
        IntakeChecks.Outcome measured = checks.run(photo.bytes(), photo.decoded(), signature.bytes(),
                signature.decoded(), registerFace.apply(v.iin().value()));
        ApplicationStore.Inserted inserted = store.insert(new ApplicationStore.NewApplication(v.iin().value(),
                v.documentNumber().value(), v.region(), v.point().code(), Canonical.string(tree), photo.bytes(),
                Canonical.sha256Hex(photo.bytes()), signature.bytes(), Canonical.sha256Hex(signature.bytes()),
                e.policy().orElseThrow().version(), v.expiryDate(), e.daysFromExpiry(), clock.instant(),
                measured.json(), measured.worst().name()),
                Tickets::format);
        switch (inserted.outcome()) {
            case ACTIVE_EXISTS -> throw ApiException.conflict(
                    "an application for this document is already being processed");
            case REFERRED_TO_SERVICE_CENTRE -> {
                LOG.info("intake refused: earlier application annulled for further verification");
                throw new ApiException(ProblemKind.NOT_ELIGIBLE, Eligibility.REFUSAL_MESSAGE);
            }
            default -> {
                LOG.info("application {} submitted, ticket {}, checks {}", inserted.id(), inserted.ticketNumber(),
                        measured.worst());
                return new IntakeResponse(inserted.id(), inserted.ticketNumber(), "SUBMITTED", measured.warnings());
            }
        }
    }
}
