package kz.qujat.workstation;

import java.time.Instant;
import kz.qujat.api.SessionResponse;
import kz.qujat.client.StaffClient;
import kz.qujat.domain.StaffRole;

/**
 * One logged-in member of staff: the client holding the bearer token, what the server said about the
 * person (role, region or registration point), and where the keys are (PKCS#12 file or PKCS#11 token) whose
 * signing key signs decisions.
 */
public record StaffSession(StaffClient client, SessionResponse response, KeyOrigin keys) {
    public StaffRole role() {
        return StaffRole.valueOf(response.role());
    }

    public String staffIin() {
        return response.staff().iin();
    }

    public String staffName() {
        return response.staff().name();
    }

    public Instant expiresAt() {
        return response.expiresAt();
    }

    @Override
    public String toString() {
        return "StaffSession[role=" + response.role() + "]";
    }
}
