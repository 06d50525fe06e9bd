package kz.qujat.e2e;

import kz.qujat.testsupport.TestClock;
import java.util.UUID;
import kz.qujat.api.ApplicationDetail;
import kz.qujat.api.DecisionDocument;
import kz.qujat.api.IntakeResponse;
import kz.qujat.api.Paths;
import kz.qujat.client.CentralClient;
import kz.qujat.client.CentralException;
import kz.qujat.client.StaffClient;
import kz.qujat.domain.Region;
import kz.qujat.eds.EdsException;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.tools.synthetic.SyntheticApplicant;
import kz.qujat.tools.synthetic.SyntheticApplicants;

/**
 * The people of the end-to-end tests acting over HTTP: the portal (intake and register feed), the Astana
 * officer (reviews with what the server serves and signs with the certs-dev keys) and the ASTANA-01 clerk.
 */
final class Actors {
    static final String FEED_KEY = "e2e-feed-key";
    static final String POINT = "ASTANA-01";

    private final String centralUrl;
    private final SyntheticApplicants people;

    Actors(String centralUrl, long seed) {
        this.centralUrl = centralUrl;
        this.people = SyntheticApplicants.forSubmission(seed, TestClock.today(), 0);
    }

    /** A person of Astana who collects at ASTANA-01 (the dev clerk's point), put in the register and submitted. */
    IntakeResponse submit() throws CentralException {
        SyntheticApplicant person = people.next(Region.ASTANA);
        while (!POINT.equals(person.registrationPoint())) {
            person = people.next(Region.ASTANA);
        }
        CentralClient portal = new CentralClient(centralUrl);
        portal.putRegistryPerson(person.toRegistryPerson(), FEED_KEY.toCharArray());
        return portal.submit(person.toIntakeRequest());
    }

    /** Anyone of the region, put in the register and submitted (any registration point). */
    IntakeResponse submit(Region region) throws CentralException {
        SyntheticApplicant person = people.next(region);
        CentralClient portal = new CentralClient(centralUrl);
        portal.putRegistryPerson(person.toRegistryPerson(), FEED_KEY.toCharArray());
        return portal.submit(person.toIntakeRequest());
    }

    StaffClient officer() throws CentralException, EdsException {
        return officer("officer-astana");
    }

    /** An officer of certs-dev logged in with the authentication key of {@code identity}. */
    StaffClient officer(String identity) throws CentralException, EdsException {
        StaffClient officer = new StaffClient(centralUrl);
        officer.login(DevIdentities.authenticationKey(identity));
        return officer;
    }

    StaffClient clerk() throws CentralException, EdsException {
        StaffClient clerk = new StaffClient(centralUrl);
        clerk.login(DevIdentities.authenticationKey("clerk-astana"));
        return clerk;
    }

    /** Claims the next application, reads it and its images as served, and signs {@code decision} for it. */
    static UUID decideNext(StaffClient officer, String decision, String reason) throws CentralException, EdsException {
        return decideNext(officer, "officer-astana", decision, reason);
    }

    /** As above, signed with the signing key of {@code identity}. */
    static UUID decideNext(StaffClient officer, String identity, String decision, String reason)
            throws CentralException, EdsException {
        ApplicationDetail claimed = officer.next().orElseThrow(() -> new AssertionError("queue is empty"));
        ApplicationDetail detail = officer.detail(claimed.id());
        byte[] photo = officer.image(Paths.PHOTO, detail.id());
        byte[] signature = officer.image(Paths.SIGNATURE, detail.id());
        officer.decide(detail, photo, signature, decision, reason,
                DecisionDocument.APPROVE.equals(decision) ? "" : "фото не соответствует требованиям",
                DevIdentities.signingKey(identity), TestClock.liveNow());
        return detail.id();
    }
}
