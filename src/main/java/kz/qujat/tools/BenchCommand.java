package kz.qujat.tools;

import picocli.CommandLine.Command;

/** {@code qujat bench}: measurements that are printed, never asserted as timed unit tests. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = BenchEdsCommand.class,
        description = "Benchmarks; see 'qujat bench eds'.")
public final class BenchCommand implements Runnable {
    @Override
    public void run() {
        System.out.println("usage: qujat bench eds [--help]");
    }
}
