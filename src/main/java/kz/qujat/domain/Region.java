package kz.qujat.domain;

import java.util.Arrays;
import java.util.Optional;

/** The 17 regions (oblys) and the 3 cities of republican significance; each has its own migration service queue. */
public enum Region {
    ASTANA("Астана", "Astana", true),
    ALMATY("Алматы", "Almaty", true),
    SHYMKENT("Шымкент", "Shymkent", true),
    ABAI("Абайская область", "Abai Region", false),
    AKMOLA("Акмолинская область", "Akmola Region", false),
    AKTOBE("Актюбинская область", "Aktobe Region", false),
    ALMATY_REGION("Алматинская область", "Almaty Region", false),
    ATYRAU("Атырауская область", "Atyrau Region", false),
    EAST_KAZAKHSTAN("Восточно-Казахстанская область", "East Kazakhstan Region", false),
    ZHAMBYL("Жамбылская область", "Zhambyl Region", false),
    ZHETISU("Область Жетісу", "Zhetisu Region", false),
    WEST_KAZAKHSTAN("Западно-Казахстанская область", "West Kazakhstan Region", false),
    KARAGANDA("Карагандинская область", "Karaganda Region", false),
    KOSTANAY("Костанайская область", "Kostanay Region", false),
    KYZYLORDA("Кызылординская область", "Kyzylorda Region", false),
    MANGYSTAU("Мангистауская область", "Mangystau Region", false),
    PAVLODAR("Павлодарская область", "Pavlodar Region", false),
    NORTH_KAZAKHSTAN("Северо-Казахстанская область", "North Kazakhstan Region", false),
    TURKISTAN("Туркестанская область", "Turkistan Region", false),
    ULYTAU("Область Ұлытау", "Ulytau Region", false);

    private final String nameRu;
    private final String nameEn;
    private final boolean city;

    Region(String nameRu, String nameEn, boolean city) {
        this.nameRu = nameRu;
        this.nameEn = nameEn;
        this.city = city;
    }

    public String nameRu() {
        return nameRu;
    }

    public String nameEn() {
        return nameEn;
    }

    /** True for the three cities of republican significance. */
    public boolean isCity() {
        return city;
    }

    public static Optional<Region> find(String code) {
        return Arrays.stream(values()).filter(r -> r.name().equals(code)).findFirst();
    }

    public static Region parse(String code) {
        return find(code).orElseThrow(() -> new InvalidInputException("region", "unknown region code"));
    }
}
