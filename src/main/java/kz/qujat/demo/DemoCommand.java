package kz.qujat.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import kz.qujat.client.CentralClient;
import kz.qujat.client.CentralException;
import kz.qujat.eds.EdsException;
import kz.qujat.workstation.UserSettings;
import kz.qujat.workstation.WorkstationCommand;
import kz.qujat.workstation.WorkstationLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qujat demo}: everything on one machine with one command. An embedded PostgreSQL (data kept in the
 * demo folder), the central service and the production node, synthetic applications on first start, then
 * the workstation pointed at it; closing the window stops everything.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start PostgreSQL, the central service, the production node, seed applications and open the workstation.")
public final class DemoCommand implements Callable<Integer> {
    static final String MARKER = ".qujat-demo";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Demo folder (default ~/.qujat/demo); kept between runs.")
    Path data = Path.of(System.getProperty("user.home"), ".qujat", "demo");

    @Option(names = "--fresh", description = "Wipe the demo folder first and seed again.")
    boolean fresh;

    @Option(names = "--certs", paramLabel = "DIR", description = "The development PKI folder (default ${DEFAULT-VALUE}).")
    Path certs = Path.of("certs-dev");

    @Option(names = "--faces", paramLabel = "DIR", description = "The sample face set for the same-person examples"
            + " (default ${DEFAULT-VALUE}; without it the demo has none).")
    Path faces = Path.of("..", "shared", "faces");

    @Option(names = "--no-window", hidden = true, description = "Start the back end only and wait (for scripted runs).")
    boolean noWindow;

    @Override
    public Integer call() throws IOException, EdsException, CentralException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(certs.resolve("staff-dev.csv"))) {
            err.println("certs-dev not found at " + certs.toAbsolutePath() + "; run from the project folder or pass --certs DIR");
            return 2;
        }
        if (fresh && !wipe(data, err)) {
            return 2;
        }
        Files.createDirectories(data);
        Files.writeString(data.resolve(MARKER), "Qujat demo data; safe to delete\n");
        rememberDemoKey(data.resolve("workstation"), certs.resolve("officer-astana.p12"));
        try (DemoStack stack = DemoStack.start(data, certs)) {
            // SIGTERM (Ctrl+C) stops the servers and PostgreSQL as closing the window does
            Thread hook = new Thread(stack::close, "qujat-demo-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            out.println("central service: " + stack.centralUrl());
            out.println("production node: " + stack.productionUrl());
            out.println("log in with certs-dev/officer-astana.p12 (password qujat-dev)");
            out.flush();
            if (noWindow) {
                seed(stack, out);
                Thread.currentThread().join();
            }
            // Seeding runs the intake checks in this process, which loads OpenCV, whose highgui pulls in GTK 2;
            // JavaFX refuses to start once GTK 2 is loaded. So the window comes up first and the seeding
            // follows as soon as the toolkit is running (the queue fills while the officer logs in).
            Thread seeding = new Thread(() -> {
                awaitFxToolkit();
                try {
                    seed(stack, out);
                } catch (IOException | CentralException | EdsException e) {
                    err.println("seeding the demo failed: " + e.getMessage());
                    err.flush();
                }
            }, "qujat-demo-seed");
            seeding.setDaemon(true);
            seeding.start();
            WorkstationLauncher.main(WorkstationCommand.arguments(stack.centralUrl(), data.resolve("workstation"),
                    certs.resolve("trust"), 10, null).toArray(String[]::new));
        }
        return 0;
    }

    /** Seeds a new demo (applications, then a past of decisions) and says what it did. */
    private void seed(DemoStack stack, PrintWriter out) throws IOException, CentralException, EdsException {
        java.util.List<DemoSeeder.Seeded> seeded = new DemoSeeder(new CentralClient(stack.centralUrl()),
                stack.feedKey()).seedOnce(data.resolve("seeded"), 20261126L, DemoFaces.open(faces));
        seeded.forEach(s -> out.println("  " + s.line()));
        if (!seeded.isEmpty()) {
            // a new demo also gets a past: decisions for the supervisor's log and documents for the clerk
            DemoHistory history = new DemoHistory(stack.centralUrl(), certs, seeded);
            history.decide().forEach(line -> out.println("  " + line));
            String refund = history.payOneRefund(kz.qujat.domain.KzTime.today(java.time.Clock.systemUTC()));
            if (refund != null) {
                out.println("  " + refund);
            }
        }
        out.println("applicants' notifications (development sink): " + DemoStack.notificationsFile(data));
        out.println(seeded.isEmpty() ? "using the applications of earlier runs (list: " + data.resolve("seeded") + ")"
                : "seeded " + seeded.size() + " applications");
        out.flush();
    }

    /** Waits until the JavaFX toolkit runs: Platform.runLater refuses until then, so ask again briefly. */
    private static void awaitFxToolkit() {
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        try {
            while (true) {
                try {
                    javafx.application.Platform.runLater(started::countDown);
                } catch (IllegalStateException notYet) {
                    // the toolkit is not initialised yet
                }
                if (started.await(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** On a new demo the login screen offers the Astana officer's key file; a file chosen later is kept. */
    static void rememberDemoKey(Path workstationData, Path keyFile) {
        UserSettings settings = new UserSettings(workstationData);
        if (settings.get(UserSettings.KEY_FILE).isEmpty()) {
            settings.put(UserSettings.KEY_FILE, keyFile.toAbsolutePath().toString());
        }
    }

    /** Deletes the demo folder, but only one that carries the demo's marker (never an arbitrary folder). */
    static boolean wipe(Path dir, PrintWriter err) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        if (!Files.exists(dir.resolve(MARKER))) {
            err.println(dir.toAbsolutePath() + " is not a Qujat demo folder (no " + MARKER + "); not wiping it");
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        return true;
    }
}
