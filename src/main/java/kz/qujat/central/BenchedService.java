package kz.qujat.central;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kz.qujat.api.Paths;

/**
 * The central instance {@code qujat bench central} loads: in the bench's own JVM, or in a JVM of its own started as
 * an operator starts one ({@code qujat central}, the same java and class path), so that the load client and the raw
 * baseline stay outside the service as real workstations do and the two JVMs' compilers, profiles and collectors do
 * not mix the service's code with the client's.
 */
abstract class BenchedService implements AutoCloseable {

    /** The service's base URL. */
    abstract String url();

    /** The most database connections the service keeps open ({@code --db-pool}). */
    abstract int dbPoolSize();

    /** The process id of the service's own JVM, or 0 when it runs in the bench's JVM. */
    abstract long pid();

    /** For the bench's first line. */
    abstract String describe();

    @Override
    public abstract void close();

    static BenchedService inProcess(CentralServer server) {
        return new BenchedService() {
            @Override
            String url() {
                return server.url();
            }

            @Override
            int dbPoolSize() {
                return server.dbPoolSize();
            }

            @Override
            long pid() {
                return 0;
            }

            @Override
            String describe() {
                return "in this JVM (--in-process)";
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }

    /**
     * Starts {@code qujat central} in a JVM of its own on {@code port} (0: a free one) against {@code db} (the
     * database user and password from the environment, inherited), with the bench's trust folder, staff file and
     * pool and a one-hour claim; waits until it answers {@code GET /health}. Its output goes to a log file, named in
     * the error if it does not come up within two minutes; deleted when the service is closed, unless
     * {@code javaOptions} were given (then kept, and where is printed).
     */
    static BenchedService ownJvm(int port, String db, Path certs, int dbPool, String javaOptions) throws IOException {
        int chosen = port != 0 ? port : freePort();
        Path log = Files.createTempFile("qujat-bench-central-service", ".log");
        // JVM options given for the service are often diagnostics (-XX:+PrintCompilation, GC logs) read afterwards
        boolean keepLog = javaOptions != null && !javaOptions.isBlank();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (javaOptions != null && !javaOptions.isBlank()) {
            command.addAll(List.of(javaOptions.trim().split("\\s+")));
        }
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("qujat.")).sorted()
                .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "kz.qujat.Main", "central",
                "--port", Integer.toString(chosen), "--db", db, "--db-pool", Integer.toString(dbPool),
                "--trust", certs.resolve("trust").toString(), "--staff", certs.resolve("staff-dev.csv").toString(),
                "--claim-ttl", Duration.ofHours(1).toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        Thread reaper = new Thread(process::destroyForcibly, "bench-central-service-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        String url = "http://127.0.0.1:" + chosen;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!answers(url + Paths.HEALTH)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the central service (its own JVM) did not come up"
                        + (process.isAlive() ? " within 2 minutes" : ", exit code " + exitCode(process))
                        + "; its output: " + log + "\n" + tail(log));
            }
            sleep(100);
        }
        return new BenchedService() {
            @Override
            String url() {
                return url;
            }

            @Override
            int dbPoolSize() {
                return dbPool;
            }

            @Override
            long pid() {
                return process.pid();
            }

            @Override
            String describe() {
                return "in its own JVM (pid " + process.pid() + ", output in " + log + ")";
            }

            @Override
            public void close() {
                process.destroy(); // SIGTERM: its shutdown hook stops it in order
                try {
                    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor();
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
                try {
                    Runtime.getRuntime().removeShutdownHook(reaper);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs anyway
                }
                if (keepLog) {
                    System.out.println("the service's output (its own JVM, started with " + javaOptions.trim()
                            + ") is kept in " + log);
                    return;
                }
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // a log left in the temporary folder is harmless
                }
            }
        };
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static boolean answers(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            try {
                return c.getResponseCode() == 200;
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static String exitCode(Process p) {
        try {
            return Integer.toString(p.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the central service started", e);
        }
    }
}
