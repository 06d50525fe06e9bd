package kz.qujat.workstation;

import java.util.function.Function;
import kz.qujat.domain.StaffRole;

/** A navigation entry: which role sees it, its title key and how to build its screen for a session. */
public record ScreenEntry(String id, String titleKey, StaffRole role, Function<SessionScope, Screen> factory) {
}
