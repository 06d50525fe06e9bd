package kz.qujat.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class SafeImageTest {
    private final SafeImage safe = SafeImage.fromThresholds(Thresholds.defaults());
    private final PhotoInspector photos = new PhotoInspector(Thresholds.defaults(), FaceFinder.NONE);

    @Test
    void aPngClaiming50000SquarePixelsIsRefusedFromItsHeader() throws IOException {
        byte[] bomb = png(50_000, 50_000);
        SafeImage.Result r = safe.decode(bomb);
        assertThat(r.problem()).isEqualTo(SafeImage.Problem.TOO_MANY_PIXELS);
        assertThat(r.header().width()).isEqualTo(50_000);
        assertThat(bomb.length).isLessThan(1000);
    }

    @Test
    void decodingWritesNothingToDisk() throws IOException {
        // ImageIO's byte streams, with its default cache, copy the whole image into a file in the cache directory;
        // with that directory gone, such a stream cannot even be made: a decode that works wrote no file
        byte[] jpeg = TestImages.jpeg(TestImages.signature(300, 100, 3f, java.awt.Color.BLACK, 1, 0, 1), 0.9f);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(TestImages.signature(200, 80, 3f, java.awt.Color.BLACK, 1, 0, 1), "png", png);
        java.nio.file.Path gone = java.nio.file.Files.createTempDirectory("no-image-cache");
        java.io.File before = javax.imageio.ImageIO.getCacheDirectory();
        boolean cache = javax.imageio.ImageIO.getUseCache();
        javax.imageio.ImageIO.setUseCache(true);
        javax.imageio.ImageIO.setCacheDirectory(gone.toFile());
        java.nio.file.Files.delete(gone);
        try {
            assertThat(javax.imageio.ImageIO.getUseCache()).isTrue();
            SafeImage.Result r = safe.decode(jpeg);
            assertThat(r.ok()).as(String.valueOf(r.problem())).isTrue();
            assertThat(r.image().getWidth()).isEqualTo(300);
            assertThat(safe.decode(png.toByteArray()).ok()).isTrue();
        } finally {
            javax.imageio.ImageIO.setCacheDirectory(before);
            javax.imageio.ImageIO.setUseCache(cache);
        }
    }

    @Test
    void truncatedJpegIsReportedNotPaddedWithGrey() {
        byte[] jpeg = TestImages.jpeg(TestImages.signature(300, 100, 3f, java.awt.Color.BLACK, 1, 0, 1), 0.9f);
        SafeImage.Result r = safe.decode(Arrays.copyOf(jpeg, jpeg.length * 2 / 3));
        assertThat(r.problem()).isEqualTo(SafeImage.Problem.TRUNCATED);
        assertThat(safe.decode(jpeg).ok()).isTrue();
    }

    @Test
    void corruptAndForeignBytesAreRefused() {
        byte[] jpeg = TestImages.jpeg(TestImages.signature(300, 100, 3f, java.awt.Color.BLACK, 1, 0, 1), 0.9f);
        byte[] broken = jpeg.clone();
        for (int i = 20; i < 200; i++) {
            broken[i] = (byte) 0xFF;
        }
        assertThat(safe.decode(broken).problem()).isIn(SafeImage.Problem.CORRUPT, SafeImage.Problem.TRUNCATED);
        assertThat(safe.decode("GIF89a....".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).problem())
                .isEqualTo(SafeImage.Problem.NOT_JPEG_OR_PNG);
        assertThat(safe.decode(new byte[0]).problem()).isEqualTo(SafeImage.Problem.EMPTY);
    }

    @Test
    void moreThan15MegabytesIsRefusedUnread() {
        byte[] big = new byte[16 * 1024 * 1024];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        assertThat(safe.decode(big).problem()).isEqualTo(SafeImage.Problem.TOO_MANY_BYTES);
    }

    @Test
    void theInspectorTurnsABadFileIntoAFailNotAnException() {
        Report r = photos.inspect(new byte[] {1, 2, 3});
        assertThat(r.check("photo.decodable").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.check("photo.decodable").messageKey()).isEqualTo("inspect.decode.not-jpeg-or-png");
        assertThat(r.check("photo.ied").verdict()).isEqualTo(Verdict.NOT_MEASURED);
        assertThat(r.worst()).isEqualTo(Verdict.FAIL);
    }

    /** A syntactically valid PNG whose header claims the given size, with a few bytes of data. */
    private static byte[] png(int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(ihdr);
        d.writeInt(w);
        d.writeInt(h);
        d.write(new byte[] {8, 2, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[1024]);
        deflater.finish();
        byte[] buf = new byte[2048];
        int n = deflater.deflate(buf);
        chunk(out, "IDAT", Arrays.copyOf(buf, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(data.length);
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }
}
