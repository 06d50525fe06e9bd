package kz.qujat.inspect;

import java.util.ArrayList;
import java.util.List;

/** File and format checks of the photo: decodable, resolution, aspect, colour, compression. */
final class FormatChecks {
    private static final double TARGET_ASPECT = 35.0 / 45.0;
    private final Judge judge;

    FormatChecks(Judge judge) {
        this.judge = judge;
    }

    static CheckResult decodable(SafeImage.Result decoded) {
        if (decoded.ok()) {
            return new CheckResult("photo.decodable", 1, "", "JPEG or PNG, ≤ 40 MP, ≤ 15 MB", Verdict.PASS, null,
                    "inspect.photo.decodable.pass");
        }
        return new CheckResult("photo.decodable", 0, "", "JPEG or PNG, ≤ 40 MP, ≤ 15 MB", Verdict.FAIL, null,
                decoded.problem().messageKey());
    }

    List<CheckResult> run(byte[] bytes, SafeImage.Header header, Raster raster) {
        List<CheckResult> out = new ArrayList<>();
        int w = header.width();
        int h = header.height();
        Area whole = Area.whole(w, h);
        out.add(judge.measure("photo.resolution", Math.min(h, w * 771.0 / 600.0), "px", whole));
        out.add(judge.measure("photo.aspect", Math.abs((double) w / h / TARGET_ASPECT - 1) * 100, "%", whole));
        out.add(judge.measure("photo.colour", meanChroma(raster), "", whole));
        double quality = header.format() == SafeImage.Format.PNG ? 100 : JpegQuality.estimate(bytes);
        out.add(quality < 0 ? CheckResult.notMeasured("photo.compression", "inspect.notMeasured.noQuantTable")
                : judge.measure("photo.compression", quality, "", null));
        return out;
    }

    /** Mean of max(R,G,B) − min(R,G,B), sampled on a grid so that a large photo costs no more than a small one. */
    static double meanChroma(Raster r) {
        int step = Math.max(1, (int) Math.sqrt((double) r.width() * r.height() / 250_000.0));
        long sum = 0;
        long n = 0;
        int[] px = r.pixels();
        int w = r.width();
        for (int y = 0; y < r.height(); y += step) {
            // a row's sum fits an int: with step 1 a row has under 10^6 pixels (w·h < 4 × 250,000), otherwise at most
            // √(w × 250,000) ≤ 3.2 × 10^6 samples (40 MP at most): × 255 < 2^31. Summed per row, the total is the same
            int row = 0;
            int end = y * w + w;
            if (step == 1) {
                // the common case (photos up to 0.5 MP), a loop the compiler can unroll
                for (int i = y * w; i < end; i++) {
                    int p = px[i];
                    int red = (p >> 16) & 0xff;
                    int green = (p >> 8) & 0xff;
                    int blue = p & 0xff;
                    row += Math.max(red, Math.max(green, blue)) - Math.min(red, Math.min(green, blue));
                }
                n += w;
            } else {
                for (int i = y * w; i < end; i += step) {
                    int p = px[i];
                    int red = (p >> 16) & 0xff;
                    int green = (p >> 8) & 0xff;
                    int blue = p & 0xff;
                    row += Math.max(red, Math.max(green, blue)) - Math.min(red, Math.min(green, blue));
                    n++;
                }
            }
            sum += row;
        }
        return n == 0 ? 0 : (double) sum / n;
    }
}
