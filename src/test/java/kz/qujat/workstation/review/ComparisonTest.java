package kz.qujat.workstation.review;

import kz.qujat.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kz.qujat.api.ApplicationDetail;
import kz.qujat.api.Json;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    private static ApplicationDetail detail(ApplicationDetail.RegistryRecord register) {
        ObjectNode form = Json.mapper().createObjectNode();
        form.put("surname", "Кенжебаева").put("givenName", "Сауле").put("patronymic", "Бахытовна")
                .put("birthDate", "1998-08-22");
        form.putObject("currentDocument").put("number", "077845606").put("expiryDate", "2026-12-26");
        return new ApplicationDetail(UUID.randomUUID(), "Q-1", "IN_REVIEW", "ASTANA", form, TestClock.NOW, "V1",
                null, register, null, List.of(), "a", "b", null);
    }

    @Test
    void sameDataDiffersNowhereEvenWithOtherCaseAndBlanks() {
        var r = new ApplicationDetail.RegistryRecord(true, "КЕНЖЕБАЕВА ", "Сауле", "Бахытовна",
                LocalDate.of(1998, 8, 22), "077845606", LocalDate.of(2026, 12, 26), true, true);
        assertThat(Comparison.of(detail(r))).hasSize(6).noneMatch(Comparison::differs);
    }

    @Test
    void everyDifferingFieldIsMarked() {
        var r = new ApplicationDetail.RegistryRecord(true, "Кенжебаев", "Сауле", "Бахытовна",
                LocalDate.of(1998, 8, 23), "077845607", LocalDate.of(2026, 12, 25), true, true);
        assertThat(Comparison.of(detail(r))).filteredOn(Comparison::differs).extracting(Comparison::labelKey)
                .containsExactly("review.field.surname", "review.field.birthDate", "review.field.documentNumber",
                        "review.field.documentExpiry");
    }

    @Test
    void datesShowInTheWorkstationsOneFormatAndAFormDateThatIsNoDateDiffers() {
        var r = new ApplicationDetail.RegistryRecord(true, "Кенжебаева", "Сауле", "Бахытовна",
                LocalDate.of(1998, 8, 22), "077845606", LocalDate.of(2026, 12, 26), true, true);
        Comparison birth = Comparison.of(detail(r)).get(3);
        assertThat(birth.form()).isEqualTo("22.08.1998");
        assertThat(birth.register()).isEqualTo("22.08.1998");
        assertThat(birth.differs()).isFalse();
        Comparison garbled = Comparison.ofDate("review.field.birthDate", "22/08/1998", LocalDate.of(1998, 8, 22));
        assertThat(garbled.form()).isEqualTo("22/08/1998");
        assertThat(garbled.differs()).isTrue();
        assertThat(Comparison.ofDate("review.field.birthDate", null, null).differs()).isFalse();
    }

    @Test
    void noRegisterRecordMarksEveryFilledField() {
        var r = new ApplicationDetail.RegistryRecord(false, null, null, null, null, null, null, false, false);
        assertThat(Comparison.of(detail(r))).allMatch(Comparison::differs).allMatch(c -> c.register() == null);
    }
}
