package kz.qujat.devpki;

import java.time.LocalDate;
import java.util.List;
import kz.qujat.devpki.DevPerson.KeyKind;
import kz.qujat.devpki.DevPerson.Special;
import kz.qujat.domain.Iin.Sex;
import kz.qujat.domain.Region;
import kz.qujat.domain.StaffRole;

/** The fixed cast of development identities; their IINs are the same every time the PKI is made. */
final class DevPeople {
    static final String POLICE_ASTANA = "Департамент полиции города Астаны";
    static final String POLICE_ALMATY = "Департамент полиции города Алматы";
    static final String MIGRATION_COMMITTEE = "Комитет миграционной службы МВД Республики Казахстан";
    static final String BIN_ASTANA = "990440000129";
    static final String BIN_ALMATY = "990540000204";
    static final String BIN_COMMITTEE = "050740004819";

    private DevPeople() {
    }

    static List<DevPerson> all() {
        return List.of(
                new DevPerson("officer-astana", "ЖАКСЫБЕКОВ", "АРМАН", DevPerson.iin(LocalDate.of(1985, 3, 14), Sex.MALE, 1201),
                        StaffRole.OFFICER, Region.ASTANA, null, POLICE_ASTANA, BIN_ASTANA, KeyKind.RSA, Special.NONE),
                new DevPerson("officer-almaty", "НУРЛАНОВА", "АЙГЕРИМ", DevPerson.iin(LocalDate.of(1990, 7, 22), Sex.FEMALE, 2302),
                        StaffRole.OFFICER, Region.ALMATY, null, POLICE_ALMATY, BIN_ALMATY, KeyKind.EC, Special.NONE),
                new DevPerson("officer-gost", "САРСЕНБАЕВ", "ТИМУР", DevPerson.iin(LocalDate.of(1984, 5, 19), Sex.MALE, 8908),
                        StaffRole.OFFICER, Region.ASTANA, null, POLICE_ASTANA, BIN_ASTANA, KeyKind.GOST, Special.NONE),
                new DevPerson("supervisor", "ТОКТАРОВ", "ЕРЛАН", DevPerson.iin(LocalDate.of(1978, 11, 5), Sex.MALE, 3403),
                        StaffRole.SUPERVISOR, null, null, MIGRATION_COMMITTEE, BIN_COMMITTEE, KeyKind.RSA, Special.NONE),
                new DevPerson("supervisor-almaty", "ОМАРОВА", "ГУЛЬНАР", DevPerson.iin(LocalDate.of(1980, 6, 12), Sex.FEMALE, 8908),
                        StaffRole.SUPERVISOR, Region.ALMATY, null, POLICE_ALMATY, BIN_ALMATY, KeyKind.RSA, Special.NONE),
                new DevPerson("finance", "БАЙМУХАНОВ", "АСЛАН", DevPerson.iin(LocalDate.of(1983, 1, 19), Sex.MALE, 9009),
                        StaffRole.FINANCE, null, null, MIGRATION_COMMITTEE, BIN_COMMITTEE, KeyKind.RSA, Special.NONE),
                new DevPerson("clerk-astana", "ИСМАИЛОВА", "ДИНАРА", DevPerson.iin(LocalDate.of(1993, 2, 17), Sex.FEMALE, 4504),
                        StaffRole.CLERK, Region.ASTANA, "ASTANA-01", POLICE_ASTANA, BIN_ASTANA, KeyKind.RSA, Special.NONE),
                new DevPerson("officer-revoked", "КАРИМОВ", "ДАУРЕН", DevPerson.iin(LocalDate.of(1987, 9, 30), Sex.MALE, 5605),
                        StaffRole.OFFICER, Region.ASTANA, null, POLICE_ASTANA, BIN_ASTANA, KeyKind.RSA, Special.REVOKED),
                new DevPerson("officer-expired", "АБДРАХМАНОВА", "САУЛЕ", DevPerson.iin(LocalDate.of(1982, 12, 1), Sex.FEMALE, 6706),
                        StaffRole.OFFICER, Region.ASTANA, null, POLICE_ASTANA, BIN_ASTANA, KeyKind.RSA, Special.EXPIRED),
                new DevPerson("officer-untrusted", "СЕЙТКАЛИЕВ", "НУРЛАН", DevPerson.iin(LocalDate.of(1988, 4, 9), Sex.MALE, 7807),
                        StaffRole.OFFICER, Region.ASTANA, null, POLICE_ASTANA, BIN_ASTANA, KeyKind.RSA, Special.UNTRUSTED));
    }
}
