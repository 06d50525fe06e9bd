package kz.qujat.tools.faceset;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import kz.qujat.central.IntakeChecks;
import kz.qujat.domain.Region;
import kz.qujat.inspect.CheckResult;
import kz.qujat.inspect.DescriptorCache;
import kz.qujat.inspect.FaceLandmarks;
import kz.qujat.inspect.PhotoInspector;
import kz.qujat.inspect.Raster;
import kz.qujat.inspect.Report;
import kz.qujat.inspect.SafeImage;
import kz.qujat.inspect.SamePerson;
import kz.qujat.inspect.SignatureInspector;
import kz.qujat.inspect.Thresholds;
import kz.qujat.inspect.YuNetFaceFinder;
import kz.qujat.tools.synthetic.SyntheticApplicant;
import kz.qujat.tools.synthetic.SyntheticApplicants;
import org.junit.jupiter.api.Test;

/**
 * The photo and signature checks measure exactly what they measured before they were made faster: every check's
 * value (to the last bit of its double), verdict, threshold text, area and message key, the face points found, the
 * same-person distances and what intake stores ({@code checks_json}) — on every sample portrait (as photographed,
 * smiling, cropped to 35×45 clean and with each degradation of the fairness evaluation, with the detector's and with
 * clicked points), on the bench's synthetic 1200×1600 portraits, and on synthetic applicants (photos, register
 * photos, signatures, every deliberate defect) plus a few broken files. The record in
 * {@code src/test/resources/kz/qujat/inspect/checks-before.txt.gz} was written by the code before the speed work
 * ({@code main} below, run on commit 1155e8d).
 *
 * <p>Since the face networks run in ONNX Runtime instead of OpenCV's DNN module, a number that follows from YuNet's
 * points or the descriptor may differ from the record in its last digits (another runtime's float rounding: YuNet's
 * points by at most 3e-5 of an input pixel, a descriptor's numbers by at most 7e-7, {@code OnnxEquivalenceTest}).
 * So a line now matches its record when everything but its numbers is identical (verdicts, message keys, threshold
 * texts) and each number is within {@value #ABSOLUTE} or a relative {@value #RELATIVE} of the recorded one; the
 * JSON's values are rounded to three or four decimals, so a last-digit change at a rounding boundary is 1e-3.
 */
class CheckEquivalenceTest {
    static final String RECORD = "/kz/qujat/inspect/checks-before.txt.gz";
    static final double ABSOLUTE = 1e-3;
    static final double RELATIVE = 1e-5;
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?(E-?\\d+)?");

