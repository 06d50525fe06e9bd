package kz.qujat.api;

import java.time.LocalDate;

/**
 * An application as the e-gov portal submits it. Enumerations travel as strings so that a wrong value
 * gets a field error of ours rather than a parser message. Images are base64 JPEG or PNG.
 */
public record IntakeRequest(
        String iin,
        String surname,
        String givenName,
        String patronymic,
        LocalDate birthDate,
        String documentType,
        String reason,
        CurrentDocument currentDocument,
        String region,
        String registrationPoint,
        String feePaymentRef,
        String phone,
        String photo,
        String signature) {

    public record CurrentDocument(String number, LocalDate expiryDate) {
    }

    /** Shown instead of the record's fields so that personal data never reaches a log through toString. */
    @Override
    public String toString() {
        return "IntakeRequest[region=" + region + ", registrationPoint=" + registrationPoint + "]";
    }
}
