package kz.qujat.production.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import kz.qujat.store.Database;
import kz.qujat.store.StoreException;

/** The production node's images, each kept once by its SHA-256 (lowercase hex), whatever refers to it. */
public final class ImageStore {
    private final DataSource ds;

    public ImageStore(Database database) {
        this.ds = database.dataSource();
    }

    /** Stores the image unless it is held already; true when this call stored it. The caller checked the hash. */
    public boolean putIfAbsent(String sha256, byte[] bytes, Instant at) {
        String sql = "INSERT INTO image (sha256, bytes, received_at) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING";
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, sha256);
            st.setBytes(2, bytes);
            st.setTimestamp(3, Timestamp.from(at));
            return st.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("cannot store an image", e);
        }
    }

    /** Which of {@code hashes} are not held, in the order given. */
    public List<String> missing(Collection<String> hashes) {
        Set<String> wanted = new LinkedHashSet<>(hashes);
        try (Connection c = ds.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT sha256 FROM image WHERE sha256 = ANY (?)")) {
            st.setArray(1, c.createArrayOf("text", wanted.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    wanted.remove(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot look up images", e);
        }
        return new ArrayList<>(wanted);
    }

    public Optional<byte[]> get(String sha256) {
        try (Connection c = ds.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT bytes FROM image WHERE sha256 = ?")) {
            st.setString(1, sha256);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read an image", e);
        }
    }

    /** How many images are held. */
    public long count() {
        try (Connection c = ds.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT count(*) FROM image");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("cannot count images", e);
        }
    }
}
