package kz.qujat.store;

import java.nio.file.Path;

/** Run as its own JVM by {@link EmbeddedTakeoverTest}: opens an embedded database, says so, and waits to be killed. */
public final class HoldDatabase {
    private HoldDatabase() {
    }

    public static void main(String[] args) throws Exception {
        Database db = Database.embedded(Path.of(args[0]), "storetest");
        try (var c = db.dataSource().getConnection(); var st = c.createStatement()) {
            st.execute("INSERT INTO note(body) VALUES ('before the kill')");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(600_000);
    }
}
