package kz.qujat.tools.synthetic;

import java.util.List;
import java.util.Random;
import kz.qujat.domain.Iin.Sex;

/**
 * Kazakh and Russian names in Cyrillic with their male and female forms, so that a synthetic person's
 * surname, given name and patronymic agree with the sex encoded in the IIN.
 */
final class Names {
    /** A surname as {male, female}; indeclinable Kazakh surnames have the same form twice. */
    private static final List<String[]> KAZAKH_SURNAMES = List.of(
            pair("Ахметов"), pair("Жумабаев"), pair("Нурпеисов"), pair("Касымов"), pair("Омаров"),
            pair("Абдрахманов"), pair("Сулейменов"), pair("Искаков"), pair("Тлеубаев"), pair("Есенов"),
            pair("Кенжебаев"), pair("Жаксылыков"), pair("Мукашев"), pair("Байжанов"), pair("Сарсенбаев"),
            pair("Ермеков"), pair("Толеуов"), pair("Калиев"), pair("Бекмухамбетов"), pair("Шаймерденов"),
            new String[] {"Нурмагамбет", "Нурмагамбет"}, new String[] {"Сейткали", "Сейткали"});
    private static final List<String[]> RUSSIAN_SURNAMES = List.of(
            pair("Иванов"), pair("Петров"), pair("Смирнов"), pair("Кузнецов"), pair("Попов"),
            pair("Соколов"), pair("Лебедев"), pair("Новиков"), pair("Морозов"), pair("Волков"),
            pair("Фёдоров"), pair("Белов"), pair("Зайцев"), pair("Ильин"),
            new String[] {"Ковальский", "Ковальская"}, new String[] {"Вишневский", "Вишневская"});

    private static final List<String> KAZAKH_MALE = List.of("Нурлан", "Ерлан", "Асхат", "Данияр", "Айдос",
            "Ерболат", "Бауыржан", "Арман", "Серик", "Канат", "Берик", "Даурен", "Ержан", "Мирас", "Алибек",
            "Марат", "Темирлан", "Куаныш");
    private static final List<String> KAZAKH_FEMALE = List.of("Айгерим", "Динара", "Жанар", "Гульнара", "Асель",
            "Айжан", "Меруерт", "Сауле", "Томирис", "Аружан", "Камила", "Дана", "Жулдыз", "Алтынай", "Салтанат");
    private static final List<String> RUSSIAN_MALE = List.of("Александр", "Дмитрий", "Сергей", "Андрей",
            "Николай", "Иван", "Михаил", "Владимир", "Павел", "Олег", "Виктор", "Юрий");
    private static final List<String> RUSSIAN_FEMALE = List.of("Анна", "Елена", "Ольга", "Наталья", "Татьяна",
            "Ирина", "Светлана", "Мария", "Екатерина", "Юлия");

    /** A father's name with the patronymic it gives a son and a daughter. */
    private record Father(String name, String son, String daughter) {
    }

    private static final List<Father> KAZAKH_FATHERS = List.of(
            father("Нурлан"), father("Ерлан"), father("Серик"), father("Канат"), father("Марат"),
            father("Болат"), father("Жандос"), father("Асылбек"), father("Талгат"), father("Бахыт"),
            new Father("Нурлан", "Нурланұлы", "Нурланқызы"), new Father("Серик", "Серикұлы", "Серикқызы"));
    private static final List<Father> RUSSIAN_FATHERS = List.of(
            father("Иван"), father("Петр"), father("Александр"), father("Владимир"),
            new Father("Михаил", "Михайлович", "Михайловна"),
            new Father("Сергей", "Сергеевич", "Сергеевна"), new Father("Андрей", "Андреевич", "Андреевна"),
            new Father("Николай", "Николаевич", "Николаевна"), new Father("Дмитрий", "Дмитриевич", "Дмитриевна"),
            new Father("Юрий", "Юрьевич", "Юрьевна"));

    /** A full name in the forms that agree with {@code sex}. */
    record FullName(String surname, String givenName, String patronymic) {
    }

    private Names() {
    }

    static FullName pick(Random rnd, Sex sex) {
        boolean kazakh = rnd.nextDouble() < 0.7;
        boolean male = sex == Sex.MALE;
        String[] surname = one(rnd, kazakh ? KAZAKH_SURNAMES : RUSSIAN_SURNAMES);
        String given = one(rnd, kazakh ? (male ? KAZAKH_MALE : KAZAKH_FEMALE) : (male ? RUSSIAN_MALE : RUSSIAN_FEMALE));
        Father father = one(rnd, kazakh ? KAZAKH_FATHERS : RUSSIAN_FATHERS);
        return new FullName(surname[male ? 0 : 1], given, male ? father.son() : father.daughter());
    }

    /** Changes exactly one letter of {@code name} (not the first), as a register typo would. */
    static String oneLetterOff(String name, Random rnd) {
        String vowels = "аеиоуыэяю";
        int at = 1 + rnd.nextInt(name.length() - 1);
        char c = name.charAt(at);
        char replacement = vowels.indexOf(c) >= 0 ? (c == 'а' ? 'о' : 'а') : (c == 'н' ? 'м' : 'н');
        return name.substring(0, at) + replacement + name.substring(at + 1);
    }

    private static String[] pair(String male) {
        return new String[] {male, male + "а"};
    }

    private static Father father(String name) {
        return new Father(name, name + "ович", name + "овна");
    }

    private static <T> T one(Random rnd, List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }
}
