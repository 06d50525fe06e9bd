package kz.qujat.tools.faceset;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sample portraits of {@code ../shared/faces} (CC BY 4.0, DeBruine and Jones), which stay out of the
 * product: tests read them where the repository's neighbour folder holds them (also on CI).
 */
public final class SampleFaces {
    private SampleFaces() {
    }

    public static Path dir() {
        Path dir = Path.of(System.getProperty("qujat.sampleFaces", "../shared/faces"));
        if (!Files.isRegularFile(dir.resolve("subjects.csv"))) {
            if (System.getenv("CI") != null) {
                fail("the sample faces are missing: " + dir.toAbsolutePath());
            }
            assumeTrue(false, "skipped: the sample faces (../shared/faces) are not next to the repository");
        }
        return dir;
    }
}
