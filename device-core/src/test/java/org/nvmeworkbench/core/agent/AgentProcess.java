package org.nvmeworkbench.core.agent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command line of this build in a process of its own (an agent, or a client to kill mid-run), with its own
 * workbench folder; started on loopback only.
 */
final class AgentProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    final Process process;
    final Path home;
    final List<String> output = new ArrayList<>();
    private int port = -1;

    private AgentProcess(Process process, Path home) {
        this.process = process;
        this.home = home;
    }

    /** Starts {@code nvme-workbench ARGS} with {@code home} as its workbench folder. */
    static AgentProcess start(Path home, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dnvmeworkbench.home=" + home, "-cp", System.getProperty("java.class.path"),
                "org.nvmeworkbench.core.cli.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        AgentProcess a = new AgentProcess(p, home);
        Thread reader = new Thread(() -> a.read(), "process-output");
        reader.setDaemon(true);
        reader.start();
        return a;
    }

    /** An agent on a free loopback port, once it listens. */
    static AgentProcess agent(Path home) throws Exception {
        AgentProcess a = start(home, "agent", "--listen", "127.0.0.1:0");
        a.awaitPort();
        return a;
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                synchronized (this) {
                    output.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port = Integer.parseInt(m.group(1));
                    }
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // The process ended.
        }
    }

    synchronized int awaitPort() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (port < 0) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the agent did not start: " + output);
            }
            wait(200);
        }
        return port;
    }

    synchronized String outputText() {
        return String.join("\n", output);
    }

    Path tokenFile() {
        return home.resolve("agent").resolve("token");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
