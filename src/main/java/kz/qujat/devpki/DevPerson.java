package kz.qujat.devpki;

import java.time.LocalDate;
import kz.qujat.domain.Iin;
import kz.qujat.domain.Region;
import kz.qujat.domain.StaffRole;

/**
 * One development person: who they are, their staff record, and how their certificates are special
 * (revoked, expired, issued by the untrusted CA).
 *
 * @param region null for a national supervisor
 * @param registrationPoint only for clerks
 */
record DevPerson(String file, String surname, String givenName, Iin iin, StaffRole role, Region region,
        String registrationPoint, String organisation, String bin, boolean ec, Special special) {

    /** What makes this identity a test case. */
    enum Special { NONE, REVOKED, EXPIRED, UNTRUSTED }

    /** A valid IIN for the birth date: the first serial from {@code serial} whose check digit exists. */
    static Iin iin(LocalDate birth, Iin.Sex sex, int serial) {
        for (int s = serial; ; s++) {
            var iin = Iin.complete(Iin.prefix(birth, sex, s));
            if (iin.isPresent()) {
                return iin.get();
            }
        }
    }
}
