package kz.qujat.devpki;

import java.util.List;

/** The staff directory of the development identities, in the CSV form the central service loads. */
final class StaffCsv {
    static final String HEADER = kz.qujat.api.StaffCsvHeader.LINE;

    private StaffCsv() {
    }

    static String text(List<DevPerson> people) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (DevPerson p : people) {
            csv.append(p.iin().value()).append(',').append(p.surname()).append(',').append(p.givenName()).append(',')
                    .append(p.role().name()).append(',').append(p.region() == null ? "" : p.region().name()).append(',')
                    .append(p.registrationPoint() == null ? "" : p.registrationPoint()).append('\n');
        }
        return csv.toString();
    }
}
