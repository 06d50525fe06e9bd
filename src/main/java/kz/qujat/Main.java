package kz.qujat;

import kz.qujat.devpki.DevPkiCommand;
import kz.qujat.tools.InspectCommand;
import kz.qujat.tools.InspectEvalCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one entry point of {@code qujat.jar}: each program of Qujat is a subcommand. */
@Command(name = "qujat", mixinStandardHelpOptions = true, version = "Qujat 0.1.0",
        description = "Online ID card replacement: central service, production node, tools and workstation.",
        subcommands = {CommandLine.HelpCommand.class, DevPkiCommand.class, InspectCommand.class,
            InspectEvalCommand.class, kz.qujat.central.CentralCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Main());
    }
}
