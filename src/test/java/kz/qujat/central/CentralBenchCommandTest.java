package kz.qujat.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kz.qujat.Main;
import kz.qujat.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

/** The central bench's plumbing at a tiny scale: its phases run and say what they measured (not how fast). */
class CentralBenchCommandTest {

    @Test
    void cpuPerOperationSplitsTheMachineIntoLoadClientServiceAndTheRest() {
        // 4 operations; the load client 2 ms, this JVM 6 ms (so the service 4 ms: 1 JIT, 0.4 GC), the machine 10 ms
        var r = new CentralBenchCommand.Result(List.of(1L, 2L, 3L, 4L), 1_000_000_000L, 2_000_000L, 6_000_000L,
                10_000_000L, 1_000_000L, 400_000L);
        assertThat(CentralBenchCommand.perOperationLine("claim", r)).isEqualTo("  CPU per claim: 2.500 ms of the"
                + " machine = load client 0.500 + service (this JVM less the load client) 1.000 (of which the JIT"
                + " compilers 0.250, the GC 0.100) + PostgreSQL and the rest 1.000");
    }

    @Test
    void withTheServiceInItsOwnJvmTheBenchJvmsOtherThreadsAreSeparated() {
        // 4 operations; the load client 2 ms, the bench's JVMs 10 ms of which the service's own 6 ms (1 JIT, 0.4
        // GC), so the bench JVM's other threads 2 ms; the machine 14 ms
        var r = new CentralBenchCommand.Result(List.of(1L, 2L, 3L, 4L), 1_000_000_000L, 2_000_000L, 10_000_000L,
                14_000_000L, 1_000_000L, 400_000L, 6_000_000L);
        assertThat(CentralBenchCommand.perOperationLine("claim", r)).isEqualTo("  CPU per claim: 3.500 ms of the"
                + " machine = load client 0.500 + the bench JVM's other threads 0.500 + service (its own JVM) 1.500"
                + " (of which the JIT compilers 0.250, the GC 0.100) + PostgreSQL and the rest 1.000");
    }

    @Test
    void anotherProcesssCpuIsReadFromProc() throws Exception {
        Process busy = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-version")
                .redirectErrorStream(true).start();
        long pid = busy.pid();
        long seen = 0;
        while (busy.isAlive()) {
            seen = Math.max(seen, CentralBenchCommand.procCpu(pid));
            Thread.sleep(5);
        }
        busy.waitFor();
        // a JVM starting and printing its version uses some CPU (its threads: some JIT, some GC); gone, it reads 0
        assertThat(seen).isPositive();
        assertThat(CentralBenchCommand.procCpu(pid)).isZero();
        assertThat(CentralBenchCommand.procCpu(ProcessHandle.current().pid())).isPositive();
    }

    @Test
    void theJvmsOwnThreadsAreCounted() {
        // this JVM has compiled by now: its compiler threads have used some CPU (the GC's may not have yet)
        assertThat(CentralBenchCommand.jvmInternalCpu()[0]).isPositive();
        assertThat(CentralBenchCommand.jvmInternalCpu()[1]).isNotNegative();
    }

    @Test
    void aSmallRunMeasuresTheApiTheHttpFloorAndTheBaselineOnTheServicesPool() throws Exception {
        String printed = run("bench", "central", "--clients", "2", "--applications", "6",
                "--db-pool", "3", "--warmup", "4", "--rounds", "2", "--db", TestPostgres.freshJdbcUrl(),
                "--service-java-options", " -Xmx768m -Xlog:gc:stdout ");
        // the service ran in a JVM of its own, which the bench stopped at the end
        java.util.regex.Matcher pid = java.util.regex.Pattern.compile("the service in its own JVM \\(pid (\\d+),")
                .matcher(printed);
        assertThat(pid.find()).as(printed).isTrue();
        assertThat(ProcessHandle.of(Long.parseLong(pid.group(1))).map(ProcessHandle::isAlive)).isNotEqualTo(
                java.util.Optional.of(true));
        assertThat(printed).contains("warm-up pass 1 of 2:", "warm-up pass 2 of 2:", "before the decisions: the JIT",
                "+ service (its own JVM) ", "after the warm-up's signatures, not counted");
        assertPhases(printed);
        // options given for the service's JVM are often diagnostics: its output is kept, and where is said
        java.util.regex.Matcher kept = java.util.regex.Pattern.compile(
                "the service's output \\(its own JVM, started with -Xmx768m -Xlog:gc:stdout\\) is kept in (\\S+)")
                .matcher(printed);
        assertThat(kept.find()).as(printed).isTrue();
        Path log = Path.of(kept.group(1));
        try {
            assertThat(Files.readString(log)).contains("Using ", "Central service listening on http://localhost:");
        } finally {
            Files.deleteIfExists(log);
        }
    }

