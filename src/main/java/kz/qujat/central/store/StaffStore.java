package kz.qujat.central.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import kz.qujat.central.StaffMember;
import kz.qujat.domain.Region;
import kz.qujat.domain.StaffRole;
import kz.qujat.store.Database;

/** The staff directory: who may log in, with which role, for which region or registration point. */
public final class StaffStore {
    private final Jdbc jdbc;

    public StaffStore(Database database) {
        this.jdbc = new Jdbc(database);
    }

    public void upsert(List<StaffMember> staff) {
        jdbc.tx("staff upsert", c -> {
            for (StaffMember s : staff) {
                Jdbc.update(c, "INSERT INTO staff (iin, surname, given_name, role, region, registration_point, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, now()) ON CONFLICT (iin) DO UPDATE SET surname = EXCLUDED.surname,"
                        + " given_name = EXCLUDED.given_name, role = EXCLUDED.role, region = EXCLUDED.region,"
                        + " registration_point = EXCLUDED.registration_point, updated_at = now()",
                        s.iin(), s.surname(), s.givenName(), s.role(), s.region() == null ? null : s.region().name(),
                        s.registrationPoint());
            }
            return null;
        });
    }

    public Optional<StaffMember> find(String iin) {
        return jdbc.tx("staff lookup", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT iin, surname, given_name, role, region,"
                    + " registration_point FROM staff WHERE iin = ?")) {
                ps.setString(1, iin);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.<StaffMember>empty();
                }
            }
        });
    }

    static StaffMember read(ResultSet rs) throws java.sql.SQLException {
        String region = rs.getString("region");
        return new StaffMember(rs.getString("iin"), rs.getString("surname"), rs.getString("given_name"),
                StaffRole.valueOf(rs.getString("role")), region == null ? null : Region.valueOf(region),
                rs.getString("registration_point"));
    }
}
