package kz.qujat.workstation.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The photos are shown from a copy no larger than drawn; the original is decoded only while zoomed past it. */
class ShownImageTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aLargePhotoIsShownFromACopyAndDecodedInFullOnlyWhenZoomedPastIt() throws Exception {
        ShownImage shown = ShownImage.of(jpeg(1200, 1600));
        assertThat(shown.width()).as("the zoom and overlays keep the original's pixels").isEqualTo(1200);
        assertThat(shown.height()).isEqualTo(1600);
        assertThat(shown.copy().getWidth()).isEqualTo(463);
        assertThat(shown.copy().getHeight()).isEqualTo(ShownImage.COPY_HEIGHT);

        assertThat(shown.at(0.3)).as("fitted in a viewer smaller than the copy").isSameAs(shown.copy());
        assertThat(shown.holdsFull()).isFalse();
        Image full = shown.at(1.0);
        assertThat(full.getWidth()).as("one to one: the original pixels").isEqualTo(1200);
        assertThat(shown.holdsFull()).isTrue();
        assertThat(shown.at(4.0)).isSameAs(full);
        assertThat(shown.at(0.3)).isSameAs(shown.copy());
        shown.release();
        assertThat(shown.holdsFull()).isFalse();
    }

    @Test
    void aPhotoNoLargerThanTheCopyIsDecodedOnceAndNeverEnlarged() throws Exception {
        ShownImage shown = ShownImage.of(jpeg(300, 385));
        assertThat(shown.copy().getWidth()).isEqualTo(300);
        assertThat(shown.at(8.0)).isSameAs(shown.copy());
        assertThat(shown.holdsFull()).isFalse();
        assertThat(ShownImage.of(null)).isNull();
    }

    @Test
    void aSignatureIsDecodedAtTwiceItsShownHeightAndASmallOneAsItIs() throws Exception {
        Image big = ShownImage.fitted(jpeg(900, 300), 640, 160);
        assertThat(big.getWidth()).isEqualTo(480);
        assertThat(big.getHeight()).isEqualTo(160);
        Image small = ShownImage.fitted(jpeg(300, 100), 640, 160);
        assertThat(small.getWidth()).isEqualTo(300);
        assertThat(small.getHeight()).isEqualTo(100);
    }

    private static byte[] jpeg(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.WHITE, w, h, new Color(40, 60, 90)));
        g.fillRect(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }
}
