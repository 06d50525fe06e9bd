package kz.qujat.tools.synthetic;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint.CycleMethod;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Paints a passport-style portrait (35:45, light plain background, head and shoulders) from an
 * {@link Appearance}. Proportions follow the ICAO geometry our photo checks measure: eye line a little
 * above the middle, head about 70 % of the height, eyes well over 120 px apart at 600 px width.
 */
final class PortraitPainter {
    private PortraitPainter() {
    }

    static BufferedImage paint(Appearance a, int width, int height, Random noise) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(a.background());
            g.fillRect(0, 0, width, height);
            draw(g, a, width, height);
        } finally {
            g.dispose();
        }
        addGrain(img, noise, a.background());
        return img;
    }

    private static void draw(Graphics2D g, Appearance a, double w, double h) {
        double cx = w * (0.5 + a.offsetX());
        double fw = w * a.headWidth();
        double fh = h * a.headHeight();
        double top = h * (0.15 + a.offsetY());
        Ellipse2D face = new Ellipse2D.Double(cx - fw / 2, top, fw, fh);
        Ellipse2D hairShape = new Ellipse2D.Double(cx - fw * 0.56, top - h * 0.06 * a.hairVolume() - h * 0.03,
                fw * 1.12, fh * 0.75);
        if (a.longHair()) {
            g.setColor(a.hair());
            g.fill(new Rectangle2D.Double(cx - fw * 0.58, top + fh * 0.2, fw * 1.16, fh * 0.85));
        }
        drawShoulders(g, a, w, h, cx, fw, top + fh);
        g.setColor(a.hair());
        g.fill(hairShape);
        drawEars(g, a, cx, fw, top, fh);
        g.setPaint(new RadialGradientPaint(new Point2D.Double(cx, top + fh * 0.45), (float) (fh * 0.6),
                new float[] {0f, 0.6f, 1f}, new Color[] {a.skin(), shade(a.skin(), 0.85), shade(a.skin(), 0.62)}, CycleMethod.NO_CYCLE));
        g.fill(face);
        Area fringe = new Area(face);
        fringe.intersect(new Area(new Rectangle2D.Double(cx - fw, top - 5, fw * 2, fh * 0.09)));
        g.setColor(a.hair());
        g.fill(fringe);
        drawEyes(g, a, cx, fw, top + fh * 0.45);
        drawNoseAndMouth(g, a, cx, fw, top, fh);
    }

    private static void drawShoulders(Graphics2D g, Appearance a, double w, double h, double cx, double fw, double chin) {
        g.setColor(shade(a.skin(), 0.88));
        g.fill(new Rectangle2D.Double(cx - fw * 0.2, chin - fw * 0.2, fw * 0.4, h * 0.16 + fw * 0.2));
        Path2D body = new Path2D.Double();
        double shoulderTop = chin + h * 0.06;
        body.moveTo(cx - w * 0.6, h);
        body.curveTo(cx - w * 0.55, shoulderTop + h * 0.02, cx - fw * 0.5, shoulderTop, cx - fw * 0.2, shoulderTop);
        body.lineTo(cx, shoulderTop + h * 0.08);
        body.lineTo(cx + fw * 0.2, shoulderTop);
        body.curveTo(cx + fw * 0.5, shoulderTop, cx + w * 0.55, shoulderTop + h * 0.02, cx + w * 0.6, h);
        body.closePath();
        g.setColor(a.clothing());
        g.fill(body);
    }

    private static void drawEars(Graphics2D g, Appearance a, double cx, double fw, double top, double fh) {
        g.setColor(shade(a.skin(), 0.9));
        double ew = fw * 0.12;
        double eh = fh * 0.18;
        g.fill(new Ellipse2D.Double(cx - fw / 2 - ew * 0.5, top + fh * 0.4, ew, eh));
        g.fill(new Ellipse2D.Double(cx + fw / 2 - ew * 0.5, top + fh * 0.4, ew, eh));
    }

    private static void drawEyes(Graphics2D g, Appearance a, double cx, double fw, double eyeY) {
        double half = fw * a.eyeSpacing() / 2;
        double ew = fw * 0.17;
        double eh = ew * 0.5;
        for (double x : new double[] {cx - half, cx + half}) {
            // the eye socket is in shadow: real faces are darker across the eye band than on the cheeks
            double sw = ew * 1.9;
            double sh = eh * 3.4;
            g.setPaint(new RadialGradientPaint(new Point2D.Double(x, eyeY - eh * 0.3), (float) (sw / 2),
                    new float[] {0f, 0.55f, 1f}, new Color[] {shade(a.skin(), 0.55), shade(a.skin(), 0.72),
                        new Color(a.skin().getRed(), a.skin().getGreen(), a.skin().getBlue(), 0)}, CycleMethod.NO_CYCLE));
            g.fill(new Ellipse2D.Double(x - sw / 2, eyeY - sh * 0.6, sw, sh));
            g.setColor(new Color(222, 218, 212));
            g.fill(new Ellipse2D.Double(x - ew / 2, eyeY - eh / 2, ew, eh));
            g.setColor(a.iris());
            g.fill(new Ellipse2D.Double(x - eh * 0.5, eyeY - eh * 0.5, eh, eh));
            g.setColor(new Color(10, 10, 12));
            g.fill(new Ellipse2D.Double(x - eh * 0.22, eyeY - eh * 0.22, eh * 0.44, eh * 0.44));
            g.setColor(Color.WHITE);
            g.fill(new Ellipse2D.Double(x - eh * 0.05, eyeY - eh * 0.25, eh * 0.14, eh * 0.14));
            g.setColor(new Color(30, 22, 20));
            g.setStroke(new BasicStroke((float) (fw * 0.012), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Arc2D.Double(x - ew / 2, eyeY - eh / 2, ew, eh, 10, 160, Arc2D.OPEN));
            g.setColor(mix(a.hair(), a.skin(), 0.35));
            g.setStroke(new BasicStroke((float) (fw * 0.035), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Arc2D.Double(x - ew * 0.65, eyeY - eh * 1.9, ew * 1.3, eh * 1.8, 25, 130, Arc2D.OPEN));
        }
    }

    private static void drawNoseAndMouth(Graphics2D g, Appearance a, double cx, double fw, double top, double fh) {
        g.setColor(shade(a.skin(), 0.72));
        g.setStroke(new BasicStroke((float) (fw * 0.012), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D nose = new Path2D.Double();
        nose.moveTo(cx - fw * 0.02, top + fh * 0.5);
        nose.quadTo(cx - fw * 0.05, top + fh * 0.64, cx - fw * 0.06, top + fh * 0.66);
        nose.quadTo(cx, top + fh * 0.7, cx + fw * 0.06, top + fh * 0.66);
        g.draw(nose);
        g.setColor(shade(a.skin(), 0.6));
        g.fill(new Ellipse2D.Double(cx - fw * 0.055, top + fh * 0.655, fw * 0.035, fw * 0.02));
        g.fill(new Ellipse2D.Double(cx + fw * 0.02, top + fh * 0.655, fw * 0.035, fw * 0.02));
        double mw = fw * a.mouthWidth();
        double my = top + fh * 0.78;
        g.setColor(new Color(170, 80, 80));
        g.fill(new Arc2D.Double(cx - mw / 2, my - fh * 0.03, mw, fh * 0.07, 180, 180, Arc2D.CHORD));
        g.setColor(new Color(120, 50, 50));
        g.setStroke(new BasicStroke((float) (fw * 0.008)));
        g.draw(new Arc2D.Double(cx - mw / 2, my - fh * 0.02, mw, fh * 0.04, 190, 160, Arc2D.OPEN));
    }

    /**
     * Sensor noise, so the picture is not flat colour and sharpness and dynamic-range checks have texture to
     * measure; much less on the plain background, which a real studio backdrop keeps smooth.
     */
    private static void addGrain(BufferedImage img, Random noise, Color background) {
        int bg = background.getRGB() & 0xffffff;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                double sigma = near(rgb & 0xffffff, bg) ? 0.8 : 4.0;
                int d = (int) Math.round(noise.nextGaussian() * sigma);
                img.setRGB(x, y, (clamp(((rgb >> 16) & 0xff) + d) << 16) | (clamp(((rgb >> 8) & 0xff) + d) << 8)
                        | clamp((rgb & 0xff) + d));
            }
        }
    }

    private static boolean near(int rgb, int other) {
        return Math.abs(((rgb >> 16) & 0xff) - ((other >> 16) & 0xff)) + Math.abs(((rgb >> 8) & 0xff) - ((other >> 8) & 0xff))
                + Math.abs((rgb & 0xff) - (other & 0xff)) < 6;
    }

    static Color shade(Color c, double f) {
        return new Color(clamp((int) (c.getRed() * f)), clamp((int) (c.getGreen() * f)), clamp((int) (c.getBlue() * f)));
    }

    static Color mix(Color a, Color b, double shareOfB) {
        return new Color((int) (a.getRed() * (1 - shareOfB) + b.getRed() * shareOfB),
                (int) (a.getGreen() * (1 - shareOfB) + b.getGreen() * shareOfB),
                (int) (a.getBlue() * (1 - shareOfB) + b.getBlue() * shareOfB));
    }

    static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
