package kz.qujat.workstation.review;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The luminance histogram of the submitted photo (linear-light L, 256 bins), with the under- and
 * over-exposure limits of the exposure check (L ≤ 25, L ≥ 247) drawn as lines.
 */
final class HistogramChart extends Region {
    private final Canvas canvas = new Canvas();
    private int[] bins;

    HistogramChart() {
        getChildren().add(canvas);
        setMinHeight(70);
        setPrefHeight(90);
    }

    void setBins(int[] bins) {
        this.bins = bins;
        draw();
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.rgb(40, 42, 46));
        g.fillRect(0, 0, w, h);
        if (bins == null) {
            return;
        }
        // the tallest bin sets the scale, ignoring the two ends where a white background piles up
        int max = 1;
        for (int i = 1; i < 255; i++) {
            max = Math.max(max, bins[i]);
        }
        double bw = w / 256;
        g.setFill(Color.rgb(200, 204, 210));
        for (int i = 0; i < 256; i++) {
            double bh = Math.min(1, (double) bins[i] / max) * (h - 4);
            g.fillRect(i * bw, h - bh, Math.max(1, bw), bh);
        }
        g.setStroke(Color.rgb(255, 145, 0));
        g.setLineDashes(4, 3);
        g.strokeLine(25 * bw, 0, 25 * bw, h);
        g.strokeLine(247 * bw, 0, 247 * bw, h);
        g.setLineDashes();
    }
}
