package kz.qujat.workstation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Images for the screen tests: a 35×45 photo in which no face detector finds a face, and a signature. */
public final class TestPhotos {
    public static final int WIDTH = 600;
    public static final int HEIGHT = 771;

    private TestPhotos() {
    }

    /** A light background with a plain skin-coloured oval: head-shaped, but with no eyes, nose or mouth to find. */
    public static byte[] facelessJpeg() {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(232, 234, 236));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(new Color(70, 60, 80));
        g.fillRect(120, 600, 360, 171);
        g.setColor(new Color(214, 170, 140));
        g.fillOval(180, 150, 240, 420);
        g.dispose();
        return encode(img, "jpg");
    }

    public static byte[] signaturePng() {
        BufferedImage img = new BufferedImage(400, 150, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 150);
        g.setColor(new Color(20, 30, 120));
        g.setStroke(new BasicStroke(3));
        g.drawPolyline(new int[] {40, 80, 110, 150, 190, 230, 280, 330}, new int[] {110, 40, 110, 50, 105, 45, 100, 60}, 8);
        g.drawLine(60, 120, 340, 115);
        g.dispose();
        return encode(img, "png");
    }

    private static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
