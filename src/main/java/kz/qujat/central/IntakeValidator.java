package kz.qujat.central;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import kz.qujat.api.IntakeRequest;
import kz.qujat.api.Problem;
import kz.qujat.api.ProblemKind;
import kz.qujat.domain.ApplicationReason;
import kz.qujat.domain.DocumentType;
import kz.qujat.domain.IdCardNumber;
import kz.qujat.domain.Iin;
import kz.qujat.domain.InvalidInputException;
import kz.qujat.domain.Region;
import kz.qujat.domain.RegistrationPoint;
import kz.qujat.domain.RegistrationPoints;
import kz.qujat.server.ApiException;

/**
 * Checks every field of a submission and reports all problems at once, one field error each, so the portal
 * can show them together. Images are checked separately by {@link ImageCheck}.
 */
final class IntakeValidator {
    /** Cyrillic (Russian and Kazakh letters), Latin, space, hyphen, apostrophes; at least one letter. */
    private static final Pattern NAME = Pattern.compile("(?=.*[\\p{IsCyrillic}A-Za-z])[\\p{IsCyrillic}A-Za-z '’\\-]{1,64}");
    private static final Pattern FEE_REF = Pattern.compile("[A-Za-z0-9-]{6,40}");
    private static final Pattern PHONE = Pattern.compile("\\+7\\d{10}");

    /** The parsed, valid parts of a submission. */
    record Valid(Iin iin, DocumentType documentType, ApplicationReason reason, IdCardNumber documentNumber,
                 LocalDate expiryDate, Region region, RegistrationPoint point) {
    }

    private final List<Problem.FieldError> errors = new ArrayList<>();

    private final RegistrationPoints points;

    private IntakeValidator(RegistrationPoints points) {
        this.points = points;
    }

    static Valid validate(IntakeRequest r, LocalDate today, RegistrationPoints points) {
        return new IntakeValidator(points).run(r, today);
    }

    private Valid run(IntakeRequest r, LocalDate today) {
        Iin iin = field("iin", () -> Iin.parse(r.iin()));
        if (r.birthDate() == null) {
            error("birthDate", "birth date is required");
        } else if (r.birthDate().isAfter(today)) {
            error("birthDate", "birth date is in the future");
        } else if (iin != null && !iin.birthDate().equals(r.birthDate())) {
            error("birthDate", "birth date does not match the IIN");
        }
        name("surname", r.surname(), true);
        name("givenName", r.givenName(), true);
        name("patronymic", r.patronymic(), false);
        Region region = field("region", () -> Region.parse(r.region()));
        RegistrationPoint point = field("registrationPoint", () -> points.parse(r.registrationPoint()));
        if (region != null && point != null && point.region() != region) {
            error("registrationPoint", "registration point does not belong to the chosen region");
        }
        DocumentType type = enumField("documentType", r.documentType(), DocumentType.class);
        ApplicationReason reason = enumField("reason", r.reason(), ApplicationReason.class);
        IdCardNumber number = null;
        LocalDate expiry = null;
        if (r.currentDocument() == null) {
            error("currentDocument", "current document is required");
        } else {
            number = field("currentDocument.number", () -> new IdCardNumber(r.currentDocument().number()));
            expiry = r.currentDocument().expiryDate();
            if (expiry == null) {
                error("currentDocument.expiryDate", "expiry date is required");
            }
        }
        if (r.feePaymentRef() == null || !FEE_REF.matcher(r.feePaymentRef()).matches()) {
            error("feePaymentRef", "payment reference must be 6 to 40 letters, digits or hyphens");
        }
        if (r.phone() != null && !PHONE.matcher(r.phone()).matches()) {
            error("phone", "phone must be +7 followed by 10 digits");
        }
        if (!errors.isEmpty()) {
            throw new ApiException(ProblemKind.INVALID_INPUT, "the application has " + errors.size()
                    + " invalid field(s)", errors);
        }
        return new Valid(iin, type, reason, number, expiry, region, point);
    }

    private void name(String field, String value, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                error(field, "is required");
            }
            return;
        }
        if (value.length() > 64) {
            error(field, "must be at most 64 characters");
        } else if (!NAME.matcher(value).matches()) {
            error(field, "may contain only letters, spaces, hyphens and apostrophes");
        }
    }

    private <E extends Enum<E>> E enumField(String field, String value, Class<E> type) {
        if (value == null) {
            error(field, "is required");
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            error(field, "unknown value");
            return null;
        }
    }

    private <T> T field(String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            error(field, e.getMessage());
            return null;
        }
    }

    private void error(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
    }
}
