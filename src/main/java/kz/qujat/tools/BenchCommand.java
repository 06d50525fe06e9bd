package kz.qujat.tools;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qujat bench <what>}: speed and cost measurements, printed, never asserted as timed unit tests. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {InspectBench.class, BenchEdsCommand.class, IntakeBench.class},
        description = "Benchmarks: 'qujat bench inspect' (photo checks), 'qujat bench eds' (signing and verification), 'qujat bench intake' (intake throughput), 'qujat bench central' (claims and decisions).")
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
