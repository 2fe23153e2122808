package org.nvmeworkbench.core.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.nvmeworkbench.core.agent.AgentException;
import org.nvmeworkbench.core.device.DeviceException;
import org.nvmeworkbench.core.driver.DriverException;
import org.nvmeworkbench.core.pci.PciException;
import org.nvmeworkbench.core.record.RunRecordException;
import org.nvmeworkbench.core.workload.ToolVersion;
import org.nvmeworkbench.core.workload.WorkloadException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The headless command line: {@code nvme-workbench list | identify | get-feature | set-feature | run | bench}.
 * {@link #execute} returns the exit code and never exits, so the UI launcher can call it. Errors are one
 * sentence on stderr: exit 2 when the command line is wrong, 1 when the device refused or failed.
 */
@Command(name = "nvme-workbench", scope = ScopeType.INHERIT, versionProvider = Main.Version.class,
        subcommands = {ListCommand.class, IdentifyCommand.class, GetFeatureCommand.class, SetFeatureCommand.class,
            RunCommand.class, BaselineCommand.class, BenchCommand.class, SweepCommand.class, AgentCommand.class,
            ReportCommand.class},
        description = "Tune NVMe interrupt coalescing (Features 08h/09h): fio's run vocabulary, nvme-cli's feature vocabulary.")
public final class Main implements Callable<Integer> {
    private static final Logger LOG = Logger.getLogger(Main.class.getName());

    @Spec
    CommandSpec spec;

    /** Help on every command. */
    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help and exit.")
    boolean help;

    /**
     * The version on the top level only: nvme-cli 2.x's set-feature takes -V as its value, and an inherited
     * -V there printed the version and exited 0 without setting anything.
     */
    @Option(names = {"-V", "--version"}, versionHelp = true, scope = ScopeType.LOCAL, description = "Print the version and exit.")
    boolean version;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("No command was given: use list, identify, get-feature, set-feature, run or bench (see nvme-workbench --help).");
        return CliFailure.USAGE;
    }

    /** Runs one command line on stdout/stderr and returns its exit code. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs one command line writing to {@code out} and {@code err}; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> failure(ex, cmd));
        int code;
        try (TerminalLogging quiet = TerminalLogging.silenced()) {
            code = cl.execute(args);
        } catch (VirtualMachineError | LinkageError e) {
            // picocli hands Exceptions to failure(); Errors (a plugin's endless recursion, memory exhausted, a class
            // missing from a plugin jar) would otherwise end the command with a stack trace.
            err.println(errorSentence(e));
            code = CliFailure.REFUSED;
        }
        // PrintWriter swallows write errors (a full disk, /dev/full, a closed pipe): without this check a
        // command whose output was lost would exit 0 having printed nothing.
        if (out.checkError()) {
            err.println("Could not write to standard output: the disk is full, or the file or pipe it goes to is gone.");
            code = code == 0 ? CliFailure.REFUSED : code;
        }
        err.flush();
        return code;
    }

    public static void main(String[] args) {
        // Library warnings carry stack traces; the CLI speaks in sentences on stderr instead.
        Logger.getLogger("").setLevel(Level.SEVERE);
        InterruptHandling.install();
        System.exit(execute(args));
    }

    /** picocli's own parse errors: its sentence, first line only, plus where to find help. */
    private static int usageError(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        cmd.getErr().println(sentence(ex.getMessage()) + " See '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
        return CliFailure.USAGE;
    }

    private static int failure(Exception ex, CommandLine cmd) {
        PrintWriter err = cmd.getErr();
        int code;
        if (ex instanceof CliFailure f) {
            code = f.exitCode();
        } else if (ex instanceof AgentException a) {
            code = a.usage() ? CliFailure.USAGE : CliFailure.REFUSED;
        } else if (ex instanceof IllegalStateException || ex instanceof CancellationException) {
            // The session's refusals ("A run is in progress; ...", "nothing was written") are said as they are.
            code = CliFailure.REFUSED;
        } else if (ex instanceof WorkloadException || ex instanceof IllegalArgumentException) {
            code = CliFailure.USAGE;
        } else if (ex instanceof DeviceException || ex instanceof DriverException || ex instanceof PciException
                || ex instanceof RunRecordException) {
            code = CliFailure.REFUSED;
        } else {
            LOG.log(Level.FINE, "Unexpected failure", ex);
            err.println("Internal error: " + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : " (" + firstLine(ex.getMessage()) + ")") + "; please report it.");
            return CliFailure.REFUSED;
        }
        err.println(sentence(ex.getMessage()));
        return code;
    }

    /** What an Error means for the user, in one sentence with what to do. */
    static String errorSentence(Throwable e) {
        String m = e.getMessage() == null ? "" : firstLine(e.getMessage());
        if (e instanceof OutOfMemoryError && m.toLowerCase(java.util.Locale.ROOT).contains("direct buffer memory")) {
            return "Java ran out of direct memory for the DMA buffers (OutOfMemoryError: Direct buffer memory): use fewer "
                    + "queues (--queues) or a smaller --iodepth, or allow more with -XX:MaxDirectMemorySize=1g.";
        }
        if (e instanceof OutOfMemoryError) {
            return "Java ran out of memory (OutOfMemoryError: " + m + "): allow more with -Xmx2g, or ask for less at once "
                    + "(fewer points, queues or I/Os).";
        }
        if (e instanceof StackOverflowError) {
            return "The command recursed without end (StackOverflowError), most likely in a plugin: move the newest jar out "
                    + "of the plugins folder and try again.";
        }
        if (e instanceof LinkageError) {
            return "A class could not be loaded (" + e.getClass().getSimpleName() + ": " + m + "): a plugin jar was probably "
                    + "built for another version of NVMe Workbench; move it out of the plugins folder.";
        }
        return "Java failed (" + e.getClass().getSimpleName() + (m.isEmpty() ? "" : ": " + m) + "); please report it.";
    }

    /** One line ending in a full stop. */
    static String sentence(String message) {
        String s = message == null ? "The command failed" : firstLine(message).trim();
        return s.endsWith(".") || s.endsWith("?") ? s : s + ".";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** {@code --version}. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"nvme-workbench " + ToolVersion.get()};
        }
    }
}
