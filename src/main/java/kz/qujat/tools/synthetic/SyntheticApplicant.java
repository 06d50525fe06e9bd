package kz.qujat.tools.synthetic;

import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;
import kz.qujat.api.IntakeRequest;
import kz.qujat.api.RegistryPerson;
import kz.qujat.domain.DocumentType;
import kz.qujat.domain.ApplicationReason;
import kz.qujat.domain.Iin;

/**
 * One made-up applicant: the application as the portal would submit it, and the population register's
 * record of the same person (older photo, previous signature). {@code defect} says which flaw, if any,
 * was put in on purpose.
 */
public record SyntheticApplicant(Iin iin, String surname, String givenName, String patronymic,
                                 String cardNumber, LocalDate expiryDate, String region, String registrationPoint,
                                 String feePaymentRef, String phone, byte[] photoJpeg, byte[] signaturePng,
                                 String registrySurname, byte[] registryPhotoJpeg, byte[] registrySignaturePng,
                                 Optional<Defect> defect) {

    public LocalDate birthDate() {
        return iin.birthDate();
    }

    public IntakeRequest toIntakeRequest() {
        Base64.Encoder b64 = Base64.getEncoder();
        return new IntakeRequest(iin.value(), surname, givenName, patronymic, birthDate(), DocumentType.ID_CARD.name(),
                ApplicationReason.EXPIRY.name(), new IntakeRequest.CurrentDocument(cardNumber, expiryDate), region,
                registrationPoint, feePaymentRef, phone, b64.encodeToString(photoJpeg), b64.encodeToString(signaturePng));
    }

    public RegistryPerson toRegistryPerson() {
        Base64.Encoder b64 = Base64.getEncoder();
        return new RegistryPerson(iin.value(), registrySurname, givenName, patronymic, birthDate(), cardNumber,
                expiryDate, b64.encodeToString(registryPhotoJpeg), b64.encodeToString(registrySignaturePng));
    }

    /** Never the person's data: this may end up in a log. */
    @Override
    public String toString() {
        return "SyntheticApplicant[region=" + region + ", defect=" + defect.map(Enum::name).orElse("none") + "]";
    }
}
