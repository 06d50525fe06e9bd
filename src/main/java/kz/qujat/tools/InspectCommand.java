package kz.qujat.tools;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import kz.qujat.api.Json;
import kz.qujat.inspect.YuNetFaceFinder;
import kz.qujat.inspect.PhotoInspector;
import kz.qujat.inspect.SignatureInspector;
import kz.qujat.inspect.Thresholds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code qujat inspect PHOTO [--signature FILE]}: every photo and signature check as JSON on standard output. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Runs the photo (and signature) checks of rule R7 and prints them as JSON.")
public final class InspectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PHOTO", description = "JPEG or PNG portrait")
    Path photo;

    @Option(names = "--signature", paramLabel = "FILE", description = "JPEG or PNG image of the handwritten signature")
    Path signature;

    @Option(names = "--lang", defaultValue = "ru", description = "language of the explanations: ru, kk or en (default ${DEFAULT-VALUE})")
    String lang;

    @Option(names = "--thresholds", paramLabel = "FILE", description = "thresholds file (default: the shipped one)")
    Path thresholdsFile;

    @Override
    public Integer call() throws Exception {
        Thresholds thresholds = thresholdsFile == null ? Thresholds.defaults()
                : Thresholds.read(Files.newBufferedReader(thresholdsFile));
        Locale locale = Locale.forLanguageTag(lang);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("photo", InspectionJson.of(new PhotoInspector(thresholds, new YuNetFaceFinder())
                .inspect(Files.readAllBytes(photo)), locale));
        if (signature != null) {
            out.set("signature", InspectionJson.of(new SignatureInspector(thresholds)
                    .inspect(Files.readAllBytes(signature)), locale));
        }
        System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
        return 0;
    }
}
