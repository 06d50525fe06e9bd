package kz.qujat.domain;

/**
 * A registration point (территориальное подразделение) of a region where finished documents are handed over, as
 * the ministry's list gives it: names, addresses and opening hours in Russian and Kazakh.
 */
public record RegistrationPoint(String code, Region region, String nameRu, String nameKk, String addressRu,
                                String addressKk, String hoursRu, String hoursKk) {

    /** The name in {@code lang} ("kk" or Russian for anything else). */
    public String name(String lang) {
        return "kk".equals(lang) ? nameKk : nameRu;
    }

    public String address(String lang) {
        return "kk".equals(lang) ? addressKk : addressRu;
    }

    public String hours(String lang) {
        return "kk".equals(lang) ? hoursKk : hoursRu;
    }
}
