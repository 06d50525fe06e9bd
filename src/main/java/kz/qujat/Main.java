package kz.qujat;

import kz.qujat.central.CentralBenchCommand;
import kz.qujat.central.CentralCommand;
import kz.qujat.central.ReconcileCommand;
import kz.qujat.central.audit.AuditCommand;
import kz.qujat.demo.DemoCommand;
import kz.qujat.devpki.DevPkiCommand;
import kz.qujat.production.ProductionCommand;
import kz.qujat.store.DataFolderInUseException;
import kz.qujat.tools.BenchCommand;
import kz.qujat.tools.FaceCompareCommand;
import kz.qujat.tools.InspectCommand;
import kz.qujat.tools.InspectEvalCommand;
import kz.qujat.tools.IntakeCommand;
import kz.qujat.tools.SignCommand;
import kz.qujat.tools.VerifyCommand;
import kz.qujat.workstation.WorkstationCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one entry point of {@code qujat.jar}: each program of Qujat is a subcommand. */
@Command(name = "qujat", mixinStandardHelpOptions = true, version = "Qujat 0.1.0",
        description = "Online ID card replacement: central service, production node, tools and workstation.",
        subcommands = {CommandLine.HelpCommand.class, DevPkiCommand.class, CentralCommand.class,
            ProductionCommand.class, ReconcileCommand.class, IntakeCommand.class, InspectCommand.class, InspectEvalCommand.class,
            SignCommand.class, VerifyCommand.class, FaceCompareCommand.class, BenchCommand.class, WorkstationCommand.class,
            DemoCommand.class,
            AuditCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        // the central benchmark starts a central instance: it lives with the central service, added here
        commandLine.getSubcommands().get("bench").addSubcommand("central", new CentralBenchCommand());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof DataFolderInUseException busy) {
                    // a situation for the operator, not a defect: one line saying what to do, no stack trace
                    cmd.getErr().println(busy.getMessage());
                    return 1;
                }
            }
            throw e;
        });
        return commandLine;
    }
}
