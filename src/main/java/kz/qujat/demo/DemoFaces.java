package kz.qujat.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kz.qujat.domain.Iin;
import kz.qujat.domain.Region;
import kz.qujat.inspect.YuNetFaceFinder;
import kz.qujat.tools.faceset.FaceSet;
import kz.qujat.tools.synthetic.SyntheticApplicant;
import kz.qujat.tools.synthetic.SyntheticApplicants;

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
    private final Map<String, FaceSet.Sitter> sitters;
    private final YuNetFaceFinder finder = new YuNetFaceFinder();

    private DemoFaces(Path dir, Map<String, FaceSet.Sitter> sitters) {
        this.dir = dir;
        this.sitters = sitters;
    }

    /** The face set at {@code dir}, if it is there with every photo the examples use. */
    static Optional<DemoFaces> open(Path dir) {
        for (Example e : EXAMPLES) {
            if (!Files.isRegularFile(dir.resolve(e.submitted())) || !Files.isRegularFile(dir.resolve(e.register()))) {
                return Optional.empty();
            }
        }
        Map<String, FaceSet.Sitter> sitters = new HashMap<>();
        try {
            for (FaceSet.Sitter s : FaceSet.open(dir).sitters()) {
                sitters.put(s.id() + ".jpg", s);
            }
        } catch (IOException unreadable) {
            return Optional.empty();
        }
        for (Example e : EXAMPLES) {
            FaceSet.Sitter s = sitters.get(e.submitted());
            if (s == null || sex(s).isEmpty() || s.age() < 18) {
                return Optional.empty();
            }
        }
        return Optional.of(new DemoFaces(dir, sitters));
    }

    /**
     * A synthetic applicant whose sex (in the IIN, the name and the patronymic) and age agree with the sitter of
     * the example's submitted photo, so the officer does not see a man's name beside a woman's face.
     */
    SyntheticApplicant applicantFor(Example e, SyntheticApplicants people, Region region) {
        FaceSet.Sitter s = sitters.get(e.submitted());
        return people.next(region, sex(s).orElseThrow(), s.age());
    }

    private static Optional<Iin.Sex> sex(FaceSet.Sitter s) {
        return switch (s.gender().toLowerCase(Locale.ROOT)) {
            case "female" -> Optional.of(Iin.Sex.FEMALE);
            case "male" -> Optional.of(Iin.Sex.MALE);
            default -> Optional.empty();
        };
    }

    /** The portrait cropped to 35×45 around the eyes, as a JPEG. */
    byte[] portrait(String file) throws IOException {
        return FaceSet.portraitJpeg(dir.resolve(file), finder);
    }
}
