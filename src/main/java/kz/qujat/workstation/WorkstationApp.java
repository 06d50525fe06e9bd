package kz.qujat.workstation;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application. Started by {@link WorkstationLauncher} with named parameters
 * ({@code --central=URL --data=DIR --trust=DIR --idle-minutes=N --lang=ru}); tests construct it with a
 * ready {@link AppContext}.
 */
public final class WorkstationApp extends Application {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WorkstationApp.class);
    private final Supplier<AppContext> contextSupplier;
    private AppContext context;
    private MainWindow window;

    public WorkstationApp() {
        this.contextSupplier = null;
    }

    public WorkstationApp(Supplier<AppContext> contextSupplier) {
        this.contextSupplier = contextSupplier;
    }

    /** The configuration named by the launch parameters. */
    public static WorkstationConfig config(Map<String, String> named) {
        String central = named.get("central");
        if (central == null) {
            throw new IllegalArgumentException("--central=URL is required");
        }
        Path data = named.containsKey("data") ? Path.of(named.get("data")) : WorkstationConfig.defaultDataDir();
        Path trust = named.containsKey("trust") ? Path.of(named.get("trust")) : null;
        Duration idle = Duration.ofMinutes(Long.parseLong(named.getOrDefault("idle-minutes", "10")));
        Locale lang = named.containsKey("lang") ? Locale.forLanguageTag(named.get("lang")) : null;
        java.util.List<Path> libraries = named.containsKey("pkcs11-libraries")
                ? java.util.Arrays.stream(named.get("pkcs11-libraries").split(java.io.File.pathSeparator))
                        .filter(s -> !s.isBlank()).map(Path::of).toList()
                : null;
        return new WorkstationConfig(central, data, trust, idle, lang, null, null, libraries);
    }

    @Override
    public void start(Stage stage) {
        WorkstationMemory.apply();
        context = contextSupplier != null ? contextSupplier.get()
                : new AppContext(config(getParameters().getNamed()), BackgroundTask.forFx(), Clock.systemUTC());
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        window = new MainWindow(context, stage);
        window.show();
        // how long a user waits from starting the program to a login screen they can use (the README quotes it)
        ProcessHandle.current().info().startInstant().ifPresent(started -> javafx.application.Platform.runLater(
                () -> LOG.info("login screen shown {} ms after the program started",
                        Duration.between(started, java.time.Instant.now()).toMillis())));
    }

    public MainWindow window() {
        return window;
    }

    @Override
    public void stop() {
        // the session's timers and refreshes stop before the executor they submit to is closed
        if (window != null) {
            window.close();
        }
        if (context != null) {
            context.close();
        }
    }
}
