package kz.qujat.inspect;

import java.util.ArrayList;
import java.util.List;

/** Runs every signature check of PHOTO-SIGNATURE.md on untrusted bytes. */
public final class SignatureInspector {
    private final SafeImage decoder;
    private final Judge judge;

    public SignatureInspector(Thresholds thresholds) {
        this.decoder = SafeImage.fromThresholds(thresholds);
        this.judge = new Judge(thresholds);
    }

    public Report inspect(byte[] bytes) {
        return inspect(bytes, null);
    }

    /** With the bytes already decoded by {@link SafeImage} (not decoded again; see {@link SafeImage#decode(byte[], SafeImage.Result)}). */
    public Report inspect(byte[] bytes, SafeImage.Result already) {
        SafeImage.Result decoded = decoder.decode(bytes, already);
        List<CheckResult> out = new ArrayList<>();
        if (!decoded.ok()) {
            out.add(new CheckResult("signature.decodable", 0, "", "JPEG or PNG, ≤ 40 MP, ≤ 15 MB", Verdict.FAIL,
                    null, decoded.problem().messageKey()));
            for (String n : SignatureChecks.NAMES) {
                out.add(CheckResult.notMeasured(n, "inspect.notMeasured.undecodable"));
            }
            return new Report(decoded.header(), null, out);
        }
        out.add(new CheckResult("signature.decodable", 1, "", "JPEG or PNG, ≤ 40 MP, ≤ 15 MB", Verdict.PASS, null,
                "inspect.signature.decodable.pass"));
        out.addAll(new SignatureChecks(judge).run(new Raster(decoded.image())));
        return new Report(decoded.header(), null, out);
    }
}
