package kz.qujat.api;

import java.time.Instant;

/** One reading of an application's personal data: when, by whom (IIN, name, role), what (detail, photo, ...). */
public record AccessEntry(Instant at, String staffIin, String staffName, String role, String what) {
}
