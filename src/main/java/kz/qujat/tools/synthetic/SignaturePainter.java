package kz.qujat.tools.synthetic;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Draws a handwritten-looking signature: one person's stroke skeleton (a {@link Style}) rendered as smooth
 * Bezier curves in dark ink on white. Rendering the same style with fresh jitter gives a signature that
 * is similar but never identical, as two real signatures of one person are.
 */
final class SignaturePainter {
    static final int WIDTH = 500;
    static final int HEIGHT = 200;

    /** Control points in unit coordinates (x, y in 0..1) of the main stroke and the flourish, plus slant. */
    record Style(double[][] main, double[][] flourish, double slant, Color ink, float width) {
        static Style random(Random rnd) {
            int n = 9 + rnd.nextInt(6);
            double[][] main = new double[n][2];
            double x = 0.12 + rnd.nextDouble() * 0.05;
            for (int i = 0; i < n; i++) {
                main[i][0] = Math.min(0.84, x);
                main[i][1] = i == 0 ? 0.75 : (i % 2 == 0 ? 0.5 + rnd.nextDouble() * 0.3 : 0.15 + rnd.nextDouble() * 0.3);
                // an occasional step back makes the loops of cursive letters
                x += (i == 1 || rnd.nextDouble() < 0.2) ? -0.035 : 0.05 + rnd.nextDouble() * 0.06;
            }
            double end = Math.min(0.84, x);
            double[][] flourish = {{0.1 + rnd.nextDouble() * 0.1, 0.82}, {end * 0.5, 0.88 + rnd.nextDouble() * 0.05},
                {end, 0.7 + rnd.nextDouble() * 0.1}};
            Color ink = rnd.nextBoolean() ? new Color(20, 30, 90) : new Color(25, 25, 30);
            return new Style(main, flourish, (rnd.nextDouble() - 0.3) * 0.35, ink, 2.5f + rnd.nextFloat() * 1.5f);
        }
    }

    private SignaturePainter() {
    }

    /** Renders the style; {@code jitter} moves each control point by about that share of the image. */
    static BufferedImage paint(Style style, Random rnd, double jitter, double scale, double shiftX, double shiftY) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            AffineTransform t = new AffineTransform();
            t.translate(shiftX * WIDTH, shiftY * HEIGHT);
            t.scale(scale, scale);
            // slant about the middle line, so that the lean moves ink sideways by at most a few per cent
            t.translate(0, HEIGHT / 2.0);
            t.shear(-(style.slant() + (rnd.nextDouble() - 0.5) * jitter), 0);
            t.translate(0, -HEIGHT / 2.0);
            g.transform(t);
            g.setColor(style.ink());
            g.setStroke(new BasicStroke(style.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(curve(style.main(), rnd, jitter));
            g.draw(curve(style.flourish(), rnd, jitter));
        } finally {
            g.dispose();
        }
        return img;
    }

    /** A Catmull-Rom spline through the points, written as cubic Bezier segments. */
    private static Path2D curve(double[][] unit, Random rnd, double jitter) {
        int n = unit.length;
        double[][] p = new double[n][2];
        for (int i = 0; i < n; i++) {
            p[i][0] = (unit[i][0] + rnd.nextGaussian() * jitter) * WIDTH;
            p[i][1] = (unit[i][1] + rnd.nextGaussian() * jitter) * HEIGHT;
        }
        Path2D path = new Path2D.Double();
        path.moveTo(p[0][0], p[0][1]);
        for (int i = 0; i < n - 1; i++) {
            double[] p0 = p[Math.max(0, i - 1)];
            double[] p1 = p[i];
            double[] p2 = p[i + 1];
            double[] p3 = p[Math.min(n - 1, i + 2)];
            path.curveTo(p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6,
                    p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6, p2[0], p2[1]);
        }
        return path;
    }
}
