package kz.qujat.workstation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qujat workstation --central URL}: the desktop program of officers, supervisors and clerks. */
@Command(name = "workstation", mixinStandardHelpOptions = true,
        description = "Open the workstation connected to a running central service.")
public final class WorkstationCommand implements Callable<Integer> {
    @Option(names = "--central", required = true, paramLabel = "URL", description = "Central service base URL.")
    String central;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder for settings and the decision outbox (default ~/.qujat/workstation).")
    Path data;

    @Option(names = "--trust", paramLabel = "DIR",
            description = "Trusted CA certificates and CRLs, to judge a certificate before login (optional).")
    Path trust;

    @Option(names = "--idle-minutes", defaultValue = "10", paramLabel = "N",
            description = "Lock the screen after N minutes without input (default ${DEFAULT-VALUE}).")
    int idleMinutes;

    @Option(names = "--lang", paramLabel = "ru|kk|en", description = "First language (default ru).")
    String lang;

    @Option(names = "--pkcs11-library", paramLabel = "FILE",
            description = "PKCS#11 module of a token offered at login (repeatable), e.g. the vendor's Kaztoken or "
                    + "ID-card library; default: SoftHSM2's when installed.")
    List<Path> pkcs11Libraries = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> args = arguments(central, data, trust, idleMinutes, lang);
        if (!pkcs11Libraries.isEmpty()) {
            args.add("--pkcs11-libraries=" + String.join(java.io.File.pathSeparator,
                    pkcs11Libraries.stream().map(p -> p.toAbsolutePath().toString()).toList()));
        }
        WorkstationLauncher.main(args.toArray(String[]::new));
        return 0;
    }

    /** The launch parameters {@link WorkstationApp} reads. */
    public static List<String> arguments(String central, Path data, Path trust, int idleMinutes, String lang) {
        List<String> args = new ArrayList<>();
        args.add("--central=" + central);
        if (data != null) {
            args.add("--data=" + data.toAbsolutePath());
        }
        if (trust != null) {
            args.add("--trust=" + trust.toAbsolutePath());
        }
        args.add("--idle-minutes=" + idleMinutes);
        if (lang != null) {
            args.add("--lang=" + lang);
        }
        return args;
    }
}
