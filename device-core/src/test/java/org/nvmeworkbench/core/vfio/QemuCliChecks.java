package org.nvmeworkbench.core.vfio;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.nvmeworkbench.core.cli.Main;

/**
 * The command line against the controller in the QEMU guest, every command in ONE JVM (a JVM start
 * costs seconds under TCG): each runs through {@link Main#execute} exactly as {@code nvme-workbench}
 * would, its transcript goes to the results directory, and one PASS/FAIL line per check to
 * {@code cli-summary.txt}. Exit status 0 only when every check passed.
 *
 * <p>usage: {@code QemuCliChecks RESULTS_DIR} with NVME_BDF set.
 */
public final class QemuCliChecks {
    private final Path results;
    private final String dev;
    private final List<String> summary = new ArrayList<>();
    private int failures;
    private int n;

    private QemuCliChecks(Path results, String bdf) {
        this.results = results;
        this.dev = "vfio:" + bdf;
    }

    public static void main(String[] args) throws IOException {
        String bdf = System.getenv("NVME_BDF");
        if (bdf == null || args.length != 1) {
            System.err.println("usage: NVME_BDF=DDDD:BB:DD.F QemuCliChecks RESULTS_DIR");
            System.exit(2);
        }
        QemuCliChecks c = new QemuCliChecks(Files.createDirectories(Path.of(args[0])), bdf);
        c.run();
        Files.write(c.results.resolve("cli-summary.txt"), c.summary, StandardCharsets.UTF_8);
        c.summary.forEach(System.out::println);
        System.exit(c.failures == 0 ? 0 : 1);
    }

    private void run() throws IOException {
        check("list shows the controller as attachable", 0, out -> out.contains(dev) && line(out, dev).contains(" yes "), "list");
        check("identify reads QEMU's model", 0, out -> out.contains("QEMU NVMe Ctrl"), "identify", "-d", dev);
        check("get-feature 08h reads 0 (coalescing off)", 0, out -> out.contains("0x00000000"), "get-feature", "-d", dev, "-f", "8");
        check("get-feature 09h IV 0 has CD set", 0, out -> out.contains("0x00010000"), "get-feature", "-d", dev, "-f", "9",
                "--cdw11", "0");
        check("get-feature 09h IV 1", 0, out -> out.contains("0x00000001"), "get-feature", "-d", dev, "-f", "9", "--cdw11", "1");
        check("set-feature 08h is refused in words", 1, out -> out.contains("Feature Not Changeable"), "set-feature", "-d", dev,
                "-f", "8", "-v", "0x0207");
        check("run randread: IOPS and interrupts on IV 1", 0, out -> positive(out, "IOPS=([0-9.]+[kM]?)")
                && positive(out, "IV 1: ([0-9]+) interrupts"), "run", "-d", dev, "--rw", "randread", "--ios", "2000");
        check("run write without --allow-writes is refused", 2, out -> out.contains("--allow-writes"), "run", "-d", dev, "--rw",
                "write", "--ios", "10");
        check("run write with --allow-writes", 0, out -> positive(out, "IOPS=([0-9.]+[kM]?)"), "run", "-d", dev, "--rw", "write",
                "--ios", "500", "--allow-writes");
        check("run read after the write", 0, out -> positive(out, "IOPS=([0-9.]+[kM]?)") && out.contains("err= 0"), "run", "-d", dev,
                "--rw", "read", "--ios", "500");
    }

    private void check(String what, int wantExit, Predicate<String> wantOutput, String... args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long t0 = System.nanoTime();
        int code;
        try {
            code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        } catch (RuntimeException e) {
            code = -1;
            err.write("uncaught: " + e + "\n");
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String both = out + err.toString();
        boolean ok = code == wantExit && wantOutput.test(both);
        n++;
        String transcript = "$ nvme-workbench " + String.join(" ", args) + "\n" + out + (err.getBuffer().length() > 0 ? "[stderr]\n" + err : "")
                + "[exit " + code + ", " + ms + " ms]\n";
        Files.writeString(results.resolve(String.format("cli-%02d.txt", n)), transcript, StandardCharsets.UTF_8);
        if (!ok) {
            failures++;
        }
        summary.add((ok ? "PASS " : "FAIL ") + what + " (exit " + code + (code == wantExit ? "" : ", wanted " + wantExit) + ", "
                + ms + " ms, cli-" + String.format("%02d", n) + ".txt)");
    }

    private static String line(String text, String containing) {
        for (String l : text.split("\n")) {
            if (l.contains(containing)) {
                return l;
            }
        }
        return "";
    }

    /** Whether the first match of {@code regex}'s group 1 is a number above zero (k and M suffixes allowed). */
    private static boolean positive(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            return false;
        }
        String v = m.group(1).replaceAll("[kM]$", "");
        try {
            return Double.parseDouble(v) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
