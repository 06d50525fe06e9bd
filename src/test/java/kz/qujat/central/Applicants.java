package kz.qujat.central;

import kz.qujat.testsupport.TestClock;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import kz.qujat.domain.Iin;

/** Valid intake submissions for tests, each with its own IIN and document number, as editable JSON. */
public final class Applicants {
    private static final AtomicInteger SERIAL = new AtomicInteger(100);
    static final byte[] PHOTO = TestImages.image("jpg", 60, 80, 1);
    static final byte[] SIGNATURE = TestImages.image("png", 120, 40, 2);

    private Applicants() {
    }

    /** An eligible application to the region's first registration point; expires in 5 days. */
    public static ObjectNode valid(String region) {
        return valid(region, TestClock.today().plusDays(5));
    }

    static ObjectNode valid(String region, LocalDate expiry) {
        int serial = SERIAL.incrementAndGet();
        LocalDate birth = LocalDate.of(1985, 3, 14).plusDays(serial % 3000);
        Iin iin = Iin.complete(Iin.prefix(birth, Iin.Sex.FEMALE, serial)).orElseGet(
                () -> Iin.complete(Iin.prefix(birth, Iin.Sex.FEMALE, serial + 5000)).orElseThrow());
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("iin", iin.value());
        n.put("surname", "Әбілқайырова");
        n.put("givenName", "Гүлнар");
        n.put("patronymic", "Серікқызы");
        n.put("birthDate", iin.birthDate().toString());
        n.put("documentType", "ID_CARD");
        n.put("reason", "EXPIRY");
        ObjectNode doc = n.putObject("currentDocument");
        doc.put("number", String.format("%09d", 40_000_000 + serial));
        doc.put("expiryDate", expiry.toString());
        n.put("region", region);
        n.put("registrationPoint", region + "-01");
        n.put("feePaymentRef", "PAY-" + serial + "-KZ");
        n.put("phone", "+77011234567");
        n.put("photo", TestImages.b64(PHOTO));
        n.put("signature", TestImages.b64(SIGNATURE));
        return n;
    }
}
