package kz.qujat.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import kz.qujat.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * Photos and signatures (JPEG and PNG, compressed already) are stored out of line without PostgreSQL trying to
 * compress them again (storage EXTERNAL, 'e'), in both migrated schemas; every other bytea column (signatures of
 * documents, CMS, nonces, face descriptors) keeps PostgreSQL's default.
 */
class ImageStorageTest {
    @Test
    void centralKeepsPhotosAndSignaturesAsTheyAre() throws Exception {
        Map<String, String> storage = byteaStorage("central");
        assertThat(storage).containsEntry("application.photo", "e").containsEntry("application.signature", "e")
                .containsEntry("registry_person.photo", "e").containsEntry("registry_person.signature", "e");
        assertThat(storage).containsEntry("decision.cms", "x").containsEntry("registry_person.face_descriptor", "x");
    }

    @Test
    void productionKeepsItsImagesAsTheyAre() throws Exception {
        assertThat(byteaStorage("production")).containsEntry("image.bytes", "e");
    }

    /** table.column → attstorage of every bytea column of the public schema after the migrations. */
    private static Map<String, String> byteaStorage(String schema) throws Exception {
        DataSource ds = TestPostgres.freshDatabase();
        Map<String, String> out = new LinkedHashMap<>();
        try (Database db = Database.of(ds, schema); Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT c.relname, a.attname, a.attstorage FROM pg_attribute a"
                     + " JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                     + " WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.atttypid = 'bytea'::regtype"
                     + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY 1, 2");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1) + "." + rs.getString(2), rs.getString(3));
            }
        }
        return out;
    }
}
