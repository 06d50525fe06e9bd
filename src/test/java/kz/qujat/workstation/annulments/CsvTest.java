package kz.qujat.workstation.annulments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    private static byte[] csv(List<String> header, List<List<String>> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Csv.write(out, header, rows);
        return out.toByteArray();
    }

    @Test
    void startsWithTheUtf8ByteOrderMarkSeparatesBySemicolonsAsExcelInRussianExpectsAndEndsLinesWithCrlf() throws Exception {
        byte[] bytes = csv(List.of("Талон", "Причина"), List.of(List.of("Q-0000001-8", "Фото: Әбілқайыр")));
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("Талон;Причина\r\nQ-0000001-8;Фото: Әбілқайыр\r\n");
    }

    @Test
    void quotesCommasQuotesAndLineBreaksAsRfc4180Says() {
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.cell("a;b")).isEqualTo("\"a;b\"");
        assertThat(Csv.cell("он сказал \"нет\"")).isEqualTo("\"он сказал \"\"нет\"\"\"");
        assertThat(Csv.cell("строка 1\nстрока 2")).isEqualTo("\"строка 1\nстрока 2\"");
        assertThat(Csv.cell(" padded")).isEqualTo("\" padded\"");
        assertThat(Csv.cell("plain")).isEqualTo("plain");
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void defusesCellsThatASpreadsheetWouldEvaluate() {
        assertThat(Csv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(Csv.cell("+7 701")).isEqualTo("'+7 701");
        assertThat(Csv.cell("-1")).isEqualTo("'-1");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(Csv.cell("a=b")).isEqualTo("a=b");
    }

    @Test
    void refusesARowOfTheWrongWidth() {
        assertThatThrownBy(() -> csv(List.of("a", "b"), List.of(List.of("1"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
