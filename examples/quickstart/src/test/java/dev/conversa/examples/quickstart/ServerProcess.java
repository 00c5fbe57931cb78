package dev.conversa.examples.quickstart;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@link KillTestServer} in a child JVM, started with the test's own {@code java} and class
 * path, in a working directory and with an environment of the test's choosing (nothing is
 * inherited from the test's environment). Its output is appended to {@code server.log} in the
 * working directory. Every wait is bounded.
 *
 * <p>Not thread-safe, except {@link #kill()}, which any thread may call.
 */
final class ServerProcess {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration KILLED = Duration.ofSeconds(20);
    /** Conversa's close waits up to 10 s for the dispatcher's work and 10 s for the outbox's. */
    private static final Duration STOPPED = Duration.ofSeconds(40);

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the server and waits until it listens.
     *
     * @param directory the working directory: the H2 file goes to its {@code data} directory
     * @param environment the whole environment of the child
     * @return the running server
     * @throws IOException if the JVM cannot be started
     * @throws AssertionError if the server exits, or does not listen within a minute
     */
    static ServerProcess start(Path directory, Map<String, String> environment) throws IOException {
        Path portFile = directory.resolve(KillTestServer.PORT_FILE);
        Files.deleteIfExists(portFile);
        Path log = directory.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), KillTestServer.class.getName())
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            await("the server to listen").atMost(START).pollInterval(Duration.ofMillis(50))
                    .until(() -> Files.exists(portFile) || !process.isAlive());
            if (!Files.exists(portFile)) {
                throw new AssertionError("the server exited with code " + process.exitValue()
                        + " before it listened; see " + log);
            }
            return new ServerProcess(process, Integer.parseInt(Files.readString(portFile).trim()), log);
        } catch (RuntimeException | Error e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** The port the server listens on, on {@code 127.0.0.1}. */
    int port() {
        return port;
    }

    /** Where the server's output goes. */
    Path log() {
        return log;
    }

    /** Sends SIGKILL (what {@link Process#destroyForcibly()} sends on Linux) and returns at once. */
    void kill() {
        process.destroyForcibly();
    }

    /**
     * Sends SIGTERM, so the server closes as the quick start does, and waits until it exited.
     *
     * @throws AssertionError if it did not exit in time; it is then killed
     */
    void stop() throws InterruptedException {
        process.destroy();
        awaitExit(STOPPED);
    }

    /**
     * Waits until the process has exited after {@link #kill()}.
     *
     * @return its exit code: 137 (128 + SIGKILL) when the signal ended it
     * @throws AssertionError if it did not exit in time; it is then killed
     */
    int awaitKilled() throws InterruptedException {
        return awaitExit(KILLED);
    }

    private int awaitExit(Duration bound) throws InterruptedException {
        if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the server did not exit within " + bound + "; see " + log);
        }
        return process.exitValue();
    }

    /** Kills the process if it still runs and waits, a bounded time, until it is gone. */
    void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(KILLED.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
