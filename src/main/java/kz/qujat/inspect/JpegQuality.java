package kz.qujat.inspect;

/**
 * Estimates the quality setting a JPEG was saved with from its luminance quantisation table, by finding
 * the IJG quality whose scaled standard table is closest (how libjpeg-based encoders write it).
 */
public final class JpegQuality {
    private static final int[] STD_LUMINANCE = {
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
        14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99};
    private static final int[] ZIGZAG = {
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14,
        21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53,
        60, 61, 54, 47, 55, 62, 63};

    private JpegQuality() {
    }

    /** The estimated quality 1..100, or -1 when the file has no readable luminance table. */
    public static int estimate(byte[] jpeg) {
        int[] table = luminanceTable(jpeg);
        if (table == null) {
            return -1;
        }
        int best = -1;
        long bestError = Long.MAX_VALUE;
        for (int q = 1; q <= 100; q++) {
            int scale = q < 50 ? 5000 / q : 200 - 2 * q;
            long error = 0;
            for (int i = 0; i < 64; i++) {
                int expected = Math.max(1, Math.min(255, (STD_LUMINANCE[i] * scale + 50) / 100));
                error += Math.abs(expected - table[i]);
            }
            if (error < bestError) {
                bestError = error;
                best = q;
            }
        }
        return best;
    }

    /** Table 0 in natural (row-major) order, read from the DQT segments before the first scan. */
    static int[] luminanceTable(byte[] d) {
        int i = 2;
        while (i + 4 <= d.length) {
            if ((d[i] & 0xff) != 0xFF) {
                return null;
            }
            int marker = d[i + 1] & 0xff;
            if (marker == 0xDA || marker == 0xD9) {
                return null;
            }
            int length = ((d[i + 2] & 0xff) << 8) | (d[i + 3] & 0xff);
            if (marker == 0xDB) {
                int p = i + 4;
                int end = i + 2 + length;
                while (p < end && p < d.length) {
                    int precision = (d[p] >> 4) & 0x0f;
                    int id = d[p] & 0x0f;
                    p++;
                    int[] table = new int[64];
                    for (int k = 0; k < 64; k++) {
                        if (p >= d.length) {
                            return null;
                        }
                        int v = precision == 0 ? d[p++] & 0xff : ((d[p++] & 0xff) << 8) | (d[p++] & 0xff);
                        table[ZIGZAG[k]] = v;
                    }
                    if (id == 0) {
                        return table;
                    }
                }
            }
            i += 2 + length;
        }
        return null;
    }
}
