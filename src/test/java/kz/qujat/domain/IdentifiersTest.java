package kz.qujat.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void idCardNumberIsNineDigits() {
        assertThat(new IdCardNumber("047123456").value()).isEqualTo("047123456");
        assertThatThrownBy(() -> new IdCardNumber("04712345")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new IdCardNumber("04712345X")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new IdCardNumber(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void twentyRegionsThreeOfThemCities() {
        assertThat(Region.values()).hasSize(20);
        assertThat(java.util.Arrays.stream(Region.values()).filter(Region::isCity)).hasSize(3);
        assertThatThrownBy(() -> Region.parse("MARS")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void everyRegionHasRegistrationPointsThatBelongToIt() {
        for (Region r : Region.values()) {
            assertThat(RegistrationPoints.bundled().of(r)).isNotEmpty().allMatch(p -> p.region() == r);
        }
        assertThat(RegistrationPoints.bundled().parse("ASTANA-01").region()).isEqualTo(Region.ASTANA);
        assertThatThrownBy(() -> RegistrationPoints.bundled().parse("ASTANA-99")).isInstanceOf(InvalidInputException.class);
    }
}
