package kz.qujat.central.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import kz.qujat.central.store.AuditStore;
import kz.qujat.eds.CmsVerifier;
import kz.qujat.eds.RequestSignature;
import kz.qujat.eds.TrustConfig;
import kz.qujat.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qujat audit verify|export}: checks the tamper-evident audit log of the central service. */
@Command(name = "audit", mixinStandardHelpOptions = true, subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class},
        description = "Verifies or exports the central service's hash-chained audit log.")
public final class AuditCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("use: qujat audit verify ... | qujat audit export ...");
        return 2;
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Recomputes the chain and the signed"
            + " checkpoints; names the first row changed, deleted or inserted. Exit 0 intact, 1 tampered, 2 usage.")
    static final class Verify implements Callable<Integer> {
        @Option(names = "--db", description = "embedded:DIR or jdbc:postgresql://... (the central database)")
        String db;

        @Option(names = "--file", description = "an export made by `qujat audit export`")
        Path file;

        @Option(names = "--cert", description = "the central service's certificate (checkpoint signatures must be"
                + " its); without it signatures are not checked")
        Path cert;

        @Option(names = "--trust", defaultValue = "certs-dev/trust", description = "trust folder for --cert's chain"
                + " (default ${DEFAULT-VALUE})")
        Path trust;

        @Override
        public Integer call() throws Exception {
            if ((db == null) == (file == null)) {
                System.err.println("give --db or --file");
                return 2;
            }
            List<AuditRow> rows = new ArrayList<>();
            List<AuditCheckpoint> checkpoints = new ArrayList<>();
            long pending = 0;
            if (db != null) {
                try (Database database = Database.open(db, "central")) {
                    AuditStore store = new AuditStore(database);
                    chainFirst(store);
                    store.rows(rows::add);
                    checkpoints.addAll(store.checkpoints());
                    pending = store.pending();
                }
            } else {
                try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    AuditExport.read(in, rows, checkpoints);
                }
            }
            AuditVerifier.Report r = AuditVerifier.verify(rows, checkpoints, signatures(cert, trust));
            System.out.println(text(r, cert != null) + pendingText(pending));
            return r.ok() ? 0 : 1;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Writes the audit log and its"
            + " checkpoints to a file (JSON lines) for keeping outside the database.")
    static final class Export implements Callable<Integer> {
        @Option(names = "--db", required = true, description = "embedded:DIR or jdbc:postgresql://...")
        String db;

        @Option(names = "--out", required = true, description = "the file to write")
        Path out;

        @Override
        public Integer call() throws Exception {
            int[] n = {0};
            long pending;
            try (Database database = Database.open(db, "central");
                 Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                AuditStore store = new AuditStore(database);
                chainFirst(store);
                AuditExport.header(w);
                IOException[] failed = {null};
                store.rows(r -> {
                    try {
                        AuditExport.row(w, r);
                        n[0]++;
                    } catch (IOException e) {
                        failed[0] = e;
                    }
                });
                if (failed[0] != null) {
                    throw failed[0];
                }
                for (AuditCheckpoint cp : store.checkpoints()) {
                    AuditExport.checkpoint(w, cp);
                }
                pending = store.pending();
            }
            System.out.println(n[0] + " audit rows exported to " + out + pendingText(pending));
            return 0;
        }
    }

    /** How long verify and export wait for a chainer at work elsewhere before reporting the rest as pending. */
    private static final long CHAIN_WAIT_MILLIS = 10_000;

    /**
     * Links every committed event into the chain before reading it (events are chained shortly after their
     * commit; this makes "shortly" "now"). When it cannot (a read-only account, a chainer holding the head too
     * long), what is not chained is reported as pending, never as a break.
     */
    static void chainFirst(AuditStore store) {
        try {
            store.chainAll(CHAIN_WAIT_MILLIS);
        } catch (RuntimeException e) {
            System.err.println("could not chain the pending events first (" + e.getMessage() + "); they are reported"
                    + " as pending");
        }
    }

    /** The line about events committed and not yet in the chain (empty when there are none). */
    public static String pendingText(long pending) {
        return pending == 0 ? "" : "\n" + pending + " event(s) committed and not yet chained (pending: they get"
                + " their place in the chain at the next chaining; not a break)";
    }

    /** The check of a checkpoint's signature against the pinned central certificate; null without one. */
    public static Function<AuditCheckpoint, Optional<String>> signatures(Path cert, Path trust) throws IOException {
        if (cert == null) {
            return null;
        }
        X509Certificate pinned;
        try (var in = Files.newInputStream(cert)) {
            pinned = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (java.security.cert.CertificateException e) {
            throw new IOException("cannot read the certificate " + cert, e);
        }
        RequestSignature scheme = new RequestSignature(new CmsVerifier(TrustConfig.load(trust), Clock.systemUTC()),
                pinned, null);
        return cp -> scheme.refusal(Base64.getEncoder().encodeToString(cp.signature()),
                AuditChain.checkpointDocument(cp.seq(), cp.hash(), cp.at()));
    }

    public static String text(AuditVerifier.Report r, boolean signaturesChecked) {
        StringBuilder s = new StringBuilder();
        s.append(r.ok() ? "INTACT" : "TAMPERED").append(": ").append(r.rows()).append(" rows, ")
                .append(r.checkpoints()).append(" checkpoint(s)")
                .append(signaturesChecked ? ", signatures checked" : ", signatures NOT checked (no --cert)");
        if (r.ok()) {
            s.append("; signed up to row ").append(r.signedUpTo());
            if (r.lastSeq() > r.signedUpTo()) {
                s.append(", rows ").append(r.signedUpTo() + 1).append('-').append(r.lastSeq())
                        .append(" not yet covered by a checkpoint");
            }
        } else {
            s.append("\nfirst problem at row ").append(r.problem().seq()).append(" (").append(r.problem().finding())
                    .append("): ").append(r.problem().message());
        }
        return s.toString();
    }
}
