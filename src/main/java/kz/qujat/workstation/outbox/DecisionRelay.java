package kz.qujat.workstation.outbox;

import java.util.Base64;
import java.util.List;
import java.util.Set;
import kz.qujat.api.DecisionDocument;
import kz.qujat.client.CentralException;
import kz.qujat.client.StaffClient;
import kz.qujat.domain.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers an officer's signed decisions from the outbox to the central service. Unreachable or failing
 * service: the decision stays and is tried again later. A refusal for good (the application moved on, the
 * signature does not match): the entry is set aside as rejected. A repeat of a decision whose answer was
 * lost (the application already has the decided status) counts as delivered. There is one relay per
 * session ({@code SessionScope#relay}) and it sends one entry at a time, so the background round and the
 * review's immediate send never post the same decision twice. Every method reads files: call off the FX thread.
 */
public final class DecisionRelay {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionRelay.class);
    private final DecisionOutbox outbox;
    private final StaffClient client;
    private final String officerIin;

    /** What one round achieved. */
    public record Round(int delivered, int rejected, int pending, boolean sessionRefused) {
    }

    public DecisionRelay(DecisionOutbox outbox, StaffClient client, String officerIin) {
        this.outbox = outbox;
        this.client = client;
        this.officerIin = officerIin;
    }

    public int pending() {
        return outbox.pendingOf(officerIin).size();
    }

    /** Where a decision ended up after a delivery attempt that got an answer. */
    public enum Outcome { DELIVERED, REJECTED, POSTPONED }

    /** What the immediate send of a new decision achieved, and how many are still waiting. */
    public record Sent(Outcome outcome, int pending) {
    }

    /** Sends one entry now; a failure to reach the service leaves it pending (outcome POSTPONED). */
    public Sent send(OutboxEntry e) {
        Outcome outcome;
        try {
            outcome = deliver(e);
        } catch (CentralException failure) {
            LOG.info("outbox delivery postponed: {}", failure.status() == 0 ? "unreachable" : failure.status());
            outcome = Outcome.POSTPONED;
        }
        return new Sent(outcome, pending());
    }

    /**
     * Sends one entry; a failure to reach the service (or a refused session) is thrown and the entry stays.
     * An entry that is no longer pending (another round delivered it meanwhile) is not sent again.
     */
    public synchronized Outcome deliver(OutboxEntry e) throws CentralException {
        if (!outbox.holds(e.applicationId())) {
            return Outcome.DELIVERED;
        }
        Base64.Decoder b64 = Base64.getDecoder();
        try {
            client.sendDecision(e.applicationId(), b64.decode(e.document()), b64.decode(e.cms()), e.inspection());
            outbox.markDelivered(e.applicationId());
            return Outcome.DELIVERED;
        } catch (CentralException failure) {
            if (failure.status() == 0 || failure.status() >= 500 || failure.status() == 401) {
                outbox.attemptFailed(e, failure.status() == 0 ? "unreachable" : "HTTP " + failure.status());
                throw failure;
            }
            if (alreadyDecided(e)) {
                outbox.markDelivered(e.applicationId());
                return Outcome.DELIVERED;
            }
            outbox.markRejected(e.applicationId(), failure.getMessage());
            return Outcome.REJECTED;
        }
    }

    /** One round over every pending decision of the officer, oldest first; stops early when the service is away. */
    public synchronized Round deliverAll() {
        List<OutboxEntry> entries = outbox.pendingOf(officerIin);
        int delivered = 0;
        int rejected = 0;
        for (OutboxEntry e : entries) {
            try {
                if (deliver(e) == Outcome.DELIVERED) {
                    delivered++;
                } else {
                    rejected++;
                }
            } catch (CentralException failure) {
                LOG.info("outbox delivery postponed: {}", failure.status() == 0 ? "unreachable" : failure.status());
                return new Round(delivered, rejected, outbox.pendingOf(officerIin).size(), failure.status() == 401);
            }
        }
        return new Round(delivered, rejected, outbox.pendingOf(officerIin).size(), false);
    }

    private boolean alreadyDecided(OutboxEntry e) {
        Status expected = DecisionDocument.APPROVE.equals(e.decision()) ? Status.APPROVED : Status.ANNULLED;
        Set<Status> after = expected == Status.APPROVED
                ? Set.of(Status.APPROVED, Status.IN_PRODUCTION, Status.READY_FOR_PICKUP, Status.ISSUED)
                : Set.of(Status.ANNULLED);
        try {
            return after.contains(Status.valueOf(client.detail(e.applicationId()).status()));
        } catch (CentralException | IllegalArgumentException unknown) {
            return false;
        }
    }
}
