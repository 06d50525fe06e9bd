package kz.qujat.demo;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.LocalDate;
import kz.qujat.api.Refund;
import kz.qujat.client.FinanceApi;
import kz.qujat.domain.RefundStatus;
import kz.qujat.api.ApplicationDetail;
import kz.qujat.api.DecisionDocument;
import kz.qujat.api.Paths;
import kz.qujat.api.QueueItem;
import kz.qujat.client.CentralException;
import kz.qujat.client.StaffClient;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.Pkcs12KeySource;
import kz.qujat.tools.synthetic.Defect;

/**
 * Gives a new demo a past: the development officers of Almaty and Astana decide some applications with
 * their real EDS keys, so that the supervisor's annulment log has entries and the clerk of ASTANA-01 has
 * documents ready (the production node makes the approved ones). The rest stay in the queues.
 */
final class DemoHistory {
    private static final char[] DEV_PASSWORD = "qujat-dev".toCharArray();

    /** One officer's share: how many sound applications to approve (at {@code pickupPoint} when given) and
     * how many deliberately defective ones to annul, with the reason the defect calls for. */
    private record Plan(String keyFile, int approvals, String pickupPoint, int annulments) {
    }

    private static final List<Plan> PLANS = List.of(
            new Plan("officer-almaty.p12", 3, null, 3),
            new Plan("officer-astana.p12", 3, "ASTANA-01", 2));

    private final String centralUrl;
    private final Path certs;
    private final Map<String, Optional<Defect>> defects = new HashMap<>();
    private final Map<String, DemoFaces.Example> examples = new HashMap<>();

    DemoHistory(String centralUrl, Path certs, List<DemoSeeder.Seeded> seeded) {
        this.centralUrl = centralUrl;
        this.certs = certs;
        seeded.forEach(s -> defects.put(s.ticket(), s.defect()));
        seeded.forEach(s -> s.example().ifPresent(e -> examples.put(s.ticket(), e)));
    }

    /** Decides per the plans; returns one line per decision (ticket and outcome, no personal data). */
    List<String> decide() throws CentralException, EdsException {
        List<String> lines = new ArrayList<>();
        for (Plan plan : PLANS) {
            try (Pkcs12KeySource keys = Pkcs12KeySource.open(certs.resolve(plan.keyFile()), DEV_PASSWORD.clone())) {
                StaffClient officer = new StaffClient(centralUrl);
                officer.login(keys.authenticationKey());
                int approved = 0;
                int annulled = 0;
                for (QueueItem item : officer.queue(100)) {
                    ApplicationDetail d = officer.detail(item.id());
                    Optional<Defect> defect = defects.getOrDefault(d.ticketNumber(), Optional.empty());
                    boolean atPoint = plan.pickupPoint() == null
                            || plan.pickupPoint().equals(d.form().path("registrationPoint").asText());
                    DemoFaces.Example example = examples.get(d.ticketNumber());
                    if (example != null && !example.annulled()) {
                        // left in the queue for the review screen's same-person panel
                        continue;
                    }
                    String[] annul = example != null && annulled < plan.annulments()
                            ? new String[] {"FURTHER_VERIFICATION", "На фотографии другой человек, чем в ГБД ФЛ"}
                            : defect.isPresent() && annulled < plan.annulments() ? annulment(defect.get()) : null;
                    if (annul == null && (example != null || defect.isPresent() || !atPoint
                            || approved >= plan.approvals())) {
                        continue;
                    }
                    ApplicationDetail claimed = officer.claim(d.id());
                    byte[] photo = officer.image(Paths.PHOTO, d.id());
                    byte[] signature = officer.image(Paths.SIGNATURE, d.id());
                    if (annul == null) {
                        officer.decide(claimed, photo, signature, DecisionDocument.APPROVE, null, null,
                                keys.signingKey(), Instant.now());
                        approved++;
                        lines.add(d.ticketNumber() + " approved by " + plan.keyFile());
                    } else {
                        officer.decide(claimed, photo, signature, DecisionDocument.ANNUL, annul[0], annul[1],
                                keys.signingKey(), Instant.now());
                        annulled++;
                        lines.add(d.ticketNumber() + " annulled (" + annul[0] + ") by " + plan.keyFile());
                    }
                    if (approved >= plan.approvals() && annulled >= plan.annulments()) {
                        break;
                    }
                }
            }
        }
        return lines;
    }

    /**
     * The finance department pays back the fee of the oldest annulment (R10), so the demo shows a refund paid
     * next to the ones still owed; returns the line to print, or null when nothing is owed.
     */
    String payOneRefund(LocalDate today) throws CentralException, EdsException {
        try (Pkcs12KeySource keys = Pkcs12KeySource.open(certs.resolve("finance.p12"), DEV_PASSWORD.clone())) {
            StaffClient finance = new StaffClient(centralUrl);
            finance.login(keys.authenticationKey());
            FinanceApi api = new FinanceApi(finance);
            List<Refund> owed = api.refunds(RefundStatus.OWED);
            if (owed.isEmpty()) {
                return null;
            }
            Refund paid = api.paid(owed.get(0).applicationId(), "PP-DEMO-000001", today);
            return paid.ticketNumber() + " fee refunded (" + paid.payment().reference() + ") by finance.p12";
        }
    }

    /** The reason and comment an officer would give for the defect (R9). */
    private static String[] annulment(Defect defect) {
        return switch (defect) {
            case DARK_PHOTO -> new String[] {"PHOTO", "Лицо в тени, фотография слишком тёмная"};
            case GREYSCALE_PHOTO -> new String[] {"PHOTO", "Чёрно-белая фотография, требуется цветная"};
            case TINY_PHOTO -> new String[] {"PHOTO", "Разрешение фотографии ниже требований"};
            case BLANK_SIGNATURE -> new String[] {"SIGNATURE", "Подпись отсутствует"};
            case CLIPPED_SIGNATURE -> new String[] {"SIGNATURE", "Подпись обрезана краем изображения"};
            case REGISTER_NAME_MISMATCH -> new String[] {"FURTHER_VERIFICATION",
                "Фамилия в заявлении расходится с ГБД ФЛ, нужна проверка"};
        };
    }
}
