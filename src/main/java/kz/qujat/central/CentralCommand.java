package kz.qujat.central;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import kz.qujat.eds.ValidationPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qujat central}: runs the central queue service until SIGTERM. */
@Command(name = "central", mixinStandardHelpOptions = true,
        description = "Runs the central queue service (intake, officer queue, decisions, handover, relay to production).")
public final class CentralCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080", description = "HTTP port; 0 = any free port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--db", required = true, description = "embedded:DIR or jdbc:postgresql://host/db")
    String db;

    @Option(names = "--db-pool", defaultValue = "10", paramLabel = "N", description = "The most database connections"
            + " this instance keeps open at once; its request threads wait for one beyond that (default"
            + " ${DEFAULT-VALUE}). With several instances on one server, their sum stays below the server's"
            + " max_connections.")
    int dbPool;

    @Option(names = "--policy", description = "Policy file (default: the built-in DEMONSTRATION policy).")
    Path policy;

    @Option(names = "--trust", defaultValue = "certs-dev/trust", description = "Trust folder: root and intermediate"
            + " certificates and CRLs (default ${DEFAULT-VALUE}).")
    Path trust;

    @Option(names = "--staff", description = "Staff directory CSV, upserted at start.")
    Path staff;

    @Option(names = "--registry-feed-key-file", description = "File holding the population register feed key;"
            + " without it the feed is disabled.")
    Path feedKeyFile;

    @Option(names = "--claim-ttl", defaultValue = "PT15M", description = "How long a claim lasts (default ${DEFAULT-VALUE}).")
    Duration claimTtl;

    @Option(names = "--session-ttl", defaultValue = "PT30M", description = "How long a session lasts (default ${DEFAULT-VALUE}).")
    Duration sessionTtl;

    @Option(names = "--session-recheck", defaultValue = "PT5S", description = "How long a session checked in the"
            + " database is taken from memory: a session logged out on another instance stops working here within"
            + " this (default ${DEFAULT-VALUE}; PT0S checks the database on every request).")
    Duration sessionRecheck;

    @Option(names = "--production", description = "Base URL of the production node; without it nothing is relayed.")
    URI production;

    @Option(names = "--key", description = "The service's PKCS#12 signing key (password from env QUJAT_KEY_PASSWORD).")
    Path key;

    @Option(names = "--peer-cert", description = "Certificate of the production node, whose ready reports are accepted.")
    Path peerCert;

    @Option(names = "--ocsp", paramLabel = "URL", description = "OCSP responder for staff certificates (default: the"
            + " URL in each certificate's AIA when --require-timestamp; the trust folder's CRLs are the fallback).")
    URI ocsp;

    @Option(names = "--require-timestamp", description = "Production configuration: a decision signature must carry a"
            + " signature time-stamp (CAdES-T) and pass an OCSP check; unreachable OCSP gives 503 unavailable.")
    boolean requireTimestamp;

    @Option(names = "--relay-lease", defaultValue = "PT60S", description = "How long the orders a relay is sending stay"
            + " hidden from the other instances' relays; if the instance dies they take them over after this"
            + " (default ${DEFAULT-VALUE}; at least PT20S, the longest one request to production can take: a send of"
            + " several requests renews it before each).")
    Duration relayLease;

    @Option(names = "--sweep-interval", defaultValue = "PT10S", description = "How often this instance returns expired"
            + " claims to the queue (default ${DEFAULT-VALUE}).")
    Duration sweepInterval;

    @Option(names = "--points", paramLabel = "FILE", description = "The ministry's registration points CSV (code,region,"
            + "nameRu,nameKk,addressRu,addressKk,hoursRu,hoursKk); default: the bundled demonstration list.")
    Path points;

    @Option(names = "--notify-file", paramLabel = "FILE", description = "Development sink: append applicants'"
            + " notifications to FILE as JSON lines (IIN and phone masked).")
    Path notifyFile;

    @Option(names = "--notify-url", paramLabel = "URL", description = "POST applicants' notifications as JSON to URL"
            + " (the e-gov cabinet / SMS gateway adapter); retried until it answers 2xx.")
    URI notifyUrl;

    @Option(names = "--audit-checkpoint-rows", defaultValue = "100", description = "Sign an audit checkpoint after"
            + " this many new rows (default ${DEFAULT-VALUE}) ...")
    int checkpointRows;

    @Option(names = "--audit-checkpoint-interval", defaultValue = "PT5M", description = "... or after this time"
            + " with new rows (default ${DEFAULT-VALUE}); needs --key.")
    Duration checkpointInterval;

    @Option(names = "--crl-max-age", paramLabel = "DURATION", description = "The oldest CRL that may clear a staff"
            + " certificate when OCSP does not answer, e.g. PT12H (default PT24H with --ocsp or --require-timestamp;"
            + " without them a CRL counts until its next-update). An older CRL gives 503 \"not confirmed, retrying\".")
    java.time.Duration crlMaxAge;

    @Option(names = "--tsa-policy", paramLabel = "OID", description = "A TSA policy OID under which a decision's"
            + " signature time-stamp may be made (repeatable, e.g. НУЦ РК's 1.2.398.3.3.2.6.1); a time-stamp under"
            + " another policy is refused (400, naming both). Default: any policy.")
    java.util.List<String> tsaPolicies = new java.util.ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (dbPool < 1) {
            System.err.println("--db-pool needs at least 1 connection, not " + dbPool);
            return 2;
        }
        if (relayLease.compareTo(kz.qujat.central.relay.OutboxRelay.LONGEST_REQUEST) < 0) {
            System.err.println("--relay-lease must be at least " + kz.qujat.central.relay.OutboxRelay.LONGEST_REQUEST
                    + " (the longest one request to production can take), not " + relayLease);
            return 2;
        }
        // concurrent intake requests keep the cores busy: OpenCV's own threads would only add hand-overs
        kz.qujat.inspect.OpenCvNatives.oneThreadPerCall();
        ValidationPolicy validation;
        try {
            validation = ValidationPolicy.of(ocsp, requireTimestamp, crlMaxAge).withTsaPolicies(tsaPolicies);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        CentralConfig.Builder b = CentralConfig.builder().validation(validation).port(port).db(db).dbPool(dbPool).trustDir(trust).staffFile(staff)
                .claimTtl(claimTtl).sessionTtl(sessionTtl).sessionRecheck(sessionRecheck).relayLease(relayLease).sweepInterval(sweepInterval)
                .production(production).peerCert(peerCert);
        b.pointsFile(points).auditCheckpoint(checkpointRows, checkpointInterval);
        if (notifyFile != null && notifyUrl != null) {
            System.err.println("give --notify-file or --notify-url, not both");
            return 2;
        }
        if (notifyFile != null) {
            b.notifications(new FileNotificationChannel(notifyFile));
        } else if (notifyUrl != null) {
            b.notifications(new HttpNotificationChannel(notifyUrl));
        }
        if (policy != null) {
            b.policies(CentralServer.readPolicies(policy));
        }
        if (feedKeyFile != null) {
            b.registryFeedKey(Files.readString(feedKeyFile, StandardCharsets.UTF_8).trim());
        }
        if (key != null) {
            String pw = System.getenv("QUJAT_KEY_PASSWORD");
            if (pw == null) {
                System.err.println("--key needs the environment variable QUJAT_KEY_PASSWORD");
                return 2;
            }
            b.key(key, pw.toCharArray());
        }
        CentralServer server = CentralServer.start(b.build());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "central-shutdown"));
        System.out.println("Central service listening on " + server.url());
        stopped.await();
        return 0;
    }
}
