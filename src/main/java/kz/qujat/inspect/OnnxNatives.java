package kz.qujat.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where ONNX Runtime's natives are loaded from. Left to itself, ONNX Runtime copies its two libraries out of the jar
 * into a fresh folder under {@code java.io.tmpdir} at every start and loads them from there: on a workstation or a
 * server whose temporary folder is mounted {@code noexec} (a common hardening) the load fails and with it every photo
 * check that needs a face. So, unless the operator named a folder ({@code -Donnxruntime.native.path=DIR}), the
 * libraries are unpacked once into the user's cache ({@code $XDG_CACHE_HOME/qujat} or {@code ~/.cache/qujat}; on
 * Windows {@code %LOCALAPPDATA%\Qujat\cache}; {@code -Dqujat.cacheDir=DIR} to choose), into a folder named by their
 * sizes and CRC-32s, each put in place whole and checked (unpacked again when missing or of another size), and ONNX
 * Runtime is pointed there. When the cache cannot be written, ONNX Runtime's own way is left as it is (one warning in
 * the log).
 */
final class OnnxNatives {
    static final String PATH_PROPERTY = "onnxruntime.native.path";
    static final String CACHE_PROPERTY = "qujat.cacheDir";
    private static final Logger LOG = LoggerFactory.getLogger(OnnxNatives.class);
    /** Process-wide, once (ONNX Runtime reads the property when it first loads): the one piece of state here. */
    private static final java.util.concurrent.atomic.AtomicBoolean PREPARED =
            new java.util.concurrent.atomic.AtomicBoolean();

    private OnnxNatives() {
    }

    /** Before ONNX Runtime's first use in this process; later calls return at once. */
    static void prepare() {
        if (!PREPARED.get()) {
            prepareOnce();
        }
    }

    private static synchronized void prepareOnce() {
        if (PREPARED.get()) {
            return;
        }
        try {
            String platform = platform();
            if (System.getProperty(PATH_PROPERTY) != null || platform == null) {
                return;
            }
            Path dir = unpack(cacheRoot(), platform);
            if (dir != null) {
                System.setProperty(PATH_PROPERTY, dir.toString());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("ONNX Runtime's natives could not be kept in the user's cache ({}); they are unpacked into the"
                    + " temporary folder instead", e.toString());
        } finally {
            // only now: a thread that finds it set goes on to load ONNX Runtime, which reads the property
            PREPARED.set(true);
        }
    }

    /**
     * Unpacks the natives of {@code platform} (as ONNX Runtime names it: linux-x64, win-x64, ...) under {@code root};
     * returns their folder, or null when the jar holds none for the platform (ONNX Runtime then reports it).
     * A library already there is kept when its size is the jar entry's (the folder's name carries the entries' sizes
     * and CRC-32s, read from the jar's directory, so a start with the cache in place inflates nothing); otherwise it
     * is unpacked again, checked against the entry's CRC-32 and moved into place atomically.
     */
    static Path unpack(Path root, String platform) throws IOException {
        Map<String, Packed> libraries = new LinkedHashMap<>();
        for (String name : new String[] {"onnxruntime", "onnxruntime4j_jni"}) {
            String file = System.mapLibraryName(name);
            java.net.URL url = OnnxNatives.class.getResource("/ai/onnxruntime/native/" + platform + "/" + file);
            if (url == null) {
                return null;
            }
            libraries.put(file, Packed.of(url));
        }
        // the folder is named by the libraries (a newer ONNX Runtime unpacks beside, never over, a running one)
        StringBuilder name = new StringBuilder(platform);
        libraries.values().forEach(l -> name.append('-').append(Long.toHexString(l.size))
                .append('-').append(Long.toHexString(l.crc)));
        Path dir = root.resolve("onnxruntime").resolve(name.toString());
        Files.createDirectories(dir);
        for (Map.Entry<String, Packed> lib : libraries.entrySet()) {
            Path target = dir.resolve(lib.getKey());
            Packed packed = lib.getValue();
            // a copy is only ever put in place whole and checked (below), in a folder named by the jar's entries:
            // one of the right size is that copy (reading 22 MB back at every start cost ~0.35 s)
            if (Files.isRegularFile(target) && Files.size(target) == packed.size) {
                continue;
            }
            Path part = Files.createTempFile(dir, lib.getKey(), ".part");
            try {
                try (InputStream in = packed.url.openStream()) {
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                }
                if (Files.size(part) != packed.size || crc(part) != packed.crc) {
                    throw new IOException("the unpacked " + lib.getKey() + " differs from the jar's");
                }
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(part);
            }
        }
        return dir;
    }

    /** A library in the jar: where, how long, its CRC-32. */
    private record Packed(java.net.URL url, long size, long crc) {
        static Packed of(java.net.URL url) throws IOException {
            java.net.URLConnection c = url.openConnection();
            if (c instanceof java.net.JarURLConnection jar) {
                java.util.jar.JarEntry e = jar.getJarEntry();
                if (e.getSize() >= 0 && e.getCrc() >= 0) {
                    return new Packed(url, e.getSize(), e.getCrc());
                }
            }
            // not in a jar (a classes folder): read it once to know
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            long size = 0;
            try (InputStream in = url.openStream()) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; size += n) {
                    crc.update(buf, 0, n);
                }
            }
            return new Packed(url, size, crc.getValue());
        }
    }

    private static long crc(Path file) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocateDirect(1 << 20);
            while (ch.read(buf) > 0) {
                buf.flip();
                crc.update(buf);
                buf.clear();
            }
        }
        return crc.getValue();
    }

    /** The user's cache folder for Qujat. */
    static Path cacheRoot() {
        String chosen = System.getProperty(CACHE_PROPERTY);
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen);
        }
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            String local = System.getenv("LOCALAPPDATA");
            if (local != null && !local.isBlank()) {
                return Path.of(local, "Qujat", "cache");
            }
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "qujat");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "qujat");
    }

    /** The platform folder ONNX Runtime's jar uses for this JVM, or null for one it has none for. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.startsWith("windows") ? "win" : os.startsWith("linux") ? "linux"
                : os.startsWith("mac") ? "osx" : null;
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : null;
        return o == null || a == null ? null : o + "-" + a;
    }
}
