package kz.qujat.inspect;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Walks the chunks of a PNG and checks what ImageIO does not: every chunk's CRC-32, that the lengths add up
 * exactly to the file, that IHDR comes first and IEND last. ImageIO skips the CRCs, so a damaged file would
 * otherwise decode into wrong pixels.
 */
final class PngChunks {
    private static final int SIGNATURE = 8;
    private static final java.util.Set<String> CRITICAL = java.util.Set.of("IHDR", "PLTE", "IDAT", "IEND");

    private PngChunks() {
    }

    /** Null when every chunk is sound, else which chunk is wrong and how (no image content is quoted). */
    static String firstFault(byte[] d) {
        int p = SIGNATURE;
        int index = 0;
        String type = "";
        while (p < d.length) {
            if (p + 12 > d.length) {
                return "chunk " + index + " is cut short";
            }
            long length = readInt(d, p) & 0xffffffffL;
            if (length > d.length - p - 12L) {
                return "chunk " + index + " claims more bytes than the file holds";
            }
            type = new String(d, p + 4, 4, StandardCharsets.ISO_8859_1);
            if (!type.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return "chunk " + index + " has no valid chunk type";
            }
            if (Character.isUpperCase(type.charAt(0)) && !CRITICAL.contains(type)) {
                // PNG: a decoder must refuse a critical chunk it does not know; ImageIO skips it
                return "chunk " + index + " is an unknown critical chunk";
            }
            if (index == 0 && !"IHDR".equals(type)) {
                return "the first chunk is not IHDR";
            }
            CRC32 crc = new CRC32();
            crc.update(d, p + 4, 4 + (int) length);
            if ((int) crc.getValue() != readInt(d, p + 8 + (int) length)) {
                return "the CRC of chunk " + index + " (" + type + ") does not match its data";
            }
            p += 12 + (int) length;
            index++;
            if ("IEND".equals(type)) {
                break;
            }
        }
        if (!"IEND".equals(type) || p != d.length) {
            return "the file does not end with the IEND chunk";
        }
        return null;
    }

    private static int readInt(byte[] d, int p) {
        return ((d[p] & 0xff) << 24) | ((d[p + 1] & 0xff) << 16) | ((d[p + 2] & 0xff) << 8) | (d[p + 3] & 0xff);
    }
}
