import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A/B of decoding a submitted photo and signature between two builds ({@code SafeImage.decode}, then the checks' {@code Raster} of
 * it, as intake's edge check and the photo suite do): usage {@code DecodeAB BLOCKS DECODES_PER_BLOCK OLD_CLASSES
 * NEW_CLASSES} (see the README, "Benchmarks"). Old and new classes in one JVM (a class loader each), the photos (JPEG)
 * and signatures (PNG) of the intake bench's synthetic applicants (seed 17, made by the new build), decoded in
 * alternating blocks on this thread: wall time and this thread's CPU per application, summed per side. Each side's
 * pixels are checked equal to the other's.
 */
public class DecodeAB {
    static final class Side extends AbSupport.Side {
        final Object decoder;
        final Method decode;
        final Method image;
        final Constructor<?> raster;
        final Method pixels;
        final List<byte[]> photos;
        int next;

        Side(String name, String classes, List<byte[]> photos) throws Exception {
            super(name);
            this.photos = photos;
            ClassLoader l = AbSupport.build(classes);
            Class<?> safe = l.loadClass("kz.qujat.inspect.SafeImage");
            decoder = safe.getConstructor(long.class, long.class).newInstance(15L << 20, 40_000_000L);
            decode = safe.getMethod("decode", byte[].class);
            image = l.loadClass("kz.qujat.inspect.SafeImage$Result").getMethod("image");
            Class<?> r = l.loadClass("kz.qujat.inspect.Raster");
            raster = r.getConstructor(java.awt.image.BufferedImage.class);
            pixels = r.getDeclaredMethod("pixels");
            pixels.setAccessible(true);
        }

        int[] decoded(byte[] photo) throws Exception {
            Object img = image.invoke(decode.invoke(decoder, (Object) photo));
            if (img == null) {
                throw new IllegalStateException(totals.name + ": not decoded");
            }
            return (int[]) pixels.invoke(raster.newInstance(img));
        }

        /** One application's photo and signature. */
        @Override
        void one() throws Exception {
            decoded(photos.get(next++ % photos.size()));
            decoded(photos.get(next++ % photos.size()));
        }
    }

    public static void main(String[] a) throws Exception {
        int blocks = Integer.parseInt(a[0]);
        int k = Integer.parseInt(a[1]);
        ClassLoader maker = AbSupport.build(a[3]);
        Class<?> people = maker.loadClass("kz.qujat.tools.synthetic.SyntheticApplicants");
        Object stream = people.getMethod("forSubmission", long.class, java.time.LocalDate.class, double.class)
                .invoke(null, 17L, java.time.LocalDate.of(2026, 12, 3), 0.0);
        Class<?> region = maker.loadClass("kz.qujat.domain.Region");
        Object astana = region.getField("ASTANA").get(null);
        List<byte[]> photos = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Object p = people.getMethod("next", region).invoke(stream, astana);
            Object request = p.getClass().getMethod("toIntakeRequest").invoke(p);
            photos.add(Base64.getDecoder().decode((String) request.getClass().getMethod("photo").invoke(request)));
            photos.add(Base64.getDecoder().decode((String) request.getClass().getMethod("signature").invoke(request)));
        }
        Side old = new Side("old", a[2], photos);
        Side neu = new Side("new", a[3], photos);
        for (byte[] p : photos) {
            if (!java.util.Arrays.equals(old.decoded(p), neu.decoded(p))) {
                throw new IllegalStateException("the two builds decode an image to different pixels");
            }
        }
        AbSupport.alternate("applications' images decoded", old, neu, blocks, k);
    }
}
