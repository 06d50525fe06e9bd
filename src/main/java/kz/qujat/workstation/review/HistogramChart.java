package kz.qujat.workstation.review;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The luminance histogram of the submitted photo (linear-light L, 256 bins), with the under- and
 * over-exposure limits of the exposure check (L ≤ 25, L ≥ 247) drawn as lines; heights are square roots of the counts.
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
        // square-root heights: a white background piles thousands of pixels into a few bins, and on a
        // linear scale the face's own tones would vanish next to it
        double max = 1;
        for (int v : bins) {
            max = Math.max(max, Math.sqrt(v));
        }
        double bw = w / 256;
        double[] xs = new double[258];
        double[] ys = new double[258];
        for (int i = 0; i < 256; i++) {
            xs[i + 1] = (i + 0.5) * bw;
            ys[i + 1] = h - Math.sqrt(bins[i]) / max * (h - 4);
        }
        xs[0] = 0;
        ys[0] = h;
        xs[257] = w;
        ys[257] = h;
        g.setFill(Color.rgb(200, 204, 210));
        g.fillPolygon(xs, ys, 258);
        g.setStroke(Color.rgb(255, 145, 0));
        g.setLineDashes(4, 3);
        g.strokeLine(25 * bw, 0, 25 * bw, h);
        g.strokeLine(247 * bw, 0, 247 * bw, h);
        g.setLineDashes();
    }
}
