package kz.qujat.workstation;

/**
 * A sentence for the user, kept as what it says (a bundle key and its arguments) and worded only when shown,
 * so that a language switch words it again. An argument that is itself a phrase is worded in the same language.
 */
@FunctionalInterface
public interface Phrase {
    Phrase NONE = i18n -> "";

    /** The words in the language {@code i18n} is set to now. */
    String in(I18n i18n);

    static Phrase of(String key, Object... args) {
        Object[] copy = args.clone();
        return i18n -> i18n.get(key, copy);
    }

    /** Text that is the same in every language (a ticket number, a name). */
    static Phrase literal(String text) {
        return i18n -> text == null ? "" : text;
    }
}
