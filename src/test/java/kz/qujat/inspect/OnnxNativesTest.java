package kz.qujat.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxNativesTest {

    private static byte[] inJar(String platform, String library) throws Exception {
        try (InputStream in = OnnxNatives.class.getResourceAsStream("/ai/onnxruntime/native/" + platform + "/"
                + System.mapLibraryName(library))) {
            assertThat(in).as("the jar's " + library + " for " + platform).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void theNativesAreUnpackedOnceIntoTheCacheAndAgainWhenACopyIsMissingOrCutShort(@TempDir Path root) throws Exception {
        String platform = OnnxNatives.platform();
        assertThat(platform).as("this machine's platform").isNotNull();
        Path dir = OnnxNatives.unpack(root, platform);
        assertThat(dir.getParent()).isEqualTo(root.resolve("onnxruntime"));
        assertThat(dir.getFileName().toString()).startsWith(platform + "-");
        Path runtime = dir.resolve(System.mapLibraryName("onnxruntime"));
        Path jni = dir.resolve(System.mapLibraryName("onnxruntime4j_jni"));
        assertThat(Files.readAllBytes(runtime)).isEqualTo(inJar(platform, "onnxruntime"));
        assertThat(Files.readAllBytes(jni)).isEqualTo(inJar(platform, "onnxruntime4j_jni"));

        // a second start finds them as they are and leaves them
        FileTime old = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
        Files.setLastModifiedTime(runtime, old);
        assertThat(OnnxNatives.unpack(root, platform)).isEqualTo(dir);
        assertThat(Files.getLastModifiedTime(runtime)).isEqualTo(old);

        // a copy cut short (a full disk, a copy by hand) or gone is unpacked again; no partial file is left behind
        Files.write(jni, new byte[] {1, 2, 3});
        Files.delete(runtime);
        OnnxNatives.unpack(root, platform);
        assertThat(Files.readAllBytes(jni)).isEqualTo(inJar(platform, "onnxruntime4j_jni"));
        assertThat(Files.readAllBytes(runtime)).isEqualTo(inJar(platform, "onnxruntime"));
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString()).toList())
                    .containsExactlyInAnyOrder(runtime.getFileName().toString(), jni.getFileName().toString());
        }
        assertThat(OnnxNatives.unpack(root, "solaris-sparc")).as("no natives for the platform").isNull();
    }

    @Test
    void onnxRuntimeIsLoadedFromTheCacheNotFromTheTemporaryFolder() throws Exception {
        new YuNetFaceFinder().detectAll(new Raster(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB)));
        Path chosen = OnnxNatives.cacheRoot().toAbsolutePath();
        String used = System.getProperty(OnnxNatives.PATH_PROPERTY);
        assertThat(used).as("set before ONNX Runtime loaded").isNotNull();
        assertThat(Path.of(used).toAbsolutePath()).startsWith(chosen.resolve("onnxruntime"));
        Path maps = Path.of("/proc/self/maps");
        if (Files.isReadable(maps)) {
            List<String> mapped = Files.readAllLines(maps).stream().filter(l -> l.contains("libonnxruntime")).toList();
            assertThat(mapped).isNotEmpty().allSatisfy(l -> assertThat(l).contains(used));
        }
    }
}
