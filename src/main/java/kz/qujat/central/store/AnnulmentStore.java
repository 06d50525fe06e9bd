package kz.qujat.central.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.qujat.api.Annulment;
import kz.qujat.api.AnnulmentRates;
import kz.qujat.store.Database;

/** The annulment log (R9, R10) with refunds and supervisors' reviews. */
public final class AnnulmentStore {
    private final Jdbc jdbc;

    /** Filters; null means no filter. {@code from} inclusive, {@code to} exclusive. */
    public record Filter(Instant from, Instant to, String region, String officerIin, String reason) {
    }

    public AnnulmentStore(Database database) {
        this.jdbc = new Jdbc(database);
    }

    public List<Annulment> list(Filter f, int limit) {
        StringBuilder sql = new StringBuilder("SELECT a.id, a.ticket_number, a.region, d.reason, d.comment,"
                + " d.officer_iin, o.surname, o.given_name, d.recorded_at, r.status, v.verdict, v.comment,"
                + " v.supervisor_iin, s.surname, s.given_name, v.reviewed_at, d.inspection_json, a.checks_json"
                + " FROM decision d JOIN application a ON a.id = d.application_id"
                + " LEFT JOIN staff o ON o.iin = d.officer_iin LEFT JOIN refund r ON r.application_id = a.id"
                + " LEFT JOIN review v ON v.application_id = a.id LEFT JOIN staff s ON s.iin = v.supervisor_iin"
                + " WHERE d.decision = 'ANNUL'");
        List<Object> args = new ArrayList<>();
        if (f.from() != null) {
            sql.append(" AND d.recorded_at >= ?");
            args.add(f.from());
        }
        if (f.to() != null) {
            sql.append(" AND d.recorded_at < ?");
            args.add(f.to());
        }
        if (f.region() != null) {
            sql.append(" AND a.region = ?");
            args.add(f.region());
        }
        if (f.officerIin() != null) {
            sql.append(" AND d.officer_iin = ?");
            args.add(f.officerIin());
        }
        if (f.reason() != null) {
            sql.append(" AND d.reason = ?");
            args.add(f.reason());
        }
        sql.append(" ORDER BY d.recorded_at DESC LIMIT ?");
        args.add(limit);
        return jdbc.tx("annulment list", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                Jdbc.bind(ps, args.toArray());
                List<Annulment> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Annulment.Review review = rs.getString(11) == null ? null
                                : new Annulment.Review(rs.getString(11), rs.getString(12), rs.getString(13),
                                name(rs.getString(14), rs.getString(15)), Jdbc.instant(rs.getTimestamp(16)));
                        out.add(new Annulment(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), name(rs.getString(7), rs.getString(8)),
                                Jdbc.instant(rs.getTimestamp(9)), rs.getString(10), review, samePerson(rs)));
                    }
                }
                return out;
            }
        });
    }

    /** What the officer saw when deciding (the decision's note), else the check as computed at intake. */
    private static kz.qujat.api.SamePersonCheck samePerson(ResultSet rs) throws java.sql.SQLException {
        kz.qujat.api.SamePersonCheck seen = kz.qujat.api.SamePersonCheck.within(rs.getString(17));
        return seen != null ? seen : kz.qujat.api.SamePersonCheck.within(rs.getString(18));
    }

    /**
     * Decision and annulment counts per officer and region within {@code f}'s dates and region; the officer
     * filter is applied by the caller (region totals must not depend on it), the reason narrows the annulments.
     */
    public List<AnnulmentRates.OfficerRate> counts(Filter f) {
        StringBuilder sql = new StringBuilder("SELECT d.officer_iin, o.surname, o.given_name, a.region, count(*),"
                + " count(*) FILTER (WHERE d.decision = 'ANNUL'" + (f.reason() == null ? "" : " AND d.reason = ?") + ")"
                + " FROM decision d JOIN application a ON a.id = d.application_id"
                + " LEFT JOIN staff o ON o.iin = d.officer_iin WHERE TRUE");
        List<Object> args = new ArrayList<>();
        if (f.reason() != null) {
            args.add(f.reason());
        }
        if (f.from() != null) {
            sql.append(" AND d.recorded_at >= ?");
            args.add(f.from());
        }
        if (f.to() != null) {
            sql.append(" AND d.recorded_at < ?");
            args.add(f.to());
        }
        if (f.region() != null) {
            sql.append(" AND a.region = ?");
            args.add(f.region());
        }
        sql.append(" GROUP BY d.officer_iin, o.surname, o.given_name, a.region ORDER BY a.region, d.officer_iin");
        return jdbc.tx("annulment counts", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                Jdbc.bind(ps, args.toArray());
                List<AnnulmentRates.OfficerRate> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AnnulmentRates.OfficerRate(rs.getString(1), name(rs.getString(2), rs.getString(3)),
                                rs.getString(4), rs.getLong(5), rs.getLong(6)));
                    }
                }
                return out;
            }
        });
    }

    /** Records (or revises) a supervisor's review; false when the application is not an annulment. */
    public boolean review(UUID id, String verdict, String comment, String supervisorIin, Instant now) {
        return jdbc.tx("annulment review", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM decision WHERE application_id = ?"
                    + " AND decision = 'ANNUL'")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                }
            }
            Jdbc.update(c, "INSERT INTO review (application_id, verdict, comment, supervisor_iin, reviewed_at)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (application_id) DO UPDATE SET verdict = EXCLUDED.verdict,"
                    + " comment = EXCLUDED.comment, supervisor_iin = EXCLUDED.supervisor_iin,"
                    + " reviewed_at = EXCLUDED.reviewed_at", id, verdict, comment, supervisorIin, now);
            java.util.Map<String, Object> detail = new java.util.HashMap<>();
            detail.put("verdict", verdict);
            detail.put("comment", comment);
            Audit.append(c, now, "REVIEW", id, supervisorIin, detail);
            return true;
        });
    }

    private static String name(String surname, String given) {
        return surname == null ? null : surname + " " + given;
    }
}
