package kz.qujat.api;

import java.time.Instant;

/** A short-lived session: the bearer token and what the staff directory says this person may do. */
public record SessionResponse(String token, Instant expiresAt, String role, String region,
                              String registrationPoint, Staff staff) {
    public record Staff(String iin, String name) {
    }

    @Override
    public String toString() {
        return "SessionResponse[role=" + role + ", region=" + region + "]";
    }
}
