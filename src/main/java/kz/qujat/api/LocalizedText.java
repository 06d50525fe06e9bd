package kz.qujat.api;

/** A text the applicant reads, in Russian and Kazakh. */
public record LocalizedText(String ru, String kk) {
}
