package kz.qujat.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
    void theJvmsOwnThreadsAreCounted() {
        // this JVM has compiled by now: its compiler threads have used some CPU (the GC's may not have yet)
        assertThat(CentralBenchCommand.jvmInternalCpu()[0]).isPositive();
        assertThat(CentralBenchCommand.jvmInternalCpu()[1]).isNotNegative();
    }

    @Test
    void aSmallRunMeasuresTheApiTheHttpFloorAndTheBaselineOnTheServicesPool() throws Exception {
        PrintStream was = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = Main.commandLine().execute("bench", "central", "--clients", "2", "--applications", "6",
                    "--db-pool", "3", "--warmup", "4", "--rounds", "2", "--db", TestPostgres.freshJdbcUrl());
        } finally {
            System.setOut(was);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isZero();
        assertThat(printed).containsPattern("claims via API +6 in").containsPattern("claims raw JDBC +6 in")
                .containsPattern("HTTP floor +6 in").containsPattern("decisions via API +6 in")
                .contains("3 connections as the service's pool", "the audit chainer caught up", "the floor alone allows a ratio", "CPU per API claim:",
                        "CPU per floor request:", "CPU per raw claim:", "round 2 (raw first): API ")
                .containsPattern("ratio API / raw JDBC over 2 rounds: median \\d+\\.\\d\\d \\(target >= 0\\.6\\),"
                        + " each \\[\\d+\\.\\d\\d, \\d+\\.\\d\\d\\]");
    }
}
