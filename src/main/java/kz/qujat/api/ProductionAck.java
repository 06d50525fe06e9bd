package kz.qujat.api;

import java.util.UUID;

/** The production node's answer to an order: accepted (or already had it), with its own status. */
public record ProductionAck(UUID applicationId, String status, boolean duplicate) {
}
