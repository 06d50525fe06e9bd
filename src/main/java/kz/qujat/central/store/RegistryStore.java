package kz.qujat.central.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Optional;
import kz.qujat.inspect.RegisterFace;
import kz.qujat.store.Database;

/** The population register as the feed supplies it, kept inside the central store. */
public final class RegistryStore {
    private final Jdbc jdbc;

    /** A register record; images are the raw bytes (null when the register has none). */
    public record Person(String iin, String surname, String givenName, String patronymic, LocalDate birthDate,
                         String currentDocumentNumber, LocalDate currentDocumentExpiry, byte[] photo,
                         byte[] signature) {
        @Override
        public String toString() {
            return "Person[***]";
        }
    }

    public RegistryStore(Database database) {
        this.jdbc = new Jdbc(database);
    }

    /** Inserts or replaces the record; true when it was new. The photo's face is left to be described at first use. */
    public boolean upsert(Person p) {
        return upsert(p, null);
    }

    /**
     * Inserts or replaces the record with its photo's face as described for the same-person check ({@code face}
     * null: not described; intake describes it at first use); true when the record was new.
     */
    public boolean upsert(Person p, RegisterFace face) {
        return jdbc.tx("registry upsert", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO registry_person (iin, surname, given_name,"
                    + " patronymic, birth_date, current_document_number, current_document_expiry, photo, signature,"
                    + " face_model, face_descriptor, face_reason, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now()) ON CONFLICT (iin) DO UPDATE SET"
                    + " surname = EXCLUDED.surname, given_name = EXCLUDED.given_name, patronymic = EXCLUDED.patronymic,"
                    + " birth_date = EXCLUDED.birth_date, current_document_number = EXCLUDED.current_document_number,"
                    + " current_document_expiry = EXCLUDED.current_document_expiry, photo = EXCLUDED.photo,"
                    + " signature = EXCLUDED.signature, face_model = EXCLUDED.face_model,"
                    + " face_descriptor = EXCLUDED.face_descriptor, face_reason = EXCLUDED.face_reason,"
                    + " updated_at = now() RETURNING (xmax = 0) AS inserted")) {
                Jdbc.bind(ps, p.iin(), p.surname(), p.givenName(), p.patronymic(), p.birthDate(),
                        p.currentDocumentNumber(), p.currentDocumentExpiry(), p.photo(), p.signature(),
                        face == null ? null : face.model(), face == null ? null : face.descriptorBytes(),
                        face == null ? null : face.reasonKey());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            }
        });
    }

    /** A register record without its images: whether it has a photo and a signature. */
    public record Summary(String iin, String surname, String givenName, String patronymic, LocalDate birthDate,
                          String currentDocumentNumber, LocalDate currentDocumentExpiry, boolean hasPhoto,
                          boolean hasSignature) {
        @Override
        public String toString() {
            return "Summary[hasPhoto=" + hasPhoto + "]";
        }
    }

    /** The record without reading its images, on the caller's connection. */
    /** The register record without its images (only whether it holds them); parameter: the IIN. */
    static final String SUMMARY_SQL = "SELECT iin, surname, given_name, patronymic, birth_date,"
            + " current_document_number, current_document_expiry, photo IS NOT NULL, signature IS NOT NULL"
            + " FROM registry_person WHERE iin = ?";

    static Optional<Summary> summary(Connection c, String iin) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SUMMARY_SQL)) {
            ps.setString(1, iin);
            try (ResultSet rs = ps.executeQuery()) {
                return summary(rs);
            }
        }
    }

    /** The row of {@link #SUMMARY_SQL}, if any. */
    static Optional<Summary> summary(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            return Optional.empty();
        }
        return Optional.of(new Summary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, LocalDate.class), rs.getString(6), rs.getObject(7, LocalDate.class),
                rs.getBoolean(8), rs.getBoolean(9)));
    }

    public Optional<Summary> summary(String iin) {
        return jdbc.tx("registry summary", c -> summary(c, iin));
    }

    /** The photo on the citizen's current card alone (intake's same-person check reads nothing else). */
    public Optional<byte[]> photo(String iin) {
        return jdbc.tx("registry photo", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT photo FROM registry_person WHERE iin = ?")) {
                ps.setString(1, iin);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    /**
     * The register photo's face as kept with the record (null when not described yet), whether the record has a photo,
     * and the record's version (its {@code updated_at}), to keep a face described later only on that same record.
     */
    public record StoredFace(RegisterFace face, boolean hasPhoto, java.time.OffsetDateTime version) {
    }

    /** What intake's same-person check reads of the register: the kept face, not the photo. */
    public Optional<StoredFace> face(String iin) {
        return jdbc.tx("registry face", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT face_model, face_descriptor, face_reason,"
                    + " photo IS NOT NULL, updated_at FROM registry_person WHERE iin = ?")) {
                ps.setString(1, iin);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<StoredFace>empty();
                    }
                    String model = rs.getString(1);
                    RegisterFace face = model == null ? null : RegisterFace.stored(model, rs.getBytes(2), rs.getString(3));
                    return Optional.of(new StoredFace(face, rs.getBoolean(4),
                            rs.getObject(5, java.time.OffsetDateTime.class)));
                }
            }
        });
    }

    /**
     * Keeps a face described after the record was stored, unless the record changed since {@code version} (a newer
     * photo from the feed comes with its own face); true when kept.
     */
    public boolean keepFace(String iin, java.time.OffsetDateTime version, RegisterFace face) {
        return jdbc.tx("registry face keep", c -> Jdbc.update(c, "UPDATE registry_person SET face_model = ?,"
                + " face_descriptor = ?, face_reason = ? WHERE iin = ? AND updated_at = ?", face.model(),
                face.descriptorBytes(), face.reasonKey(), iin, version) == 1);
    }

    public Optional<Person> find(String iin) {
        return jdbc.tx("registry lookup", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT iin, surname, given_name, patronymic, birth_date,"
                    + " current_document_number, current_document_expiry, photo, signature FROM registry_person"
                    + " WHERE iin = ?")) {
                ps.setString(1, iin);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Person>empty();
                    }
                    return Optional.of(new Person(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, LocalDate.class), rs.getString(6), rs.getObject(7, LocalDate.class),
                            rs.getBytes(8), rs.getBytes(9)));
                }
            }
        });
    }
}
