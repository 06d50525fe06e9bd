package kz.qujat.central;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import kz.qujat.central.store.NoticeTexts;
import kz.qujat.domain.AnnulmentReason;
import kz.qujat.domain.KzTime;
import kz.qujat.domain.RegistrationPoint;
import kz.qujat.domain.RegistrationPoints;

/**
 * What the applicant reads, in Russian and Kazakh: status, annulment reason and the next step (R10), and the
 * notifications of the transitions they must know about, with the registration point from the ministry's list.
 */
public final class ApplicantTexts implements NoticeTexts {
    public static final String APPLY_AGAIN_ONLINE = "APPLY_AGAIN_ONLINE";
    public static final String GO_TO_SERVICE_CENTRE = "GO_TO_SERVICE_CENTRE";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private final ResourceBundle ru = bundle("ru");
    private final ResourceBundle kk = bundle("kk");
    private final RegistrationPoints points;

    public ApplicantTexts(RegistrationPoints points) {
        this.points = points;
    }

    private static ResourceBundle bundle(String lang) {
        return ResourceBundle.getBundle("kz.qujat.central.applicant", Locale.forLanguageTag(lang),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The next step after an annulment for {@code reason} (R10). */
    public static String nextStep(AnnulmentReason reason) {
        return reason.invitesReapplication() ? APPLY_AGAIN_ONLINE : GO_TO_SERVICE_CENTRE;
    }

    public Texts text(String key, Object... args) {
        return new Texts(format(ru, key, args), format(kk, key, args));
    }

    public RegistrationPoints points() {
        return points;
    }

    private static String format(ResourceBundle b, String key, Object... args) {
        String pattern = b.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
    }

    @Override
    public Texts compose(String kind, String ticketNumber, String reason, String registrationPoint, Instant at) {
        return switch (kind) {
            case "ANNULLED" -> {
                AnnulmentReason r = AnnulmentReason.valueOf(reason);
                String next = "next." + nextStep(r);
                yield new Texts(format(ru, "notice.ANNULLED", ticketNumber, ru.getString("reason." + r), ru.getString(next)),
                        format(kk, "notice.ANNULLED", ticketNumber, kk.getString("reason." + r), kk.getString(next)));
            }
            case "READY_FOR_PICKUP" -> {
                RegistrationPoint p = points.parse(registrationPoint);
                yield new Texts(format(ru, "notice.READY_FOR_PICKUP", ticketNumber, p.nameRu(), p.addressRu(), p.hoursRu()),
                        format(kk, "notice.READY_FOR_PICKUP", ticketNumber, p.nameKk(), p.addressKk(), p.hoursKk()));
            }
            case "ISSUED" -> text("notice.ISSUED", ticketNumber, DATE.format(at.atZone(KzTime.ZONE)));
            default -> throw new IllegalArgumentException("no notification for " + kind);
        };
    }
}
