package kz.qujat.domain;

/** A registration point (территориальное подразделение) of a region where finished documents are handed over. */
public record RegistrationPoint(String code, Region region, String nameRu, String nameEn) {
}
