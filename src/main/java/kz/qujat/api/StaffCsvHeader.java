package kz.qujat.api;

/**
 * The staff directory's file format, shared by the central service that reads it ({@code --staff}) and the
 * development PKI that writes the directory of its identities: UTF-8 CSV with this first line.
 */
public final class StaffCsvHeader {
    public static final String LINE = "iin,surname,givenName,role,region,registrationPoint";

    private StaffCsvHeader() {
    }
}
