package kz.qujat.workstation.annulments;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a table as CSV in UTF-8 with a byte-order mark (so that Excel opens Cyrillic and Kazakh text
 * correctly), separated by semicolons (the list separator of Excel under a Russian or Kazakh locale, where a
 * comma is the decimal mark: a comma-separated file opens as one column there), quoted as RFC 4180 says, CRLF
 * line ends, and cells that a spreadsheet would run as a formula defused.
 */
public final class Csv {
    private static final char BOM = '\uFEFF';
    static final char SEPARATOR = ';';

    private Csv() {
    }

    public static void write(OutputStream out, List<String> header, List<List<String>> rows) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(BOM);
        line(w, header);
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells, the header " + header.size());
            }
            line(w, row);
        }
        w.flush();
    }

    private static void line(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(SEPARATOR);
            }
            w.write(cell(cells.get(i)));
        }
        w.write("\r\n");
    }

    /** One cell: defused if it would start a formula, quoted if it holds a separator, quote or line break. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = value;
        char first = v.charAt(0);
        // OWASP CSV injection: a leading = + - @ (or tab/CR) makes Excel and LibreOffice evaluate the cell
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            v = "'" + v;
        }
        if (v.indexOf(SEPARATOR) >= 0 || v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || v.charAt(0) == ' ' || v.charAt(v.length() - 1) == ' ') {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
