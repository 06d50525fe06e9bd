package kz.qujat.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import kz.qujat.inspect.YuNetFaceFinder;
import kz.qujat.tools.faceset.FaceSet;

/**
 * Real portraits for the demo's same-person examples, read at run time from the sample face set
 * ({@code ../shared/faces}, CC BY 4.0, DeBruine and Jones; kept out of the product as its README asks) and cropped
 * to the 35×45 format around the eyes the detector finds, as a photographer would.
 */
final class DemoFaces {
    /** One example: the photo submitted, the photo in the register, what the check should say, and whether the
     * demo's history annuls it (for the supervisor's log) or leaves it in the queue (for the review screen). */
    record Example(String submitted, String register, String expected, boolean annulled) {
    }

    /** The same sitter neutral and smiling (SAME); two different sitters of one group (DIFFERENT), twice. */
    static final List<Example> EXAMPLES = List.of(
            new Example("099_03.jpg", "smiling/099_08.jpg", "SAME", false),
            new Example("091_03.jpg", "001_03.jpg", "DIFFERENT", false),
            new Example("022_03.jpg", "017_03.jpg", "DIFFERENT", true));

    private final Path dir;
    private final YuNetFaceFinder finder = new YuNetFaceFinder();

    private DemoFaces(Path dir) {
        this.dir = dir;
    }

    /** The face set at {@code dir}, if it is there with every photo the examples use. */
    static Optional<DemoFaces> open(Path dir) {
        for (Example e : EXAMPLES) {
            if (!Files.isRegularFile(dir.resolve(e.submitted())) || !Files.isRegularFile(dir.resolve(e.register()))) {
                return Optional.empty();
            }
        }
        return Optional.of(new DemoFaces(dir));
    }

    /** The portrait cropped to 35×45 around the eyes, as a JPEG. */
    byte[] portrait(String file) throws IOException {
        return FaceSet.portraitJpeg(dir.resolve(file), finder);
    }
}