    @Test
    void theServiceCanStillRunInTheBenchsOwnJvm() throws Exception {
        String printed = run("bench", "central", "--clients", "2", "--applications", "6", "--db-pool", "3",
                "--warmup", "4", "--warmup-passes", "1", "--rounds", "2", "--in-process", "--db",
                TestPostgres.freshJdbcUrl());
        assertThat(printed).contains("the service in this JVM (--in-process)", "warm-up pass 1 of 1:",
                "+ service (this JVM less the load client) ").doesNotContain("warm-up pass 2");
        assertPhases(printed);
    }

    @Test
    void steadyWarmsUpUntilTheServicesCompilersAreQuietUnderLoad() throws Exception {
        String printed = run("bench", "central", "--clients", "2", "--applications", "6", "--db-pool", "3",
                "--warmup", "4", "--warmup-passes", "1", "--steady", "--max-passes", "3", "--rounds", "2", "--db",
                TestPostgres.freshJdbcUrl());
        // without --service-java-options the service's output is deleted with it
        java.util.regex.Matcher output = java.util.regex.Pattern.compile("output in (\\S+)\\)").matcher(printed);
        assertThat(output.find()).as(printed).isTrue();
        assertThat(Path.of(output.group(1))).doesNotExist();
        assertThat(printed).doesNotContain("is kept in");
        assertThat(printed).contains("warm-up pass 1 of at least 1 (--steady):", "warm-up pass 2 of at least 1")
                .containsPattern("the JIT compilers \\d+\\.\\d\\d s of CPU meanwhile \\(the service's: \\d+\\.\\d\\d s of"
                        + " its \\d+\\.\\d\\d s, \\d+\\.\\d %\\)");
        // it stops after two quiet passes in a row, or says it gave up after the most allowed (tiny passes: mostly JIT)
        java.util.regex.Matcher last = java.util.regex.Pattern.compile("warm-up pass (\\d+) of").matcher(printed);
        int passes = 0;
        while (last.find()) {
            passes = Integer.parseInt(last.group(1));
        }
        assertThat(passes).isBetween(2, 3);
        if (passes == 3) {
            assertThat(printed).contains("the service's JIT compilers were still busy after 3 passes");
        }
        assertPhases(printed);
    }

    @Test
    void steadyNeedsTheServiceInItsOwnJvm() {
        String printed = run("bench", "central", "--clients", "2", "--applications", "6", "--steady", "--in-process");
        assertThat(printed).startsWith("exit 2\n").contains("--steady watches the service's own JVM's compilers")
                .doesNotContain("central bench:");
        assertThat(run("bench", "central", "--steady", "--max-passes", "1")).startsWith("exit 2\n")
                .contains("--max-passes must allow two quiet passes");
    }

    @Test
    void aServiceThatCannotStartIsReportedWithItsOutput() {
        String printed = run("bench", "central", "--clients", "2", "--applications", "6", "--warmup", "4",
                "--db", "jdbc:postgresql://127.0.0.1:1/nothing-listens-here");
        assertThat(printed).contains("the central service (its own JVM) did not come up, exit code");
    }

    private static String run(String... args) {
        PrintStream was = System.out;
        PrintStream wasErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrintStream both = new PrintStream(out, true, StandardCharsets.UTF_8);
            System.setOut(both);
            System.setErr(both);
            int code = Main.commandLine().execute(args);
            return "exit " + code + "\n" + out.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(was);
            System.setErr(wasErr);
        }
    }

    private static void assertPhases(String printed) {
        assertThat(printed).as(printed).startsWith("exit 0\n");
        assertThat(printed).containsPattern("claims via API +6 in").containsPattern("claims raw JDBC +6 in")
                .containsPattern("HTTP floor +6 in").containsPattern("decisions via API +6 in")
                .contains("3 connections as the service's pool", "the audit chainer caught up", "the floor alone allows a ratio", "CPU per API claim:",
                        "CPU per floor request:", "CPU per raw claim:", "round 2 (raw first): API ")
                .containsPattern("ratio API / raw JDBC over 2 rounds: median \\d+\\.\\d\\d \\(target >= 0\\.6\\),"
                        + " each \\[\\d+\\.\\d\\d, \\d+\\.\\d\\d\\]")
                // round 2's claims are decided in a timed round of their own: all 6 approved, none refused
                .containsPattern("decisions round 2: 6 in \\d+\\.\\d\\d s: \\d+\\.\\d/s")
                .containsPattern("decisions over 2 rounds: median \\d+\\.\\d/s \\(target >= 1000/s\\), each"
                        + " \\[\\d+\\.\\d, \\d+\\.\\d\\]");
    }
}
