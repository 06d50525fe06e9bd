package kz.qujat.workstation.review;

import static org.assertj.core.api.Assertions.assertThat;

import kz.qujat.api.Json;
import kz.qujat.api.SamePersonCheck;
import kz.qujat.inspect.SamePerson;
import kz.qujat.inspect.Thresholds;
import kz.qujat.workstation.I18n;
import org.junit.jupiter.api.Test;

/**
 * The same-person panel's texts: the verdict, the distance or why nothing was measured, and the measured error
 * rates in words in every language; and what goes into the decision's inspection note.
 */
class SamePersonAidTest {
    private static final SamePerson.Calibration RATES = SamePerson.Calibration.of(Thresholds.defaults());

    private static SamePersonAid aid(String verdict, Double distance, String key) {
        return new SamePersonAid(new SamePersonCheck(verdict, distance, RATES.sameAtMost(), RATES.differentAbove(), key),
                RATES);
    }

    @Test
    void aDifferentPersonIsSaidWithTheDistanceAndTheMeasuredRatesInEveryLanguage() {
        SamePersonAid a = aid("DIFFERENT", 0.8312, "inspect.samePerson.different");
        var en = a.texts(new I18n(I18n.ENGLISH));
        assertThat(en.verdict()).isEqualTo("Looks like a different person");
        assertThat(en.detail()).contains("0.83", "0.40", "0.55");
        String pairs = String.valueOf(RATES.twoPeople().pairs());
        assertThat(en.rates()).contains("of " + pairs + " pairs of photos of two different people",
                "of " + RATES.onePerson().pairs() + " pairs of two photos of one person");
        if (RATES.twoPeople().same() == 0) {
            assertThat(en.rates()).contains("none was called the same person");
        }
        assertThat(en.aid()).contains("not the decision");
        var ru = a.texts(new I18n(I18n.RUSSIAN));
        assertThat(ru.verdict()).isEqualTo("Похоже, другой человек");
        assertThat(ru.detail()).contains("0,83");
        assertThat(ru.rates()).contains("из " + pairs + " пар фотографий двух разных людей");
        if (RATES.twoPeople().same() == 0) {
            assertThat(ru.rates()).contains("«тот же человек» не названа ни одна");
        }
        var kk = a.texts(new I18n(I18n.KAZAKH));
        assertThat(kk.verdict()).isEqualTo("Басқа адамға ұқсайды");
        assertThat(kk.rates()).contains(pairs + " жұп суретінен");
        for (var t : java.util.List.of(en, ru, kk)) {
            assertThat(t.rates()).doesNotContain("{", "}").contains(String.valueOf(RATES.hardestGroup().pairs()));
        }
    }

    @Test
    void eachVerdictHasItsOwnWords() {
        I18n en = new I18n(I18n.ENGLISH);
        assertThat(aid("SAME", 0.21, "inspect.samePerson.same").texts(en).verdict()).isEqualTo("Looks like the same person");
        assertThat(aid("UNSURE", 0.47, "inspect.samePerson.unsure").texts(en).verdict()).startsWith("Unsure");
        assertThat(aid("SAME", 0.21, null).verdict()).isEqualTo(SamePerson.Verdict.SAME);
    }

    @Test
    void notMeasuredSaysWhy() {
        var t = aid("NOT_MEASURED", null, "inspect.samePerson.noPhoto").texts(new I18n(I18n.ENGLISH));
        assertThat(t.verdict()).isEqualTo("Not measured");
        assertThat(t.detail()).isNotBlank().isNotEqualTo("inspect.samePerson.noPhoto");
        var old = new SamePersonAid(null, RATES);
        assertThat(old.verdict()).isEqualTo(SamePerson.Verdict.NOT_MEASURED);
        assertThat(old.texts(new I18n(I18n.RUSSIAN)).detail()).contains("не выполнялась при приёме");
    }

    @Test
    void ratesMeasuredWithOtherThresholdsAreNotClaimed() {
        var other = new SamePersonAid(new SamePersonCheck("SAME", 0.3, 0.6, 0.6, "inspect.samePerson.same"), RATES);
        assertThat(other.texts(new I18n(I18n.ENGLISH)).rates()).isEqualTo(
                new I18n(I18n.ENGLISH).get("review.samePerson.ratesUnknown"));
    }

    @Test
    void theNoteCarriesWhatTheOfficerSaw() {
        var note = Json.mapper().createObjectNode();
        aid("DIFFERENT", 0.8312, "inspect.samePerson.different").putInto(note);
        assertThat(note.get("samePerson").get("verdict").asText()).isEqualTo("DIFFERENT");
        assertThat(note.get("samePerson").get("distance").asDouble()).isEqualTo(0.8312);
        assertThat(SamePersonCheck.within(note.toString()))
                .isEqualTo(new SamePersonCheck("DIFFERENT", 0.8312, RATES.sameAtMost(), RATES.differentAbove(),
                        "inspect.samePerson.different"));
        var none = Json.mapper().createObjectNode();
        new SamePersonAid(null, RATES).putInto(none);
        assertThat(SamePersonCheck.within(none.toString()).verdict()).isEqualTo("NOT_MEASURED");
    }
}
