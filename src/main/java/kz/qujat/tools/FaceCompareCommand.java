package kz.qujat.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import kz.qujat.api.Json;
import kz.qujat.inspect.Explanations;
import kz.qujat.inspect.SamePerson;
import kz.qujat.inspect.Thresholds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code qujat face-compare A.jpg B.jpg}: are the two photos the same person? Prints JSON with the descriptor
 * distance, the verdict (SAME / UNSURE / DIFFERENT, or NOT_MEASURED with the reason), the thresholds and
 * each photo's face. Exit 0 whatever the verdict; 2 when a file cannot be read.
 */
@Command(name = "face-compare", mixinStandardHelpOptions = true,
        description = "Compares the faces of two photos with the face descriptor (an aid, never a verdict on its own).")
public final class FaceCompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A", description = "first photo (JPEG or PNG)")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "second photo (JPEG or PNG)")
    Path b;

    @Option(names = "--lang", defaultValue = "ru", description = "language of the explanation: ru, kk or en (default ${DEFAULT-VALUE})")
    String lang;

    @Override
    public Integer call() throws Exception {
        for (Path p : new Path[] {a, b}) {
            if (!Files.isReadable(p)) {
                System.err.println("cannot read " + p);
                return 2;
            }
        }
        SamePerson.Result r = new SamePerson(Thresholds.defaults()).compare(Files.readAllBytes(a), Files.readAllBytes(b));
        System.out.println(Json.mapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(json(r, new Path[] {a, b}, Locale.forLanguageTag(lang))));
        return 0;
    }

    static ObjectNode json(SamePerson.Result r, Path[] files, Locale locale) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (Double.isNaN(r.distance())) {
            out.putNull("distance");
        } else {
            out.put("distance", Math.round(r.distance() * 10000) / 10000.0);
        }
        out.put("verdict", r.verdict().name());
        ObjectNode t = out.putObject("threshold");
        t.put("sameAtMost", r.sameAtMost());
        t.put("differentAbove", r.differentAbove());
        out.put("explanation", Explanations.text(r.reasonKey(), locale));
        ArrayNode faces = out.putArray("faces");
        for (int i = 0; i < r.faces().size(); i++) {
            SamePerson.Face f = r.faces().get(i);
            ObjectNode n = faces.addObject();
            n.put("file", files[i].getFileName().toString());
            n.put("found", f.found());
            if (f.found()) {
                n.putObject("box").put("x", f.box().x()).put("y", f.box().y()).put("width", f.box().width())
                        .put("height", f.box().height());
                n.put("score", Math.round(f.score() * 1000) / 1000.0);
            } else {
                n.put("reason", Explanations.text(f.reasonKey(), locale));
            }
        }
        return out;
    }
}
