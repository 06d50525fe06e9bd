package kz.qujat.tools.faceset;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import kz.qujat.inspect.Crown;
import kz.qujat.inspect.FaceLandmarks;
import kz.qujat.inspect.Raster;

/**
 * A folder of sample portraits for evaluation (never shipped): {@code NNN_03.jpg} with its pupils in
 * {@code NNN_03.eyes} ("x TAB y", image-left eye first), the sitters' groups in {@code subjects.csv}
 * ({@code photo,age,gender,ethnicity}), and the same sitters smiling in {@code smiling/NNN_08.jpg}.
 */
public final class FaceSet {
    /**
     * One sitter: photo id (e.g. {@code 001_03}), group (ethnicity as the set records it), files, and the gender and
     * age the set records ({@code ""} and 0 when its {@code subjects.csv} does not say).
     */
    public record Sitter(String id, String group, Path photo, Path eyes, Path smiling, String gender, int age) {
        public BufferedImage image() throws IOException {
            return read(photo);
        }

        public Optional<Path> smilingPhoto() {
            return smiling != null && Files.isRegularFile(smiling) ? Optional.of(smiling) : Optional.empty();
        }

        /** The two pupils: image-left first. */
        public FaceLandmarks.Point[] pupils() throws IOException {
            List<String> lines = Files.readAllLines(eyes).stream().filter(l -> !l.isBlank()).toList();
            if (lines.size() < 2) {
                throw new IOException(eyes.getFileName() + ": needs two lines 'x<TAB>y'");
            }
            FaceLandmarks.Point[] out = new FaceLandmarks.Point[2];
            for (int i = 0; i < 2; i++) {
                String[] xy = lines.get(i).trim().split("\\s+");
                out[i] = new FaceLandmarks.Point(Double.parseDouble(xy[0]), Double.parseDouble(xy[1]));
            }
            return out;
        }
    }

    /** A 35×45 crop with the pupils it was cut around, in the crop's coordinates. */
    public record Crop(BufferedImage image, FaceLandmarks.Point leftEye, FaceLandmarks.Point rightEye) {
    }

    /** The head's share of the crop's height and the eye line's height from the bottom. */
    public static final double HEAD_SHARE = 0.75;
    public static final double CROP_EYE_LINE = 0.54;

    private final Path dir;
    private final List<Sitter> sitters;

    private FaceSet(Path dir, List<Sitter> sitters) {
        this.dir = dir;
        this.sitters = List.copyOf(sitters);
    }

    /** Reads {@code subjects.csv} in {@code dir}; every listed photo must exist with its {@code .eyes} file. */
    public static FaceSet open(Path dir) throws IOException {
        Path csv = dir.resolve("subjects.csv");
        if (!Files.isRegularFile(csv)) {
            throw new IOException("no subjects.csv in " + dir);
        }
        List<String> lines = Files.readAllLines(csv);
        if (lines.isEmpty()) {
            throw new IOException("subjects.csv is empty");
        }
        List<String> header = List.of(lines.get(0).trim().split(","));
        int photo = header.indexOf("photo");
        int group = header.indexOf("ethnicity");
        int gender = header.indexOf("gender");
        int age = header.indexOf("age");
        if (photo < 0 || group < 0) {
            throw new IOException("subjects.csv needs the columns photo and ethnicity");
        }
        List<Sitter> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split(",");
            String id = f[photo];
            Path jpg = dir.resolve(id + ".jpg");
            Path eyes = dir.resolve(id + ".eyes");
            if (!Files.isRegularFile(jpg) || !Files.isRegularFile(eyes)) {
                throw new IOException("subjects.csv lists " + id + " but " + id + ".jpg or .eyes is missing");
            }
            String smilingId = id.replaceAll("_\\d+$", "_08");
            int years = 0; // unknown: no column, or "NA" as the set writes it
            if (age >= 0 && age < f.length && f[age].trim().matches("\\d{1,3}")) {
                years = Integer.parseInt(f[age].trim());
            }
            out.add(new Sitter(id, f[group], jpg, eyes, dir.resolve("smiling").resolve(smilingId + ".jpg"),
                    gender >= 0 && gender < f.length ? f[gender].trim() : "", years));
        }
        return new FaceSet(dir, out);
    }

    public Path dir() {
        return dir;
    }

    public List<Sitter> sitters() {
        return sitters;
    }

    /** The groups in the order they first appear. */
    public List<String> groups() {
        return sitters.stream().map(Sitter::group).distinct().toList();
    }

    static BufferedImage read(Path p) throws IOException {
        BufferedImage img = ImageIO.read(p.toFile());
        if (img == null) {
            throw new IOException(p.getFileName() + " does not decode");
        }
        return img;
    }

    /**
     * Crops a portrait to the 35×45 format around its pupils as a photographer would: the head (crown as
     * found where the hair meets the background, chin as given) {@value #HEAD_SHARE} of the height, the eye line
     * {@value #CROP_EYE_LINE} of the height from the bottom, the eye midpoint centred; beyond the
     * original the background colour is extended.
     */
    public static Crop crop(BufferedImage src, FaceLandmarks.Point l, FaceLandmarks.Point r, double chinY) {
        double ied = l.distance(r);
        FaceLandmarks.Point mid = new FaceLandmarks.Point((l.x() + r.x()) / 2, (l.y() + r.y()) / 2);
        // the crown on a first, looser crop (5.1 IED high): the far corners of a studio photo are often darker
        int h0 = (int) Math.round(5.1 * ied);
        int left0 = (int) Math.round(mid.x() - h0 * 35.0 / 45.0 / 2);
        int top0 = (int) Math.round(mid.y() - 0.45 * h0);
        BufferedImage loose = cut(src, left0, top0, (int) Math.round(h0 * 35.0 / 45.0), h0);
        double crown = top0 + Crown.find(new Raster(loose), new FaceLandmarks.Point(mid.x() - left0, mid.y() - top0),
                ied).y();
        double head = chinY - crown;
        int h = (int) Math.round(head / HEAD_SHARE);
        int w = (int) Math.round(h * 35.0 / 45.0);
        int left = (int) Math.round(mid.x() - w / 2.0);
        int top = (int) Math.round(mid.y() - (1 - CROP_EYE_LINE) * h);
        return new Crop(cut(src, left, top, w, h), new FaceLandmarks.Point(l.x() - left, l.y() - top),
                new FaceLandmarks.Point(r.x() - left, r.y() - top));
    }

    /**
     * The portrait at {@code file} cropped to 35×45 around the eyes and chin {@code finder} finds, as a JPEG (the
     * demo's and the tests' real faces for the same-person check).
     */
    public static byte[] portraitJpeg(Path file, kz.qujat.inspect.FaceFinder finder) throws IOException {
        BufferedImage img = read(file);
        FaceLandmarks face = finder.find(new Raster(img))
                .orElseThrow(() -> new IOException("no face found on " + file.getFileName()));
        return FairnessEvaluation.jpeg(crop(img, face.leftEye(), face.rightEye(), face.chin().y()).image());
    }

    private static BufferedImage cut(BufferedImage src, int left, int top, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(src.getRGB(5, 5)));
        g.fillRect(0, 0, w, h);
        g.drawImage(src, -left, -top, null);
        g.dispose();
        return out;
    }
}
