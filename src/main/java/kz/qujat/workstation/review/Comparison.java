package kz.qujat.workstation.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kz.qujat.api.ApplicationDetail;
import kz.qujat.workstation.Dates;

/**
 * One line of "form against register": a field's label key, what the applicant wrote, what the population
 * register holds, and whether they differ (compared without regard to case and surrounding blanks).
 */
public record Comparison(String labelKey, String form, String register, boolean differs) {
    static Comparison of(String labelKey, String form, String register) {
        return new Comparison(labelKey, form, register, !same(form, register));
    }

    /**
     * A date line: compared as dates and shown in the workstation's one date format ({@link Dates}); a form value
     * that is not an ISO date is shown as written and differs from any register date.
     */
    static Comparison ofDate(String labelKey, String form, LocalDate register) {
        LocalDate formDate = null;
        if (form != null) {
            try {
                formDate = LocalDate.parse(form.trim());
            } catch (DateTimeParseException notADate) {
                formDate = null;
            }
        }
        String shownForm = formDate != null ? Dates.date(formDate) : form;
        String shownRegister = register == null ? null : Dates.date(register);
        boolean differs = formDate == null ? form != null || register != null : !formDate.equals(register);
        return new Comparison(labelKey, shownForm, shownRegister, differs);
    }

    private static boolean same(String a, String b) {
        return Objects.equals(norm(a), norm(b));
    }

    private static String norm(String s) {
        return s == null || s.isBlank() ? null : s.trim().toUpperCase(java.util.Locale.ROOT);
    }

    /** The lines of an application: name, birth date, current card number and expiry. */
    public static List<Comparison> of(ApplicationDetail d) {
        JsonNode f = d.form();
        ApplicationDetail.RegistryRecord r = d.registry();
        boolean found = r != null && r.found();
        List<Comparison> out = new ArrayList<>();
        out.add(of("review.field.surname", text(f, "surname"), found ? r.surname() : null));
        out.add(of("review.field.givenName", text(f, "givenName"), found ? r.givenName() : null));
        out.add(of("review.field.patronymic", text(f, "patronymic"), found ? r.patronymic() : null));
        out.add(ofDate("review.field.birthDate", text(f, "birthDate"), found ? r.birthDate() : null));
        JsonNode doc = f == null ? null : f.get("currentDocument");
        out.add(of("review.field.documentNumber", text(doc, "number"), found ? r.currentDocumentNumber() : null));
        out.add(ofDate("review.field.documentExpiry", text(doc, "expiryDate"), found ? r.currentDocumentExpiry() : null));
        return out;
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.hasNonNull(field)) {
            return null;
        }
        return node.get(field).asText();
    }

    @Override
    public String toString() {
        return "Comparison[" + labelKey + ", differs=" + differs + "]";
    }
}
