package kz.qujat.tools;

import picocli.CommandLine.Command;

/** {@code qujat bench <what>}: speed and cost measurements, kept out of the unit tests on purpose. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: prints measured times; never part of the test verdict.",
        subcommands = {InspectBench.class})
public final class BenchCommand {
}
