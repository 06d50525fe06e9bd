import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import kz.qujat.api.ApplicationForm;
import kz.qujat.api.Canonical;
import kz.qujat.api.IntakeRequest;
import kz.qujat.api.Json;
import kz.qujat.central.store.ApplicationStore;
import kz.qujat.domain.Iin;
import kz.qujat.domain.Region;
import kz.qujat.store.Database;

/** Waiting applications for {@code ClaimAB}: compiled against one build's classes, loaded beside both. */
public class ClaimSeed {
    public static void seed(Database database, int n) {
        ObjectMapper mapper = Json.mapper();
        ApplicationStore store = new ApplicationStore(database);
        byte[] photo = new byte[60000], sig = new byte[60000];
        new Random(1).nextBytes(photo); new Random(2).nextBytes(sig);
        String ps = Canonical.sha256Hex(photo), ss = Canonical.sha256Hex(sig);
        LocalDate today = LocalDate.now();
        for (int serial = 1; serial <= n; serial++) {
            LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(serial % 12000);
            int s = serial;
            String iin = Iin.complete(Iin.prefix(birth, Iin.Sex.MALE, s % 9000)).or(() -> Iin.complete(Iin.prefix(birth, Iin.Sex.MALE, s % 9000 + 1))).orElseThrow().value();
            String document = String.format("%09d", 50_000_000 + serial);
            ApplicationForm form = new ApplicationForm(iin, "БЕНЧМАРКОВ", "ТЕСТ", null, birth, "ID_CARD", "EXPIRY",
                    new IntakeRequest.CurrentDocument(document, today.plusDays(5)), "ASTANA", "ASTANA-01", "PAY-" + serial, "+77010000000");
            var in = store.insert(new ApplicationStore.NewApplication(iin, document, Region.ASTANA, "ASTANA-01",
                    Canonical.string(mapper.valueToTree(form)), photo, ps, sig, ss, "DEMO-2026-04-01", today.plusDays(5), -5,
                    Instant.now(), null, null), seq -> String.format("Q-%07d-0", seq));
            if (in.outcome() != ApplicationStore.InsertOutcome.STORED) throw new IllegalStateException("" + in.outcome());
        }
    }
}
