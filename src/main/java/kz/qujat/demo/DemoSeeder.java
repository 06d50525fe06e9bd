package kz.qujat.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import kz.qujat.client.CentralClient;
import kz.qujat.client.CentralException;
import kz.qujat.domain.KzTime;
import kz.qujat.domain.Region;
import kz.qujat.tools.synthetic.Defect;
import kz.qujat.tools.synthetic.SyntheticApplicant;
import kz.qujat.tools.synthetic.SyntheticApplicants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty demo with synthetic applicants in several regions: each person is first put into the
 * register, then applies as the portal would. Every batch holds the eligibility edge days, and about a
 * quarter carry a deliberate defect (dark or tiny photo, blank or clipped signature, register name off).
 */
final class DemoSeeder {
    static final Map<Region, Integer> PLAN = Map.of(Region.ASTANA, 14, Region.ALMATY, 10, Region.KARAGANDA, 4);
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);
    private final CentralClient client;
    private final char[] feedKey;

    DemoSeeder(CentralClient client, char[] feedKey) {
        this.client = client;
        this.feedKey = feedKey;
    }

    /**
     * One submitted application: its ticket, region and deliberate defect, if any (no personal data); or one of the
     * same-person examples with real faces ({@code example}).
     */
    record Seeded(String ticket, Region region, java.util.Optional<Defect> defect,
                  java.util.Optional<DemoFaces.Example> example) {
        Seeded(String ticket, Region region, java.util.Optional<Defect> defect) {
            this(ticket, region, defect, java.util.Optional.empty());
        }

        String line() {
            return ticket + " " + region + defect.map(d -> " deliberate defect: " + d).orElse("")
                    + example.map(e -> " same-person example: the check should say " + e.expected()
                            + (e.annulled() ? " (annulled in the history)" : "")).orElse("");
        }
    }

    /** Seeds unless the marker file says this data folder was seeded; returns what it submitted. */
    java.util.List<Seeded> seedOnce(Path marker, long seed) throws IOException, CentralException {
        return seedOnce(marker, seed, java.util.Optional.empty());
    }

    /**
     * As {@link #seedOnce(Path, long)}, first submitting the same-person examples with real faces when the face set
     * is there: the same sitter twice (SAME), another sitter than the register's (DIFFERENT).
     */
    java.util.List<Seeded> seedOnce(Path marker, long seed, java.util.Optional<DemoFaces> faces)
            throws IOException, CentralException {
        java.util.List<Seeded> seeded = new java.util.ArrayList<>();
        if (Files.exists(marker)) {
            return seeded;
        }
        // R3's exact edges (30 days before, the expiry day, 10 days after) for the officer to see: seeded within seconds
        // of this date, so the edge of 10 days is not kept a day inside as it is for long runs against a server
        SyntheticApplicants people = new SyntheticApplicants(seed, KzTime.today(Clock.systemUTC()), 0.25);
        int submitted = 0;
        if (faces.isPresent()) {
            // its own generator: the synthetic applicants below stay the same with or without the face set
            SyntheticApplicants others = SyntheticApplicants.forSubmission(seed + 1, KzTime.today(Clock.systemUTC()), 0);
            for (DemoFaces.Example e : DemoFaces.EXAMPLES) {
                SyntheticApplicant p = faces.get().applicantFor(e, others, Region.ASTANA);
                SyntheticApplicant person = new SyntheticApplicant(p.iin(), p.surname(), p.givenName(), p.patronymic(),
                        p.cardNumber(), p.expiryDate(), p.region(), p.registrationPoint(), p.feePaymentRef(), p.phone(),
                        faces.get().portrait(e.submitted()), p.signaturePng(), p.registrySurname(),
                        faces.get().portrait(e.register()), p.registrySignaturePng(), java.util.Optional.empty());
                client.putRegistryPerson(person.toRegistryPerson(), feedKey);
                try {
                    String ticket = client.submit(person.toIntakeRequest()).ticketNumber();
                    seeded.add(new Seeded(ticket, Region.ASTANA, java.util.Optional.empty(), java.util.Optional.of(e)));
                    submitted++;
                } catch (CentralException refused) {
                    LOG.info("demo same-person example refused at intake: {}", refused.kind().map(Enum::name).orElse("?"));
                }
            }
        } else {
            LOG.info("the sample face set is not there: the demo has no same-person examples with real faces");
        }
        for (Region region : new Region[] {Region.ASTANA, Region.ALMATY, Region.KARAGANDA}) {
            for (int i = 0; i < PLAN.get(region); i++) {
                SyntheticApplicant person = people.next(region);
                client.putRegistryPerson(person.toRegistryPerson(), feedKey);
                try {
                    String ticket = client.submit(person.toIntakeRequest()).ticketNumber();
                    seeded.add(new Seeded(ticket, region, person.defect()));
                    submitted++;
                } catch (CentralException refused) {
                    // a refused synthetic application is part of the demo's variety, not a failure
                    LOG.info("demo applicant refused at intake: {}", refused.kind().map(Enum::name).orElse("?"));
                }
            }
        }
        Files.write(marker, seeded.stream().map(Seeded::line).toList());
        LOG.info("demo seeded with {} applications", submitted);
        return seeded;
    }
}
