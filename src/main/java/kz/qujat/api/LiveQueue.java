package kz.qujat.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The live queue of a supervisor's scope (their region, or every region for a national supervisor): per region
 * the applications waiting, the oldest waiting and the claims held; then every claim held, by whom and until when;
 * and how many orders are parked for the supervisor.
 */
public record LiveQueue(Instant at, List<RegionLine> regions, List<HeldClaim> claims, long parkedOrders) {

    /** One region's line. {@code oldestWaitingSeconds} is 0 when nothing waits. */
    public record RegionLine(String region, long waiting, Instant oldestWaitingSince, long oldestWaitingSeconds,
                             long claimsHeld) {
    }

    /** A claim held now and for how long. */
    public record HeldClaim(UUID applicationId, String ticketNumber, String region, String officerIin,
                            String officerName, Instant claimedAt, Instant expiresAt, long heldSeconds) {
    }
}
