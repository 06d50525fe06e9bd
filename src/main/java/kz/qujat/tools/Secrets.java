package kz.qujat.tools;

import java.io.Console;
import java.util.function.UnaryOperator;

/** A password or PIN: from an environment variable for scripts, else asked on the terminal without echo. */
final class Secrets {
    private Secrets() {
    }

    /** Null when neither the variable nor a terminal is there; the caller clears the array after use. */
    static char[] read(UnaryOperator<String> environment, String envName, String prompt) {
        String env = environment.apply(envName);
        if (env != null) {
            return env.toCharArray();
        }
        Console console = System.console();
        return console == null ? null : console.readPassword("%s: ", prompt);
    }
}
