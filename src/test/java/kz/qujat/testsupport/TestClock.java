package kz.qujat.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import kz.qujat.domain.KzTime;

/**
 * The one clock of the test suite. {@link #NOW} is taken once per test JVM, so everything a test makes (token
 * certificates, applicants' expiry dates, decisions, view-model clocks) agrees with everything else, whatever
 * the date. Fixed artefacts (certs-dev validity, CRL next-update, policy periods) are kept consistent with it
 * by {@code CertsDevExpiryGuardTest}; servers started as processes run on the real clock, which is
 * {@link #live()} here.
 */
public final class TestClock {
    /** The instant of this test run, to the second. */
    public static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private TestClock() {
    }

    /** A clock stopped at {@link #NOW}: for view models and services whose results must not drift. */
    public static Clock fixed() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    /** The running clock, for servers that must see time pass (claim and session expiry) and for waits. */
    public static Clock live() {
        return Clock.systemUTC();
    }

    /** The current instant of the running clock. */
    public static Instant liveNow() {
        return live().instant();
    }

    /** Today in Asia/Almaty, the calendar of the eligibility rules, at {@link #NOW}. */
    public static LocalDate today() {
        return KzTime.today(fixed());
    }
}
