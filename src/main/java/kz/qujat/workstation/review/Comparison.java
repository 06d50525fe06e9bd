package kz.qujat.workstation.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kz.qujat.api.ApplicationDetail;

/**
 * One line of "form against register": a field's label key, what the applicant wrote, what the population
 * register holds, and whether they differ (compared without regard to case and surrounding blanks).
 */
public record Comparison(String labelKey, String form, String register, boolean differs) {
    static Comparison of(String labelKey, String form, String register) {
        return new Comparison(labelKey, form, register, !same(form, register));
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
        out.add(of("review.field.birthDate", text(f, "birthDate"),
                found && r.birthDate() != null ? r.birthDate().toString() : null));
        JsonNode doc = f == null ? null : f.get("currentDocument");
        out.add(of("review.field.documentNumber", text(doc, "number"), found ? r.currentDocumentNumber() : null));
        out.add(of("review.field.documentExpiry", text(doc, "expiryDate"),
                found && r.currentDocumentExpiry() != null ? r.currentDocumentExpiry().toString() : null));
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
