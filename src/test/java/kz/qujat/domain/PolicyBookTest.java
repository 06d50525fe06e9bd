package kz.qujat.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class PolicyBookTest {
    private static final String BLOCK = """
            %1$s.label=x
            %1$s.from=%2$s
            %1$s.to=%3$s
            %1$s.documents=ID_CARD
            %1$s.reasons=EXPIRY
            %1$s.daysBeforeExpiry=30
            %1$s.daysAfterExpiry=10
            %1$s.feeTiyn=100
            """;

    @Test
    void overlappingPeriodsAreRefused() {
        String text = "versions=A,B\n" + BLOCK.formatted("A", "2025-01-01", "2025-06-30")
                + BLOCK.formatted("B", "2025-06-30", "");
        assertThatThrownBy(() -> PolicyBook.read(new StringReader(text))).hasMessageContaining("overlap");
    }

    @Test
    void aNewVersionChangesTheWindowWithoutCode() throws Exception {
        String text = "versions=A,B\n" + BLOCK.formatted("A", "2025-01-01", "2025-06-29")
                + BLOCK.formatted("B", "2025-06-30", "").replace("B.daysBeforeExpiry=30", "B.daysBeforeExpiry=60");
        PolicyBook book = PolicyBook.read(new StringReader(text));
        var day = java.time.LocalDate.of(2025, 7, 1);
        assertThat(Eligibility.evaluate(book, DocumentType.ID_CARD, ApplicationReason.EXPIRY, day.plusDays(60), day)
                .eligible()).isTrue();
        assertThat(book.version("A")).isPresent();
    }

    @Test
    void missingOrBadFieldsAreNamed() {
        assertThatThrownBy(() -> PolicyBook.read(new StringReader("versions=A\nA.label=x\n")))
                .hasMessageContaining("missing from");
        String badEnum = "versions=A\n" + BLOCK.formatted("A", "2025-01-01", "").replace("EXPIRY", "WHIM");
        assertThatThrownBy(() -> PolicyBook.read(new StringReader(badEnum))).hasMessageContaining("WHIM");
        assertThatThrownBy(() -> PolicyBook.read(new StringReader(""))).hasMessageContaining("no versions");
    }
}
