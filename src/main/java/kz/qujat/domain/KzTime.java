package kz.qujat.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** R3 counts calendar days in Kazakhstan's calendar (Asia/Almaty, UTC+5). */
public final class KzTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Almaty");

    private KzTime() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
