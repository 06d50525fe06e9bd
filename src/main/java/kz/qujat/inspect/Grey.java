package kz.qujat.inspect;

/** An 8-bit grey copy of a raster, as the detectors want it. */
final class Grey {
    private Grey() {
    }

    static byte[] of(Raster r) {
        int[] g = r.grey();
        byte[] out = new byte[g.length];
        for (int i = 0; i < g.length; i++) {
            out[i] = (byte) g[i];
        }
        return out;
    }
}
