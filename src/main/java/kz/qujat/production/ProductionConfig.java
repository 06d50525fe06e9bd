package kz.qujat.production;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import kz.qujat.eds.SigningKey;
import kz.qujat.eds.TrustConfig;
import kz.qujat.eds.ValidationPolicy;

/**
 * Everything a production node needs to run. {@code port} 0 picks a free port. {@code db} is
 * {@code embedded:DIR} or a {@code jdbc:postgresql://} URL; {@code serviceKey} signs our ready reports;
 * {@code centralCertificate} is the pinned peer whose signature orders must carry.
 */
public record ProductionConfig(int port, String db, TrustConfig trust, SigningKey serviceKey,
                               X509Certificate centralCertificate, String centralUrl, Duration productionTime,
                               Duration pollInterval, Duration retryInitial, Duration retryMax, Clock clock,
                               ValidationPolicy validation) {

    /** Without a validation policy: officer signatures are checked with {@link ValidationPolicy#BASIC}. */
    public ProductionConfig(int port, String db, TrustConfig trust, SigningKey serviceKey,
                            X509Certificate centralCertificate, String centralUrl, Duration productionTime,
                            Duration pollInterval, Duration retryInitial, Duration retryMax, Clock clock) {
        this(port, db, trust, serviceKey, centralCertificate, centralUrl, productionTime, pollInterval, retryInitial,
                retryMax, clock, ValidationPolicy.BASIC);
    }

    /** The usual timings: poll every second, retry reports from 1 s doubling up to 1 min. */
    public static ProductionConfig of(int port, String db, TrustConfig trust, SigningKey serviceKey,
                                      X509Certificate centralCertificate, String centralUrl, Duration productionTime) {
        return new ProductionConfig(port, db, trust, serviceKey, centralCertificate, centralUrl, productionTime,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(1), Clock.systemUTC());
    }

    /** Never prints the key or the database URL (which may carry a password). */
    @Override
    public String toString() {
        return "ProductionConfig[port=" + port + ", productionTime=" + productionTime + "]";
    }

    public ProductionConfig withTimings(Duration poll, Duration initial, Duration max) {
        return new ProductionConfig(port, db, trust, serviceKey, centralCertificate, centralUrl, productionTime, poll,
                initial, max, clock, validation);
    }

    /** How officer decision signatures are checked (OCSP, required signature time-stamp). */
    public ProductionConfig withValidation(ValidationPolicy policy) {
        return new ProductionConfig(port, db, trust, serviceKey, centralCertificate, centralUrl, productionTime,
                pollInterval, retryInitial, retryMax, clock, policy);
    }
}
