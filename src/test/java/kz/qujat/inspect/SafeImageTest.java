package kz.qujat.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
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
    void aColourJpegOrPngIsDecodedToImageIOsOwnPixelsInTheDecodersOrder() throws IOException {
        List<byte[]> jpegs = new ArrayList<>();
        try (var faces = java.nio.file.Files.newDirectoryStream(TestImages.FACES, "*.jpg")) {
            for (java.nio.file.Path f : faces) {
                jpegs.add(java.nio.file.Files.readAllBytes(f));
            }
        }
        jpegs.add(TestImages.jpeg(TestImages.standard().image(), 0.9f));
        jpegs.add(TestImages.jpeg(TestImages.signature(301, 97, 3f, java.awt.Color.BLUE, 1, 0, 1), 0.5f));
        jpegs.add(TestImages.png(TestImages.signature(301, 97, 3f, java.awt.Color.BLUE, 1, 0, 1)));
        jpegs.add(TestImages.png(TestImages.standard().image()));
        for (byte[] jpeg : jpegs) {
            BufferedImage own = ImageIO.read(new ByteArrayInputStream(jpeg));
            assertThat(own.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
            SafeImage.Result r = safe.decode(jpeg);
            assertThat(r.ok()).isTrue();
            // R, G, B bytes in a row (ImageIO's own choice holds B, G, R: each line was reversed byte by byte)
            assertThat(r.image().getType()).isEqualTo(BufferedImage.TYPE_CUSTOM);
            assertThat(((java.awt.image.PixelInterleavedSampleModel) r.image().getSampleModel()).getBandOffsets())
                    .containsExactly(0, 1, 2);
            assertSamePixels(r.image(), own);
            assertThat(new Raster(r.image()).pixels()).isEqualTo(new Raster(own).pixels());
        }
    }

    @Test
    void aGreyJpegKeepsImageIOsChoiceAndAColourProfileIsStillApplied() throws IOException {
        BufferedImage portrait = TestImages.standard().image();
        BufferedImage greyPortrait = new BufferedImage(portrait.getWidth(), portrait.getHeight(),
                BufferedImage.TYPE_BYTE_GRAY);
        greyPortrait.getGraphics().drawImage(portrait, 0, 0, null);
        byte[] grey = TestImages.jpeg(greyPortrait, 0.9f);
        SafeImage.Result g = safe.decode(grey);
        assertThat(g.image().getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertSamePixels(g.image(), ImageIO.read(new ByteArrayInputStream(grey)));

        // a profile of its own (here linear-light RGB): ImageIO converts each line from it to sRGB, into either layout
        byte[] colour = TestImages.jpeg(portrait, 0.9f);
        byte[] profiled = withProfile(colour, ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData());
        SafeImage.Result p = safe.decode(profiled);
        assertThat(p.ok()).isTrue();
        assertSamePixels(p.image(), ImageIO.read(new ByteArrayInputStream(profiled)));
        assertThat(new Raster(p.image()).pixels()).isNotEqualTo(new Raster(safe.decode(colour).image()).pixels());
    }

    private static void assertSamePixels(BufferedImage a, BufferedImage b) {
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        assertThat(a.getHeight()).isEqualTo(b.getHeight());
        assertThat(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth()))
                .isEqualTo(b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth()));
    }

    /** {@code jpeg} with an APP2 ICC_PROFILE segment holding {@code profile} after its JFIF segment. */
    private static byte[] withProfile(byte[] jpeg, byte[] profile) throws IOException {
        assertThat(jpeg[2] & 0xff).isEqualTo(0xFF);
        assertThat(jpeg[3] & 0xff).isEqualTo(0xE0);
        int app0End = 4 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, app0End);
        byte[] name = "ICC_PROFILE\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int length = 2 + name.length + 2 + profile.length;
        out.write(new byte[] {(byte) 0xFF, (byte) 0xE2, (byte) (length >> 8), (byte) length});
        out.write(name);
        out.write(new byte[] {1, 1});
        out.write(profile);
        out.write(jpeg, app0End, jpeg.length - app0End);
        return out.toByteArray();
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
