package kz.qujat.central;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import kz.qujat.central.store.DivergenceStore;
import kz.qujat.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qujat reconcile}: compares central's database with the production node once and prints every divergence. */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Compares the central service's database with the production node (asked with a signed request)"
                + " and prints every divergence; each is also flagged for a person. Exit 0: none, 1: divergences, 2: error.")
public final class ReconcileCommand implements Callable<Integer> {
    @Option(names = "--db", required = true, description = "central's database: jdbc:postgresql://host/db (or embedded:DIR"
            + " while central is stopped)")
    String db;

    @Option(names = "--production", required = true, description = "Base URL of the production node.")
    URI production;

    @Option(names = "--key", required = true, description = "The central service's PKCS#12 key (password from env"
            + " QUJAT_KEY_PASSWORD), which production accepts.")
    Path key;

    @Option(names = "--trust", defaultValue = "certs-dev/trust", description = "Trust folder (default ${DEFAULT-VALUE}).")
    Path trust;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String pw = System.getenv("QUJAT_KEY_PASSWORD");
        if (pw == null) {
            err.println("--key needs the environment variable QUJAT_KEY_PASSWORD");
            return 2;
        }
        CentralConfig config = CentralConfig.builder().db(db).trustDir(trust).production(production)
                .key(key, pw.toCharArray()).build();
        Identity id = Identity.load(config);
        try (Database database = Database.open(db, "central")) {
            DivergenceStore store = new DivergenceStore(database);
            List<Reconciliation.Divergence> found;
            try {
                found = new Reconciliation(store, id.signedRequests(), production, Clock.systemUTC()).run();
            } catch (java.io.IOException e) {
                err.println("the production node could not be asked: " + e.getMessage());
                return 2;
            }
            for (Reconciliation.Divergence d : found) {
                out.println(d.kind() + " " + d.applicationId() + ": " + d.detail());
            }
            out.println(found.size() + " divergences now; " + store.open().size() + " flagged for a person in total");
            out.flush();
            return found.isEmpty() ? 0 : 1;
        }
    }
}
