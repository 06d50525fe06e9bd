package kz.qujat.workstation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import kz.qujat.domain.KzTime;

/**
 * How every date and time appears on the workstation: Asia/Almaty whatever the computer's zone, day first,
 * four-digit year, the same in Russian, Kazakh and English (the form a Kazakh document uses).
 */
public final class Dates {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
            .withZone(KzTime.ZONE);

    private Dates() {
    }

    /** An instant as Almaty wall time to the minute; empty for none. */
    public static String dateTime(Instant at) {
        return at == null ? "" : DATE_TIME.format(at);
    }

    /** The Almaty calendar day of an instant; empty for none. */
    public static String date(Instant at) {
        return at == null ? "" : DATE.format(at.atZone(KzTime.ZONE));
    }

    public static String date(LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }
}
