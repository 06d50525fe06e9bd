package kz.qujat.inspect;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.CubicCurve2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Test portraits and signatures with known defects. The portrait is a real face (shared/faces, CC BY 4.0,
 * DeBruine and Jones) cropped to 35×45 around its known pupils, so every defect is applied to a real photo
 * with known eye positions.
 */
final class TestImages {
    /** A crop with every geometry check inside its PASS band: H = 5.1 IED, eyes 55 % from the bottom. */
    static final double STANDARD_IED_SHARE = 45.0 / (35.0 * 5.1);
    static final double STANDARD_EYE_LINE = 0.55;
    static final Path FACES = Path.of(System.getProperty("qujat.faces", "src/test/resources/faces"));

    /** A cropped portrait with the eye centres (in the crop's coordinates) it was cut around. */
    record Portrait(BufferedImage image, FaceLandmarks landmarks) {
        byte[] jpeg() {
            return TestImages.jpeg(image, 0.92f);
        }
    }

    private TestImages() {
    }

    /**
     * Crops the face {@code id} to 35×45 so that the inter-eye distance is {@code iedShare} of the width,
     * the eye line at {@code eyeLineFromBottom} of the height and the eye midpoint offset by {@code dx} of W.
     */
    static Portrait portrait(String id, double iedShare, double eyeLineFromBottom, double dx) {
        try {
            BufferedImage src = ImageIO.read(FACES.resolve(id + ".jpg").toFile());
            List<String> lines = Files.readAllLines(FACES.resolve(id + ".eyes"));
            double[] l = parse(lines.get(0));
            double[] r = parse(lines.get(1));
            double ied = Math.hypot(r[0] - l[0], r[1] - l[1]);
            int w = (int) Math.round(ied / iedShare);
            int h = (int) Math.round(w * 45.0 / 35.0);
            double mx = (l[0] + r[0]) / 2;
            double my = (l[1] + r[1]) / 2;
            double left = mx - w / 2.0 - dx * w;
            double top = my - (1 - eyeLineFromBottom) * h;
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            g.setColor(new Color(src.getRGB(5, 5)));
            g.fillRect(0, 0, w, h);
            g.drawImage(src, (int) Math.round(-left), (int) Math.round(-top), null);
            g.dispose();
            FaceLandmarks.Point le = new FaceLandmarks.Point(l[0] - Math.round(left), l[1] - Math.round(top));
            FaceLandmarks.Point re = new FaceLandmarks.Point(r[0] - Math.round(left), r[1] - Math.round(top));
            // chin and crown by the proportions of these faces: crown with hair 2.05 IED above the eyes, chin 1.55 below
            FaceLandmarks.Point mid = new FaceLandmarks.Point((le.x() + re.x()) / 2, (le.y() + re.y()) / 2);
            FaceLandmarks.Point chin = new FaceLandmarks.Point(mid.x(), mid.y() + 1.55 * ied);
            FaceLandmarks.Point crown = new FaceLandmarks.Point(mid.x(), mid.y() - 2.05 * ied);
            return new Portrait(out, new FaceLandmarks(le, re, chin, crown, null, 1, false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Portrait standard() {
        return portrait("140_03", STANDARD_IED_SHARE, STANDARD_EYE_LINE, 0);
    }

    private static double[] parse(String line) {
        String[] p = line.trim().split("\\s+");
        return new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1])};
    }

    static byte[] jpeg(BufferedImage img, float quality) {
        try {
            Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg");
            ImageWriter writer = it.next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
                writer.write(null, new IIOImage(img, null, null), param);
            } finally {
                writer.dispose();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] png(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Multiplies every channel (in encoded values) by {@code factor}. */
    static BufferedImage scaleBrightness(BufferedImage src, double factor) {
        BufferedImage out = copy(src);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int p = out.getRGB(x, y);
                int r = clamp(((p >> 16) & 0xff) * factor);
                int g = clamp(((p >> 8) & 0xff) * factor);
                int b = clamp((p & 0xff) * factor);
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    static BufferedImage greyscale(BufferedImage src) {
        BufferedImage out = copy(src);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int p = out.getRGB(x, y);
                int v = (299 * ((p >> 16) & 0xff) + 587 * ((p >> 8) & 0xff) + 114 * (p & 0xff)) / 1000;
                out.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        return out;
    }

    /** Box blur of the given radius, applied twice (close to a Gaussian). */
    static BufferedImage blur(BufferedImage src, int radius) {
        int size = 2 * radius + 1;
        float[] k = new float[size * size];
        java.util.Arrays.fill(k, 1f / (size * size));
        ConvolveOp op = new ConvolveOp(new Kernel(size, size, k), ConvolveOp.EDGE_NO_OP, null);
        return op.filter(op.filter(copy(src), null), null);
    }

    /** Rotates the image about its centre; the landmarks are rotated alike. */
    static Portrait rotate(Portrait p, double degrees) {
        BufferedImage src = p.image();
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(src.getRGB(5, 5)));
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform t = AffineTransform.getRotateInstance(Math.toRadians(degrees), src.getWidth() / 2.0,
                src.getHeight() / 2.0);
        g.drawImage(src, t, null);
        g.dispose();
        FaceLandmarks f = p.landmarks();
        return new Portrait(out, new FaceLandmarks(rot(t, f.leftEye()), rot(t, f.rightEye()), rot(t, f.chin()),
                rot(t, f.crown()), null, 1, false));
    }

    private static FaceLandmarks.Point rot(AffineTransform t, FaceLandmarks.Point p) {
        java.awt.geom.Point2D d = t.transform(new java.awt.geom.Point2D.Double(p.x(), p.y()), null);
        return new FaceLandmarks.Point(d.getX(), d.getY());
    }

    /** Replaces the light background (pixels close to the corner colour) by {@code painter}'s pattern. */
    static BufferedImage replaceBackground(BufferedImage src, java.util.function.IntBinaryOperator painter) {
        BufferedImage out = copy(src);
        int bg = src.getRGB(5, 5);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                if (distance(out.getRGB(x, y), bg) < 40) {
                    out.setRGB(x, y, painter.applyAsInt(x, y));
                }
            }
        }
        return out;
    }

    static BufferedImage scaleTo(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    static FaceLandmarks scale(FaceLandmarks f, double sx, double sy) {
        return new FaceLandmarks(sc(f.leftEye(), sx, sy), sc(f.rightEye(), sx, sy), sc(f.chin(), sx, sy),
                sc(f.crown(), sx, sy), null, 1, false);
    }

    private static FaceLandmarks.Point sc(FaceLandmarks.Point p, double sx, double sy) {
        return new FaceLandmarks.Point(p.x() * sx, p.y() * sy);
    }

    /** A handwritten-looking signature: a few Bezier strokes of width {@code pen} in colour {@code ink}. */
    static BufferedImage signature(int w, int h, float pen, Color ink, double scale, double offsetX, long seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(ink);
        g.setStroke(new BasicStroke(pen, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Random rnd = new Random(seed);
        double cx = w / 2.0 + offsetX;
        double cy = h / 2.0;
        double sw = w * 0.7 * scale;
        double sh = h * 0.5 * scale;
        double x = cx - sw / 2;
        for (int i = 0; i < 5; i++) {
            double nx = x + sw / 5;
            g.draw(new CubicCurve2D.Double(x, cy + (rnd.nextDouble() - 0.5) * sh,
                    x + sw / 15, cy - sh / 2 - rnd.nextDouble() * sh / 2,
                    nx - sw / 15, cy + sh / 2 + rnd.nextDouble() * sh / 2,
                    nx, cy + (rnd.nextDouble() - 0.5) * sh));
            x = nx;
        }
        g.draw(new CubicCurve2D.Double(cx - sw / 2, cy + sh / 3, cx - sw / 6, cy + sh / 2, cx + sw / 6, cy + sh / 2,
                cx + sw / 2, cy + sh / 4));
        g.dispose();
        return img;
    }

    static BufferedImage copy(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static int distance(int a, int b) {
        return Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff)) + Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff))
                + Math.abs((a & 0xff) - (b & 0xff));
    }
}
