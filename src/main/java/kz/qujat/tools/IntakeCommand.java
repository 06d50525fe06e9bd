package kz.qujat.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import kz.qujat.api.IntakeRequest;
import kz.qujat.api.IntakeResponse;
import kz.qujat.api.Json;
import kz.qujat.api.Problem;
import kz.qujat.client.CentralClient;
import kz.qujat.client.CentralException;
import kz.qujat.domain.KzTime;
import kz.qujat.domain.Region;
import kz.qujat.tools.synthetic.SyntheticApplicant;
import kz.qujat.tools.synthetic.SyntheticApplicants;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qujat intake}: submits applications to the central service exactly as the e-gov portal would,
 * either one from a JSON file or N synthetic ones (seeding the population register first when a feed
 * key is given). Prints ticket numbers and problems, never names or IINs.
 */
@Command(name = "intake", mixinStandardHelpOptions = true,
        description = "Submit applications to the central service as the e-gov portal would.")
public final class IntakeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--central", required = true, description = "Base URL of the central service, e.g. http://localhost:8080")
    String central;

    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @Parameters(arity = "0..1", paramLabel = "FILE.json", description = "An application in the intake JSON shape (images base64 inside).")
        Path file;

        @Option(names = "--synthetic", paramLabel = "N", description = "Submit N synthetic applicants instead of a file.")
        Integer synthetic;
    }

    @Option(names = "--region", description = "Region code of the synthetic applicants (default ${DEFAULT-VALUE}).", defaultValue = "ASTANA")
    String region;

    @Option(names = "--seed", description = "Seed of the synthetic applicants (same seed, same people on the same day).", defaultValue = "1")
    long seed;

    @Option(names = "--defects", description = "Share 0..1 of synthetic applicants with a deliberate defect (default ${DEFAULT-VALUE}).", defaultValue = "0")
    double defects;

    @Option(names = "--registry-feed-key-file", paramLabel = "F", description = "File holding the register feed key; when given, each synthetic person is put into the register first.")
    Path feedKeyFile;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CentralClient client = new CentralClient(central);
        if (source.file != null) {
            IntakeRequest request = Json.mapper().readValue(source.file.toFile(), IntakeRequest.class);
            return submit(client, request, 1, "", out, err) ? 0 : 1;
        }
        Region r = Region.find(region).orElse(null);
        if (r == null || source.synthetic < 1 || defects < 0 || defects > 1) {
            err.println("--region must be a region code (e.g. ASTANA), --synthetic at least 1, --defects between 0 and 1");
            return 2;
        }
        char[] feedKey = feedKeyFile == null ? null : readSecret(feedKeyFile);
        try {
            SyntheticApplicants people = SyntheticApplicants.forSubmission(seed, KzTime.today(Clock.systemUTC()), defects);
            int failed = 0;
            for (int i = 1; i <= source.synthetic; i++) {
                SyntheticApplicant person = people.next(r);
                if (feedKey != null && !seedRegister(client, person, feedKey, i, err)) {
                    failed++;
                    continue;
                }
                String note = person.defect().map(d -> " (deliberate defect: " + d + ")").orElse("");
                failed += submit(client, person.toIntakeRequest(), i, note, out, err) ? 0 : 1;
            }
            out.printf("submitted %d of %d (%d failed)%n", source.synthetic - failed, source.synthetic, failed);
            out.flush();
            return failed == 0 ? 0 : 1;
        } finally {
            if (feedKey != null) {
                Arrays.fill(feedKey, '\0');
            }
        }
    }

    private static boolean seedRegister(CentralClient client, SyntheticApplicant person, char[] feedKey, int n,
                                        PrintWriter err) {
        try {
            client.putRegistryPerson(person.toRegistryPerson(), feedKey);
            return true;
        } catch (CentralException e) {
            err.printf("#%d register feed failed: %s%n", n, describe(e));
            err.flush();
            return false;
        }
    }

    private static boolean submit(CentralClient client, IntakeRequest request, int n, String note, PrintWriter out,
                                  PrintWriter err) {
        try {
            IntakeResponse response = client.submit(request);
            out.printf("#%d ticket %s %s%s%n", n, response.ticketNumber(), response.status(), note);
            response.warnings().forEach(w -> out.printf("#%d   warning: %s%n", n, w));
            out.flush();
            return true;
        } catch (CentralException e) {
            err.printf("#%d refused: %s%n", n, describe(e));
            err.flush();
            return false;
        }
    }

    /** A problem as a person reads it: status, kind, detail, and each field error on its own line. */
    static String describe(CentralException e) {
        if (e.problem().isEmpty()) {
            return e.getMessage();
        }
        Problem p = e.problem().get();
        StringBuilder sb = new StringBuilder().append(p.status()).append(' ').append(p.title());
        if (p.detail() != null) {
            sb.append(" — ").append(p.detail());
        }
        sb.append(" [").append(p.type()).append(']');
        for (Problem.FieldError f : p.errors()) {
            sb.append(System.lineSeparator()).append("    ").append(f.field()).append(": ").append(f.message());
        }
        return sb.toString();
    }

    /** Reads a secret file into chars without passing through a String, trimming the trailing line end. */
    private static char[] readSecret(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
            int end = chars.limit();
            while (end > 0 && Character.isWhitespace(chars.get(end - 1))) {
                end--;
            }
            char[] key = new char[end];
            chars.get(key, 0, end);
            Arrays.fill(chars.array(), '\0');
            return key;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
