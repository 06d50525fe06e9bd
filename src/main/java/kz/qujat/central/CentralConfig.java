package kz.qujat.central;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import kz.qujat.domain.PolicyBook;
import kz.qujat.eds.ValidationPolicy;

/**
 * Everything the central service needs to start. {@code policies} null means the built-in demonstration
 * policy; {@code registryFeedKey} null disables the register feed; {@code production} null disables the
 * relay; {@code keyPassword} is cleared by the server once the key is loaded; {@code validation} says how
 * staff signatures are checked (OCSP, required signature time-stamp; {@link ValidationPolicy#BASIC} by default).
 */
public record CentralConfig(int port, String db, PolicyBook policies, Path trustDir, Path staffFile,
                            String registryFeedKey, Duration claimTtl, Duration sessionTtl, URI production,
                            Path keyFile, char[] keyPassword, Path peerCert, Duration sweepInterval, Duration relayInterval,
                            long maxBodyBytes, Clock clock, ValidationPolicy validation, int maxRefusals,
                            Duration relayLease, Path pointsFile, NotificationChannel notifications,
                            Duration notifyInterval, int auditCheckpointRows, Duration auditCheckpointInterval,
                            Duration sessionRecheck, int dbPool) {

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent construction with the defaults of the command line. */
    public static final class Builder {
        private int port;
        private String db;
        private PolicyBook policies;
        private Path trustDir;
        private Path staffFile;
        private String registryFeedKey;
        private Duration claimTtl = Duration.ofMinutes(15);
        private Duration sessionTtl = Duration.ofMinutes(30);
        private URI production;
        private Path keyFile;
        private char[] keyPassword;
        private Path peerCert;
        private Duration sweepInterval = Duration.ofSeconds(10);
        private Duration relayInterval = Duration.ofMillis(500);
        private long maxBodyBytes = 48L * 1024 * 1024;
        private Clock clock = Clock.systemUTC();
        private ValidationPolicy validation = ValidationPolicy.BASIC;
        private int maxRefusals = 5;
        private Duration relayLease = Duration.ofSeconds(60);
        private Duration sessionRecheck = SessionService.RECHECK;
        private int dbPool = kz.qujat.store.Database.DEFAULT_POOL_SIZE;

        /** The most database connections the service keeps open at once (its request threads share them). */
        public Builder dbPool(int v) {
            dbPool = v;
            return this;
        }

        /**
         * How long a session checked in the database is taken from memory: the bound on how long a session logged
         * out on another instance still works here (zero: checked in the database on every request).
         */
        public Builder sessionRecheck(Duration v) {
            sessionRecheck = v;
            return this;
        }

        /** How long a relay keeps the orders it is sending from the other instances; they take over after it. */
        public Builder relayLease(Duration v) {
            relayLease = v;
            return this;
        }
        private Path pointsFile;
        private NotificationChannel notifications;
        private Duration notifyInterval = Duration.ofSeconds(1);
        private int auditCheckpointRows = 100;
        private Duration auditCheckpointInterval = Duration.ofMinutes(5);

        /** After this many HTTP 422 answers from production in a row, an order is parked for a supervisor. */
        public Builder maxRefusals(int v) {
            maxRefusals = v;
            return this;
        }

        /** The ministry's registration points CSV; null: the bundled demonstration list. */
        public Builder pointsFile(Path v) {
            pointsFile = v;
            return this;
        }

        /** Where applicants' notifications go (e-gov cabinet, SMS gateway, a development sink); null: kept pending. */
        public Builder notifications(NotificationChannel v) {
            notifications = v;
            return this;
        }

        public Builder notifyInterval(Duration v) {
            notifyInterval = v;
            return this;
        }

        /** A signed audit checkpoint every {@code rows} new rows or every {@code interval}, whichever comes first. */
        public Builder auditCheckpoint(int rows, Duration interval) {
            auditCheckpointRows = rows;
            auditCheckpointInterval = interval;
            return this;
        }

        public Builder validation(ValidationPolicy v) {
            validation = v;
            return this;
        }

        public Builder port(int v) {
            port = v;
            return this;
        }

        public Builder db(String v) {
            db = v;
            return this;
        }

        public Builder policies(PolicyBook v) {
            policies = v;
            return this;
        }

        public Builder trustDir(Path v) {
            trustDir = v;
            return this;
        }

        public Builder staffFile(Path v) {
            staffFile = v;
            return this;
        }

        public Builder registryFeedKey(String v) {
            registryFeedKey = v;
            return this;
        }

        public Builder claimTtl(Duration v) {
            claimTtl = v;
            return this;
        }

        public Builder sessionTtl(Duration v) {
            sessionTtl = v;
            return this;
        }

        public Builder production(URI v) {
            production = v;
            return this;
        }

        public Builder key(Path file, char[] password) {
            keyFile = file;
            keyPassword = password;
            return this;
        }

        public Builder peerCert(Path v) {
            peerCert = v;
            return this;
        }

        public Builder sweepInterval(Duration v) {
            sweepInterval = v;
            return this;
        }

        public Builder relayInterval(Duration v) {
            relayInterval = v;
            return this;
        }

        public Builder maxBodyBytes(long v) {
            maxBodyBytes = v;
            return this;
        }

        public Builder clock(Clock v) {
            clock = v;
            return this;
        }

        public CentralConfig build() {
            if (db == null) {
                throw new IllegalArgumentException("a database (--db) is required");
            }
            if (dbPool < 1) {
                throw new IllegalArgumentException("the connection pool (--db-pool) needs at least 1 connection, not "
                        + dbPool);
            }
            if (trustDir == null) {
                throw new IllegalArgumentException("a trust folder (--trust) is required");
            }
            return new CentralConfig(port, db, policies, trustDir, staffFile, registryFeedKey, claimTtl, sessionTtl,
                    production, keyFile, keyPassword, peerCert, sweepInterval, relayInterval, maxBodyBytes, clock, validation,
                    maxRefusals, relayLease, pointsFile, notifications, notifyInterval, auditCheckpointRows,
                    auditCheckpointInterval, sessionRecheck, dbPool);
        }
    }

    @Override
    public String toString() {
        return "CentralConfig[port=" + port + "]";
    }
}
