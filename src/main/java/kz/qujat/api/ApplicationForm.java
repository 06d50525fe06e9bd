package kz.qujat.api;

import java.time.LocalDate;

/**
 * The applicant's data as submitted, without images. Its RFC 8785 form is what {@code formSha256} in the
 * decision document hashes.
 */
public record ApplicationForm(
        String iin,
        String surname,
        String givenName,
        String patronymic,
        LocalDate birthDate,
        String documentType,
        String reason,
        IntakeRequest.CurrentDocument currentDocument,
        String region,
        String registrationPoint,
        String feePaymentRef,
        String phone) {

    @Override
    public String toString() {
        return "ApplicationForm[region=" + region + "]";
    }
}
