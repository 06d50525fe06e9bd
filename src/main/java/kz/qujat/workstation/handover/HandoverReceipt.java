package kz.qujat.workstation.handover;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import kz.qujat.domain.KzTime;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The printable receipt of a handover (R11) as an A4 PDF: what was handed over (the new card) and what was
 * surrendered (the old card's number), to whom, where, when, by which clerk, with both confirmations, and lines
 * for the two signatures. It is always in Kazakh (the state language) and Russian, each label in both, whatever
 * language the clerk's screen is in: the recipient keeps it and may read either. The DejaVu font is embedded so
 * that Cyrillic and Kazakh letters print on any machine.
 */
public final class HandoverReceipt {
    private static final String FONTS = "/kz/qujat/workstation/fonts/";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(KzTime.ZONE);
    private static final float MARGIN = 56;
    private static final float LABEL_WIDTH = 200;
    private static final float LABEL_SIZE = 9;
    private static final float VALUE_SIZE = 11;

    /**
     * What the receipt says; {@code issuedAt} as the central service recorded it; the point's names in Kazakh and
     * Russian (its code when the catalogue has no name).
     */
    public record Data(String ticketNumber, String recipientName, String newDocumentNumber, String oldDocumentNumber,
                       String pointCode, String pointNameKk, String pointNameRu, Instant issuedAt, String clerkName,
                       boolean identityChecked, boolean oldCardSurrendered) {
    }

    private final UnaryOperator<String> kazakh;
    private final UnaryOperator<String> russian;

    /** {@code kazakh} and {@code russian} look up a message key ({@code handover.receipt.*}) in that language. */
    public HandoverReceipt(UnaryOperator<String> kazakh, UnaryOperator<String> russian) {
        this.kazakh = kazakh;
        this.russian = russian;
    }

    public void write(Data d, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font regular = font(doc, "DejaVuSans.ttf");
            PDType0Font bold = font(doc, "DejaVuSans-Bold.ttf");
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(kazakh.apply("handover.receipt.title") + " / " + russian.apply("handover.receipt.title")
                    + " " + d.ticketNumber());
            info.setCreator("Qujat");
            float width = page.getMediaBox().getWidth() - 2 * MARGIN;
            float y = page.getMediaBox().getHeight() - MARGIN;
            try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                for (String part : wrap(kazakh.apply("handover.receipt.title"), bold, 14, width)) {
                    y = line(c, bold, 14, MARGIN, y, part);
                }
                for (String part : wrap(russian.apply("handover.receipt.title"), bold, 14, width)) {
                    y = line(c, bold, 14, MARGIN, y, part);
                }
                y -= 12;
                String yes = both("handover.receipt.yes");
                String no = both("handover.receipt.no");
                List<Row> rows = List.of(
                        new Row("handover.receipt.ticket", List.of(d.ticketNumber())),
                        new Row("handover.receipt.recipient", List.of(d.recipientName())),
                        new Row("handover.receipt.document", List.of(nz(d.newDocumentNumber()))),
                        new Row("handover.receipt.oldCard", List.of(nz(d.oldDocumentNumber()))),
                        new Row("handover.receipt.point", pointLines(d)),
                        new Row("handover.receipt.issuedAt", List.of(d.issuedAt() == null ? "" : WHEN.format(d.issuedAt()))),
                        new Row("handover.receipt.clerk", List.of(d.clerkName())),
                        new Row("handover.receipt.identityChecked", List.of(d.identityChecked() ? yes : no)),
                        new Row("handover.receipt.oldCardSurrendered", List.of(d.oldCardSurrendered() ? yes : no)));
                float valueWidth = width - LABEL_WIDTH;
                for (Row row : rows) {
                    float labelY = y;
                    for (String label : List.of(kazakh.apply(row.key()), russian.apply(row.key()))) {
                        for (String part : wrap(label, regular, LABEL_SIZE, LABEL_WIDTH - 10)) {
                            labelY = line(c, regular, LABEL_SIZE, MARGIN, labelY, part);
                        }
                    }
                    float valueY = y;
                    for (String value : row.values()) {
                        for (String part : wrap(value, bold, VALUE_SIZE, valueWidth)) {
                            valueY = line(c, bold, VALUE_SIZE, MARGIN + LABEL_WIDTH, valueY, part);
                        }
                    }
                    y = Math.min(labelY, valueY) - 8;
                }
                y -= 44;
                signatureLine(c, regular, y, MARGIN, "handover.receipt.signRecipient");
                signatureLine(c, regular, y, MARGIN + 260, "handover.receipt.signClerk");
            }
            doc.save(out);
        }
    }

    private record Row(String key, List<String> values) {
    }

    /** A short text (yes, no) in both languages: "иә / да". */
    private String both(String key) {
        return kazakh.apply(key) + " / " + russian.apply(key);
    }

    /** The point's Kazakh and Russian names with its code; only the code when the catalogue names none. */
    private static List<String> pointLines(Data d) {
        List<String> out = new ArrayList<>();
        if (d.pointNameKk() != null && !d.pointNameKk().isBlank()) {
            out.add(d.pointNameKk());
        }
        if (d.pointNameRu() != null && !d.pointNameRu().isBlank() && !d.pointNameRu().equals(d.pointNameKk())) {
            out.add(d.pointNameRu());
        }
        out.add(nz(d.pointCode()));
        return out;
    }

    private static PDType0Font font(PDDocument doc, String file) throws IOException {
        try (InputStream in = HandoverReceipt.class.getResourceAsStream(FONTS + file)) {
            if (in == null) {
                throw new IOException("font " + file + " is missing from the application");
            }
            return PDType0Font.load(doc, in, true);
        }
    }

    /** Writes one line at (x, y); returns the y of the next line. */
    private static float line(PDPageContentStream c, PDType0Font font, float size, float x, float y, String s)
            throws IOException {
        c.beginText();
        c.setFont(font, size);
        c.newLineAtOffset(x, y);
        c.showText(s);
        c.endText();
        return y - size * 1.5f;
    }

    private void signatureLine(PDPageContentStream c, PDType0Font font, float y, float x, String key)
            throws IOException {
        c.moveTo(x, y);
        c.lineTo(x + 200, y);
        c.stroke();
        float next = line(c, font, LABEL_SIZE, x, y - 12, kazakh.apply(key));
        line(c, font, LABEL_SIZE, x, next, russian.apply(key));
    }

    /** Splits {@code s} at spaces so that each piece fits {@code width}; a single long word stays whole. */
    static List<String> wrap(String s, PDType0Font font, float size, float width) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String word : s.split(" ")) {
            String next = cur.length() == 0 ? word : cur + " " + word;
            if (cur.length() > 0 && font.getStringWidth(next) / 1000 * size > width) {
                out.add(cur.toString());
                cur = new StringBuilder(word);
            } else {
                cur = new StringBuilder(next);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
