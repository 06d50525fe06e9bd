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
 * The printable receipt of a handover (R11) as an A4 PDF: what was handed over, to whom, where, when, by which
 * clerk, with both confirmations, and lines for the two signatures. The DejaVu font is embedded so that Cyrillic
 * and Kazakh letters print on any machine.
 */
public final class HandoverReceipt {
    private static final String FONTS = "/kz/qujat/workstation/fonts/";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(KzTime.ZONE);
    private static final float MARGIN = 56;
    private static final float LABEL_WIDTH = 190;

    /** What the receipt says; {@code issuedAt} as the central service recorded it. */
    public record Data(String ticketNumber, String recipientName, String newDocumentNumber, String registrationPoint,
                       Instant issuedAt, String clerkName, boolean identityChecked, boolean oldCardSurrendered) {
    }

    private final UnaryOperator<String> text;

    /** {@code text} looks up a message key ({@code handover.receipt.*}) in the user's language. */
    public HandoverReceipt(UnaryOperator<String> text) {
        this.text = text;
    }

    public void write(Data d, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font regular = font(doc, "DejaVuSans.ttf");
            PDType0Font bold = font(doc, "DejaVuSans-Bold.ttf");
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(text.apply("handover.receipt.title") + " " + d.ticketNumber());
            info.setCreator("Qujat");
            float y = page.getMediaBox().getHeight() - MARGIN;
            try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                y = line(c, bold, 16, MARGIN, y, text.apply("handover.receipt.title")) - 10;
                String yes = text.apply("handover.receipt.yes");
                String no = text.apply("handover.receipt.no");
                List<String[]> rows = List.of(
                        new String[] {"handover.receipt.ticket", d.ticketNumber()},
                        new String[] {"handover.receipt.recipient", d.recipientName()},
                        new String[] {"handover.receipt.document", nz(d.newDocumentNumber())},
                        new String[] {"handover.receipt.point", d.registrationPoint()},
                        new String[] {"handover.receipt.issuedAt", d.issuedAt() == null ? "" : WHEN.format(d.issuedAt())},
                        new String[] {"handover.receipt.clerk", d.clerkName()},
                        new String[] {"handover.receipt.identityChecked", d.identityChecked() ? yes : no},
                        new String[] {"handover.receipt.oldCardSurrendered", d.oldCardSurrendered() ? yes : no});
                float valueWidth = page.getMediaBox().getWidth() - 2 * MARGIN - LABEL_WIDTH;
                for (String[] row : rows) {
                    line(c, regular, 11, MARGIN, y, text.apply(row[0]));
                    for (String part : wrap(row[1], bold, 11, valueWidth)) {
                        y = line(c, bold, 11, MARGIN + LABEL_WIDTH, y, part);
                    }
                    y -= 6;
                }
                y -= 40;
                signatureLine(c, regular, y, MARGIN, text.apply("handover.receipt.signRecipient"));
                signatureLine(c, regular, y, MARGIN + 260, text.apply("handover.receipt.signClerk"));
            }
            doc.save(out);
        }
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

    private static void signatureLine(PDPageContentStream c, PDType0Font font, float y, float x, String label)
            throws IOException {
        c.moveTo(x, y);
        c.lineTo(x + 200, y);
        c.stroke();
        line(c, font, 9, x, y - 12, label);
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
