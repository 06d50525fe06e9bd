package kz.qujat.inspect;

/** A rectangle of the image, in pixels, that a check measured (so the viewer can highlight it). */
public record Area(int x, int y, int width, int height) {
    public static Area whole(int width, int height) {
        return new Area(0, 0, width, height);
    }

    public Area clip(int imageWidth, int imageHeight) {
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, y);
        int x1 = Math.min(imageWidth, x + width);
        int y1 = Math.min(imageHeight, y + height);
        return new Area(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    public boolean isEmpty() {
        return width <= 0 || height <= 0;
    }
}
