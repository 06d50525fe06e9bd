package kz.qujat.demo;

import picocli.CommandLine;

/** Main class of {@code ./mvnw javafx:run}: the demo with its defaults (arguments as for {@code qujat demo}). */
public final class DemoLauncher {
    private DemoLauncher() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new DemoCommand()).execute(args));
    }
}