    @Test
    void everyMeasurementAndVerdictIsTheSameAsBeforeTheSpeedWork() throws Exception {
        List<String> before;
        try (InputStream in = CheckEquivalenceTest.class.getResourceAsStream(RECORD)) {
            assertThat(in).as(RECORD).isNotNull();
            before = List.of(new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
        List<String> now = fingerprint(SampleFaces.dir());
        List<String> differ = new ArrayList<>();
        for (int i = 0; i < Math.max(before.size(), now.size()); i++) {
            String b = i < before.size() ? before.get(i) : "<none>";
            String n = i < now.size() ? now.get(i) : "<none>";
            if (!b.equals(n) && !sameUpToRounding(b, n)) {
                differ.add("line " + (i + 1) + "\n  before: " + b + "\n  now:    " + n);
            }
        }
        assertThat(now.size()).as("lines").isGreaterThan(5000);
        assertThat(differ).as(differ.size() + " of " + before.size() + " lines differ").isEmpty();
    }

    /** Everything but the numbers identical, and each number within the tolerance of the recorded one. */
    static boolean sameUpToRounding(String before, String now) {
        if (!NUMBER.matcher(before).replaceAll("#").equals(NUMBER.matcher(now).replaceAll("#"))) {
            return false;
        }
        java.util.regex.Matcher b = NUMBER.matcher(before);
        java.util.regex.Matcher n = NUMBER.matcher(now);
        while (b.find() && n.find()) {
            double x = Double.parseDouble(b.group());
            double y = Double.parseDouble(n.group());
            if (Math.abs(x - y) > Math.max(ABSOLUTE, RELATIVE * Math.abs(x))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aLineMatchesItsRecordOnlyUpToRoundingOfItsNumbers() {
        String before = "001_03 raw photo.headHeight value=49.294758628892424 FAIL unit=% area=Area[x=0, y=273] key=k";
        assertThat(sameUpToRounding(before, before.replace("49.294758628892424", "49.29473110640819"))).isTrue();
        assertThat(sameUpToRounding("{\"distance\":0.2109,\"verdict\":\"SAME\"}", "{\"distance\":0.2108,\"verdict\":\"SAME\"}"))
                .isTrue();
        assertThat(sameUpToRounding(before, before.replace("FAIL", "WARN"))).as("a verdict").isFalse();
        assertThat(sameUpToRounding(before, before.replace("y=273", "y=274"))).as("an area's pixel").isFalse();
        assertThat(sameUpToRounding(before, before.replace("49.294758628892424", "49.2958"))).as("a measure").isFalse();
        assertThat(sameUpToRounding(before, before + " extra")).isFalse();
    }

    /** Writes the record: {@code main FILE [FACES_DIR]}. */
    public static void main(String[] args) throws Exception {
        List<String> lines = fingerprint(Path.of(args.length > 1 ? args[1] : "../shared/faces"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(Path.of(args[0])))) {
            out.write(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        }
        System.out.println(lines.size() + " lines written to " + args[0]);
    }

    static List<String> fingerprint(Path faces) throws IOException {
        Thresholds t = Thresholds.defaults();
        YuNetFaceFinder finder = new YuNetFaceFinder();
        PhotoInspector inspector = new PhotoInspector(t, finder);
        SignatureInspector signatures = new SignatureInspector(t);
        SamePerson same = new SamePerson(t, new DescriptorCache(0));
        List<String> out = new ArrayList<>();
        FaceSet set = FaceSet.open(faces);
        for (FaceSet.Sitter s : set.sitters()) {
            byte[] raw = Files.readAllBytes(s.photo());
            photo(out, s.id() + " raw", inspector, raw, null);
            byte[] smiling = s.smilingPhoto().isPresent() ? Files.readAllBytes(s.smilingPhoto().get()) : null;
            if (smiling != null) {
                photo(out, s.id() + " smiling", inspector, smiling, null);
            }
            BufferedImage original = s.image();
            double chinY = finder.find(new Raster(original)).orElseThrow().chin().y();
            FaceSet.Crop crop = FaceSet.crop(original, s.pupils()[0], s.pupils()[1], chinY);
            byte[] clean = null;
            for (Degradation d : Degradation.values()) {
                byte[] jpeg = FairnessEvaluation.jpeg(d.apply(crop.image()));
                if (d == Degradation.CLEAN) {
                    clean = jpeg;
                }
                photo(out, s.id() + " " + d.name(), inspector, jpeg, null);
            }
            photo(out, s.id() + " CLEAN clicked", inspector, clean,
                    FaceLandmarks.manual(crop.leftEye(), crop.rightEye(), null, null));
            if (smiling != null) {
                PhotoInspector.Inspected in = inspector.inspectKeeping(clean);
                out.add(s.id() + " samePerson reused " + result(same.compare(in.image(), in.report().landmarks(), smiling)));
                out.add(s.id() + " samePerson bytes " + result(same.compare(clean, smiling)));
            }
        }
        for (long seed : new long[] {42, 43}) {
            photo(out, "bench " + seed, inspector, SyntheticApplicants.portraitJpeg(seed, 1200, 1600), null);
        }
        // from here on as the standalone central service runs OpenCV: on the calling thread alone
        kz.qujat.inspect.OpenCvNatives.oneThreadPerCall();
        IntakeChecks intake = new IntakeChecks(t);
        SafeImage decoder = SafeImage.fromThresholds(t);
        SyntheticApplicants people = new SyntheticApplicants(13, LocalDate.of(2026, 12, 2), 0.5);
        for (int i = 0; i < 24; i++) {
            SyntheticApplicant p = people.next(Region.ASTANA);
            String id = "applicant " + i + " " + p.defect().map(Enum::name).orElse("none");
            photo(out, id + " photo", inspector, p.photoJpeg(), null);
            photo(out, id + " register photo", inspector, p.registryPhotoJpeg(), null);
            signature(out, id + " signature", signatures, p.signaturePng());
            signature(out, id + " register signature", signatures, p.registrySignaturePng());
            String json = intake.run(p.photoJpeg(), p.signaturePng(), p.registryPhotoJpeg()).json();
            out.add(id + " intake " + json);
            // as the central service runs it: the photo and the signature decoded once, by the edge check
            String shared = intake.run(p.photoJpeg(), decoder.decode(p.photoJpeg()), p.signaturePng(),
                    decoder.decode(p.signaturePng()), p.registryPhotoJpeg()).json();
            if (!shared.equals(json)) {
                out.add(id + " intake on the edge check's pixels differs: " + shared);
            }
            // as since the register photo's face is described by the feed and kept with the record
            kz.qujat.inspect.RegisterFace fed = intake.describeRegister(p.registryPhotoJpeg(),
                    decoder.decode(p.registryPhotoJpeg()));
            String kept = intake.run(p.photoJpeg(), decoder.decode(p.photoJpeg()), p.signaturePng(),
                    decoder.decode(p.signaturePng()), fed).json();
            if (!kept.equals(json)) {
                out.add(id + " intake with the register face kept by the feed differs: " + kept);
            }
        }
        byte[] tinyPng = png(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB));
        BufferedImage grey = new BufferedImage(600, 771, BufferedImage.TYPE_BYTE_GRAY);
        byte[][] broken = {new byte[0], {1, 2, 3}, tinyPng, png(grey), png(new BufferedImage(900, 12, BufferedImage.TYPE_INT_RGB))};
        for (int i = 0; i < broken.length; i++) {
            photo(out, "broken " + i, inspector, broken[i], null);
            signature(out, "broken " + i + " signature", signatures, broken[i]);
            out.add("broken " + i + " intake " + intake.run(broken[i], broken[i], broken[i]).json());
        }
        org.bytedeco.opencv.global.opencv_core.setNumThreads(-1);
        return out;
    }

    private static void photo(List<String> out, String id, PhotoInspector inspector, byte[] bytes, FaceLandmarks clicked) {
        Report r = inspector.inspect(bytes, clicked);
        out.add(id + " header " + r.header());
        out.add(id + " landmarks " + r.landmarks());
        checks(out, id, r);
    }

    private static void signature(List<String> out, String id, SignatureInspector inspector, byte[] bytes) {
        Report r = inspector.inspect(bytes);
        out.add(id + " header " + r.header());
        checks(out, id, r);
    }

    private static void checks(List<String> out, String id, Report r) {
        for (CheckResult c : r.checks()) {
            out.add(id + " " + c.check() + " value=" + c.value() + " " + c.verdict() + " unit=" + c.unit()
                    + " threshold=" + c.threshold() + " area=" + c.area() + " key=" + c.messageKey());
        }
        out.add(id + " worst " + r.worst());
    }

    private static String result(SamePerson.Result r) {
        return r.distance() + " " + r.verdict() + " " + r.reasonKey() + " " + r.faces();
    }

    private static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, "png", b);
        return b.toByteArray();
    }
}
