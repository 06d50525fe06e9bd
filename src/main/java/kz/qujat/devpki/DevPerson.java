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
        String registrationPoint, String organisation, String bin, KeyKind keys, Special special) {

    /** The algorithm of the person's two keys: RSA-2048, ECDSA P-256, or НУЦ РК GOST 2015-512. */
    enum KeyKind { RSA, EC, GOST }

    boolean ec() {
        return keys == KeyKind.EC;
    }

    boolean gost() {
        return keys == KeyKind.GOST;
    }

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
