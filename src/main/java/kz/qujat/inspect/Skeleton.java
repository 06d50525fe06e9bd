package kz.qujat.inspect;

/** Zhang–Suen thinning of an ink mask; the skeleton's pixel count is the length of the strokes. */
final class Skeleton {
    private Skeleton() {
    }

    static long length(boolean[] mask, int w, int h, Area box) {
        int bw = box.width() + 2;
        int bh = box.height() + 2;
        boolean[] m = new boolean[bw * bh];
        for (int y = 0; y < box.height(); y++) {
            for (int x = 0; x < box.width(); x++) {
                m[(y + 1) * bw + x + 1] = mask[(box.y() + y) * w + box.x() + x];
            }
        }
        boolean changed = true;
        boolean[] remove = new boolean[m.length];
        while (changed) {
            changed = false;
            for (int pass = 0; pass < 2; pass++) {
                int marked = 0;
                for (int y = 1; y < bh - 1; y++) {
                    for (int x = 1; x < bw - 1; x++) {
                        int i = y * bw + x;
                        if (m[i] && deletable(m, i, bw, pass)) {
                            remove[i] = true;
                            marked++;
                        }
                    }
                }
                if (marked > 0) {
                    changed = true;
                    for (int i = 0; i < m.length; i++) {
                        if (remove[i]) {
                            m[i] = false;
                            remove[i] = false;
                        }
                    }
                }
            }
        }
        long n = 0;
        for (boolean b : m) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    private static boolean deletable(boolean[] m, int i, int w, int pass) {
        // neighbours P2..P9 clockwise from north
        boolean[] p = {m[i - w], m[i - w + 1], m[i + 1], m[i + w + 1], m[i + w], m[i + w - 1], m[i - 1], m[i - w - 1]};
        int b = 0;
        int a = 0;
        for (int k = 0; k < 8; k++) {
            if (p[k]) {
                b++;
            }
            if (!p[k] && p[(k + 1) % 8]) {
                a++;
            }
        }
        if (b < 2 || b > 6 || a != 1) {
            return false;
        }
        if (pass == 0) {
            return !(p[0] && p[2] && p[4]) && !(p[2] && p[4] && p[6]);
        }
        return !(p[0] && p[2] && p[6]) && !(p[0] && p[4] && p[6]);
    }
}
