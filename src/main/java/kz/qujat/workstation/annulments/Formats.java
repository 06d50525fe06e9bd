package kz.qujat.workstation.annulments;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import kz.qujat.domain.KzTime;

/** How times appear on the supervisor's screen and in its export: Almaty time, day first, to the minute. */
final class Formats {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
            .withZone(KzTime.ZONE);

    private Formats() {
    }

    static String dateTime(Instant at) {
        return at == null ? "" : DATE_TIME.format(at);
    }
}
