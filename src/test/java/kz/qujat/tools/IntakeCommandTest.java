package kz.qujat.tools;

import kz.qujat.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.qujat.Main;
import kz.qujat.api.IntakeRequest;
import kz.qujat.api.Json;
import kz.qujat.api.ProblemKind;
import kz.qujat.central.CentralConfig;
import kz.qujat.central.CentralServer;
import kz.qujat.client.CentralClient;
import kz.qujat.client.CentralException;
import kz.qujat.domain.Region;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.TestPostgres;
import kz.qujat.tools.synthetic.SyntheticApplicants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The client and {@code qujat intake} against a real central service on a real PostgreSQL. */
class IntakeCommandTest {
    private static final String FEED_KEY = "feed-key-for-tests";
    private static CentralServer central;

    @BeforeAll
    static void startCentral() throws Exception {
        central = CentralServer.start(CentralConfig.builder().port(0).db(TestPostgres.freshJdbcUrl())
                .trustDir(DevIdentities.file("trust")).staffFile(DevIdentities.file("staff-dev.csv"))
                // the live clock, as the intake command's own: a fixed one kept the service on the day the suite began
                // while the command, after midnight in Almaty, made its applicants for the next day (30 days became 31)
                .registryFeedKey(FEED_KEY).clock(TestClock.live()).build());
    }

    @AfterAll
    static void stopCentral() {
        central.stop();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void syntheticApplicantsAreSeededInTheRegisterAndSubmitted(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("feed.key");
        Files.writeString(keyFile, FEED_KEY + "\n");
        Run run = run("intake", "--central", central.url(), "--synthetic", "3", "--region", "KARAGANDA", "--seed", "5",
                "--registry-feed-key-file", keyFile.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("submitted 3 of 3 (0 failed)");
        assertThat(run.out().lines().filter(l -> l.contains(" ticket "))).hasSize(3);
        assertThat(run.out()).doesNotContain("deliberate defect");
        // no personal data on the console
        var people = SyntheticApplicants.forSubmission(5, TestClock.today(), 0);
        var first = people.next(Region.KARAGANDA);
        assertThat(run.out() + run.err()).doesNotContain(first.iin().value()).doesNotContain(first.surname());
    }

    @Test
    void deliberateDefectsAreNamedNextToTheirTickets() {
        Run run = run("intake", "--central", central.url(), "--synthetic", "2", "--seed", "12", "--defects", "1");
        assertThat(run.out().lines().filter(l -> l.contains("deliberate defect: "))).as(run.err()).hasSize(2);
        Run bad = run("intake", "--central", central.url(), "--synthetic", "1", "--defects", "1.5");
        assertThat(bad.exit()).isEqualTo(2);
    }

    @Test
    void aWrongFeedKeyIsReportedAndTheExitCodeSaysSo(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("feed.key");
        Files.writeString(keyFile, "wrong");
        Run run = run("intake", "--central", central.url(), "--synthetic", "1", "--seed", "6",
                "--registry-feed-key-file", keyFile.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("401").contains("urn:qujat:problem:unauthenticated");
        assertThat(run.out()).contains("submitted 0 of 1 (1 failed)");
    }

    @Test
    void theExampleFileIsSubmittedAsThePortalWould(@TempDir Path dir) throws Exception {
        ObjectNode example = (ObjectNode) Json.mapper().readTree(
                getClass().getResourceAsStream("/intake/example-application.json"));
        // the committed file carries a fixed expiry date; move it into today's R3 window
        ((ObjectNode) example.get("currentDocument")).put("expiryDate",
                TestClock.today().plusDays(12).toString());
        Path file = dir.resolve("application.json");
        Files.write(file, Json.mapper().writeValueAsBytes(example));
        Run run = run("intake", "--central", central.url(), file.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("#1 ticket \\S+ SUBMITTED");
    }

    @Test
    void refusalsCarryTheProblemDetails(@TempDir Path dir) throws Exception {
        IntakeRequest ok = SyntheticApplicants.forSubmission(8, TestClock.today(), 0).next(Region.ASTANA).toIntakeRequest();
        // well before R3's 30 days, so also on the server's next day when the run crosses midnight in Almaty
        IntakeRequest tooEarly = new IntakeRequest(ok.iin(), ok.surname(), ok.givenName(), ok.patronymic(), ok.birthDate(),
                ok.documentType(), ok.reason(), new IntakeRequest.CurrentDocument(ok.currentDocument().number(),
                TestClock.today().plusDays(45)), ok.region(), ok.registrationPoint(), ok.feePaymentRef(),
                ok.phone(), ok.photo(), ok.signature());
        CentralClient client = new CentralClient(central.url());
        assertThatThrownBy(() -> client.submit(tooEarly)).isInstanceOfSatisfying(CentralException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.kind()).contains(ProblemKind.NOT_ELIGIBLE);
            assertThat(e.problem().orElseThrow().detail()).isEqualTo("оформление не доступно, обратитесь в ЦОН");
        });
        Path file = dir.resolve("bad.json");
        Files.write(file, Json.mapper().writeValueAsBytes(tooEarly));
        Run run = run("intake", "--central", central.url(), file.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("422").contains("оформление не доступно, обратитесь в ЦОН");
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).contains(ok.iin());
        assertThat(run.err()).doesNotContain(ok.iin());
    }

    @Test
    void anUnreachableCentralIsAClearFailure() {
        CentralClient client = new CentralClient("http://127.0.0.1:1");
        assertThatThrownBy(client::health).isInstanceOfSatisfying(CentralException.class,
                e -> assertThat(e.status()).isZero());
        Run run = run("intake", "--central", "http://127.0.0.1:1", "--synthetic", "1");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("not reachable");
    }

    @Test
    void theIntakeBenchSaysAnUnreachableCentralBeforePaintingItsApplicants() {
        // 100,000 applicants would take this client minutes to paint: the answer must come before them
        Run run = run("bench", "intake", "--central", "http://127.0.0.1:1", "--applications", "100000");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("bench intake: central service not reachable at http://127.0.0.1:1")
                .doesNotContain("Exception");
        Run noSuchProcess = run("bench", "intake", "--central", central.url(), "--applications", "100000",
                "--central-pid", Long.toString(Long.MAX_VALUE));
        assertThat(noSuchProcess.exit()).isEqualTo(2);
        assertThat(noSuchProcess.err()).contains("--central-pid " + Long.MAX_VALUE + ": no such process on this machine");
        Run steadyBlind = run("bench", "intake", "--central", central.url(), "--applications", "100000", "--steady");
        assertThat(steadyBlind.exit()).isEqualTo(2);
        assertThat(steadyBlind.err()).contains("--steady needs --central-pid: it watches the service's JIT compilers");
    }

    @Test
    void healthAnswers() throws Exception {
        assertThat(new CentralClient(central.url()).health().toString()).contains("UP");
    }
}
