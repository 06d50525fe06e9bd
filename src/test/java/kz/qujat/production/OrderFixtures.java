package kz.qujat.production;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import kz.qujat.api.ApplicationForm;
import kz.qujat.api.Canonical;
import kz.qujat.api.DecisionDocument;
import kz.qujat.api.IntakeRequest;
import kz.qujat.api.Json;
import kz.qujat.api.ProductionOrder;
import kz.qujat.eds.CmsSigner;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.SigningKey;
import kz.qujat.domain.Region;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.tools.synthetic.SyntheticApplicant;
import kz.qujat.tools.synthetic.SyntheticApplicants;

/** Builds production orders as the central service would send them, signed by a development officer. */
final class OrderFixtures {
    static final String OFFICER_ASTANA_IIN = "850314312017";
    private static final ObjectMapper MAPPER = Json.mapper();

    private final SyntheticApplicants people = new SyntheticApplicants(77, LocalDate.of(2026, 11, 26), 0);

    /** A valid APPROVE order, signed by officer-astana. */
    ProductionOrder approved() throws EdsException {
        return order(people.next(Region.ASTANA), DecisionDocument.APPROVE, "officer-astana", OFFICER_ASTANA_IIN, null);
    }

    /**
     * An order whose decision is {@code decision}, signed by {@code officer} naming {@code officerIin}; when
     * {@code photoOverride} is set the order carries those photo bytes instead of the ones signed.
     */
    ProductionOrder order(SyntheticApplicant person, String decision, String officer, String officerIin,
                          byte[] photoOverride) throws EdsException {
        return order(person, decision, officer, officerIin, photoOverride, null);
    }

    /** As above, the decision signature time-stamped by {@code tsa} (CAdES-T) when it is not null. */
    ProductionOrder order(SyntheticApplicant person, String decision, String officer, String officerIin,
                          byte[] photoOverride, kz.qujat.eds.TsaClient tsa) throws EdsException {
        IntakeRequest r = person.toIntakeRequest();
        JsonNode form = MAPPER.valueToTree(new ApplicationForm(r.iin(), r.surname(), r.givenName(), r.patronymic(),
                r.birthDate(), r.documentType(), r.reason(), r.currentDocument(), r.region(), r.registrationPoint(),
                r.feePaymentRef(), r.phone()));
        UUID id = UUID.randomUUID();
        String ticket = "AST-" + id.toString().substring(0, 8);
        DecisionDocument doc = new DecisionDocument(id, ticket, decision,
                DecisionDocument.ANNUL.equals(decision) ? "PHOTO" : null, "", Canonical.sha256Hex(Canonical.bytes(form)),
                Canonical.sha256Hex(person.photoJpeg()), Canonical.sha256Hex(person.signaturePng()), "DEMO-2026-04-01",
                officerIin, Instant.parse("2026-11-26T05:00:00Z"));
        byte[] docBytes = doc.canonicalBytes();
        SigningKey key = DevIdentities.signingKey(officer);
        Base64.Encoder b64 = Base64.getEncoder();
        return new ProductionOrder(id, ticket, r.registrationPoint(), form,
                b64.encodeToString(photoOverride == null ? person.photoJpeg() : photoOverride),
                b64.encodeToString(person.signaturePng()), b64.encodeToString(docBytes),
                b64.encodeToString(CmsSigner.signDetached(key, docBytes, tsa)));
    }

    SyntheticApplicant nextPerson() {
        return people.next(Region.ASTANA);
    }

    static byte[] json(Object value) throws Exception {
        return MAPPER.writeValueAsBytes(value);
    }
}
