package kz.qujat.central.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import kz.qujat.central.StaffMember;
import kz.qujat.store.Database;

/** Login challenges (single use) and sessions (only the SHA-256 of a token is stored). */
public final class SessionStore {
    private final Jdbc jdbc;

    public SessionStore(Database database) {
        this.jdbc = new Jdbc(database);
    }

    public void saveChallenge(UUID id, byte[] nonce, Instant expiresAt) {
        jdbc.tx("challenge save", c -> Jdbc.update(c, "INSERT INTO login_challenge (id, nonce, expires_at)"
                + " VALUES (?, ?, ?)", id, nonce, expiresAt));
    }

    /** Marks the challenge used and returns its nonce, if it exists, is unused and not expired. */
    public Optional<byte[]> useChallenge(UUID id, Instant now) {
        return jdbc.tx("challenge use", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE login_challenge SET used_at = ? WHERE id = ?"
                    + " AND used_at IS NULL AND expires_at > ? RETURNING nonce")) {
                Jdbc.bind(ps, now, id, now);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    public void saveSession(String tokenSha256, String staffIin, Instant now, Instant expiresAt) {
        jdbc.tx("session save", c -> {
            Jdbc.update(c, "DELETE FROM staff_session WHERE expires_at <= ?", now);
            Jdbc.update(c, "DELETE FROM login_challenge WHERE expires_at <= ?", now.minusSeconds(3600));
            return Jdbc.update(c, "INSERT INTO staff_session (token_sha256, staff_iin, created_at, expires_at)"
                    + " VALUES (?, ?, ?, ?)", tokenSha256, staffIin, now, expiresAt);
        });
    }

    /** Ends a session (logout); false when there was none. */
    public boolean deleteSession(String tokenSha256) {
        return jdbc.tx("session delete", c -> Jdbc.update(c, "DELETE FROM staff_session WHERE token_sha256 = ?",
                tokenSha256) == 1);
    }

    /** A live session: whose, and until when. */
    public record Session(StaffMember member, Instant expiresAt) {
    }

    /** The live session of the token hash, with its expiry. */
    public Optional<Session> session(String tokenSha256, Instant now) {
        return jdbc.tx("session lookup", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT s.iin, s.surname, s.given_name, s.role, s.region,"
                    + " s.registration_point, t.expires_at FROM staff_session t JOIN staff s ON s.iin = t.staff_iin"
                    + " WHERE t.token_sha256 = ? AND t.expires_at > ?")) {
                Jdbc.bind(ps, tokenSha256, now);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Session(StaffStore.read(rs), Jdbc.instant(rs.getTimestamp(7))))
                            : Optional.<Session>empty();
                }
            }
        });
    }

    /** The staff member a live session belongs to. */
    public Optional<StaffMember> sessionOwner(String tokenSha256, Instant now) {
        return jdbc.tx("session lookup", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT s.iin, s.surname, s.given_name, s.role, s.region,"
                    + " s.registration_point FROM staff_session t JOIN staff s ON s.iin = t.staff_iin"
                    + " WHERE t.token_sha256 = ? AND t.expires_at > ?")) {
                Jdbc.bind(ps, tokenSha256, now);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(StaffStore.read(rs)) : Optional.<StaffMember>empty();
                }
            }
        });
    }
}
