package kz.qujat.api;

import java.time.LocalDate;

/**
 * A population register record as the register feed supplies it: identity, the current card, and the
 * photo and signature on file (base64), used to compare with what the applicant submits.
 */
public record RegistryPerson(String iin, String surname, String givenName, String patronymic, LocalDate birthDate,
                             String currentDocumentNumber, LocalDate currentDocumentExpiry, String photo,
                             String signature) {
    @Override
    public String toString() {
        return "RegistryPerson[***]";
    }
}
