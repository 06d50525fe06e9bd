package kz.qujat.api;

import java.util.List;
import java.util.UUID;

/** What the portal gets back: the application id, the registration ticket (R6), and any warnings. */
public record IntakeResponse(UUID applicationId, String ticketNumber, String status, List<String> warnings) {
    public IntakeResponse {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
