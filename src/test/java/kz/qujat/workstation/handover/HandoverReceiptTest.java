package kz.qujat.workstation.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class HandoverReceiptTest {

    @Test
    void isARealPdfWithTheEmbeddedFontAndKazakhLettersIntact() throws Exception {
        HandoverReceipt receipt = new HandoverReceipt(key -> switch (key) {
            case "handover.receipt.title" -> "Қолхат";
            case "handover.receipt.yes" -> "иә";
            case "handover.receipt.no" -> "жоқ";
            default -> "kk-" + key.substring(key.lastIndexOf('.') + 1);
        }, key -> switch (key) {
            case "handover.receipt.title" -> "Расписка";
            case "handover.receipt.yes" -> "да";
            case "handover.receipt.no" -> "нет";
            default -> "ru-" + key.substring(key.lastIndexOf('.') + 1);
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        receipt.write(new HandoverReceipt.Data("Q-0000042-6", "ӘБІЛҚАЙЫРОВА ГҮЛНАР ҰЛАНҚЫЗЫ", "012345678",
                "987654321", "ASTANA-01", "№1 құжаттандыру бөлімі, Астана қ.", "Отдел документирования №1, г. Астана",
                Instant.parse("2026-11-26T05:30:00Z"), "ИСМАИЛОВА ДИНАРА", true, true), out);

        byte[] pdf = out.toByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Қолхат", "Расписка", "Q-0000042-6", "ӘБІЛҚАЙЫРОВА ГҮЛНАР ҰЛАНҚЫЗЫ",
                    "012345678", "987654321", "ASTANA-01", "№1 құжаттандыру бөлімі, Астана қ.",
                    "Отдел документирования №1, г. Астана", "26.11.2026 10:30", "ИСМАИЛОВА ДИНАРА", "иә / да");
            // every label in both languages, the old card's among them
            for (String label : java.util.List.of("ticket", "recipient", "document", "oldCard", "point", "issuedAt",
                    "clerk", "identityChecked", "oldCardSurrendered", "signRecipient", "signClerk")) {
                assertThat(text).contains("kk-" + label, "ru-" + label);
            }
            assertThat(text).doesNotContain("жоқ", "нет");
            assertThat(doc.getDocumentInformation().getTitle()).contains("Q-0000042-6");
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                PDFont font = doc.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("DejaVuSans");
            }
        }
    }
}
