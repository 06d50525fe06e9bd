package kz.qujat.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IinTest {

    @Test
    void firstWeightsPathGivesBirthDateAndSex() {
        Iin iin = Iin.parse("900101300007");
        assertThat(iin.birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(iin.sex()).isEqualTo(Iin.Sex.MALE);
    }

    @Test
    void secondWeightsPathIsUsedWhenTheFirstSumIsTen() {
        // weights 1..11 give 10 for 90010130081; weights 3..11,1,2 give 1
        assertThat(Iin.isValid("900101300811")).isTrue();
        assertThat(Iin.isValid("900101300810")).isFalse();
        assertThat(Iin.parse("850115400911").sex()).isEqualTo(Iin.Sex.FEMALE);
        assertThat(Iin.parse("050721500211").birthDate()).isEqualTo(LocalDate.of(2005, 7, 21));
    }

    @ParameterizedTest
    @ValueSource(strings = {"900101300800", "900101300801", "900101300802", "900101300809"})
    void tenTwiceIsNeverValid(String iin) {
        assertThatThrownBy(() -> Iin.parse(iin)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no valid check digit");
        assertThat(Iin.complete(iin.substring(0, 11))).isEmpty();
    }

    @Test
    void wrongCheckDigitIsRefused() {
        assertThatThrownBy(() -> Iin.parse("900101300008")).hasMessageContaining("check digit does not match");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "90010130000", "9001013000071", "90010130000a", " 900101300007"})
    void wrongShapeIsRefused(String text) {
        assertThatThrownBy(() -> Iin.parse(text)).hasMessageContaining("12 digits");
    }

    @Test
    void impossibleBirthDateOrCenturyIsRefused() {
        String feb30 = Iin.prefix(LocalDate.of(1990, 1, 1), Iin.Sex.MALE, 7).replace("900101", "900230");
        assertThatThrownBy(() -> Iin.parse(feb30 + "0")).hasMessageContaining("birth date");
        assertThatThrownBy(() -> Iin.parse("900101700007")).hasMessageContaining("century");
        assertThatThrownBy(() -> Iin.parse("900101000007")).hasMessageContaining("century");
    }

    @Test
    void centuryDigitMapsToCenturyAndSex() {
        assertThat(Iin.complete(Iin.prefix(LocalDate.of(1899, 12, 31), Iin.Sex.FEMALE, 12)).orElseThrow().birthDate())
                .isEqualTo(LocalDate.of(1899, 12, 31));
        Iin woman2001 = Iin.complete(Iin.prefix(LocalDate.of(2001, 3, 4), Iin.Sex.FEMALE, 1)).orElseThrow();
        assertThat(woman2001.value()).startsWith("0103046");
        assertThat(woman2001.sex()).isEqualTo(Iin.Sex.FEMALE);
    }

    @Test
    void toStringNeverShowsTheWholeNumber() {
        assertThat(Iin.parse("900101300007").toString()).doesNotContain("900101300007").doesNotContain("9001");
    }
}
