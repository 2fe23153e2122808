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
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.nvmeworkbench.core.cli.Main;

/**
 * The command line against the controller in the QEMU guest, every command in ONE JVM (a JVM start
 * costs seconds under TCG): each runs through {@link Main#execute} exactly as {@code nvme-workbench}
 * would, its transcript goes to the results directory, and one PASS/FAIL line per check to
 * {@code cli-summary.txt}. Exit status 0 only when every check passed.
 *
 * <p>usage: {@code QemuCliChecks RESULTS_DIR} with NVME_BDF set; with NVME_KERNEL_BDF (a controller left to the
 * kernel's nvme driver) and NVME_KERNEL_MOUNT (where its namespace is mounted) also the checks of list and
 * of the refusal on a machine whose NVMe drives the kernel uses.
 */
public final class QemuCliChecks {
    private final Path results;
    private final String dev;
    private final String kernelBdf;
    private final String kernelMount;
    /** What AttachedDevice logs at FINE for each attach: the queues asked for and granted. */
    private final List<String> attaches = new ArrayList<>();
    private final List<String> summary = new ArrayList<>();
    private int failures;
    private int n;

    private QemuCliChecks(Path results, String bdf) {
        this.results = results;
        this.dev = "vfio:" + bdf;
        this.kernelBdf = blankToNull(System.getenv("NVME_KERNEL_BDF"));
        this.kernelMount = blankToNull(System.getenv("NVME_KERNEL_MOUNT"));
        Logger log = Logger.getLogger("org.nvmeworkbench.core.cli.AttachedDevice");
        log.setLevel(Level.FINE);
        log.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                attaches.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
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
        if (kernelBdf != null) {
            if (System.getenv("NVME_KERNEL_MOUNT_FAILED") != null && !System.getenv("NVME_KERNEL_MOUNT_FAILED").isBlank()) {
                failures++;
                summary.add("FAIL the namespace of " + kernelBdf + " could not be formatted and mounted (see kernel-disk.txt)");
            }
            kernelControllerChecks();
        }
        check("identify reads QEMU's model", 0, out -> out.contains("QEMU NVMe Ctrl"), "identify", "-d", dev);
        // nvme-cli prints a zero value without 0x (its "%#0*x" drops the prefix for 0).
        check("get-feature 08h reads 0 (coalescing off)", 0, out -> out.contains("Current value:00000000"), "get-feature", "-d", dev,
                "-f", "8");
        check("get-feature 09h IV 0 has CD set", 0, out -> out.contains("0x00010000"), "get-feature", "-d", dev, "-f", "9",
                "--cdw11", "0");
        check("get-feature 09h IV 1", 0, out -> out.contains("0x00000001"), "get-feature", "-d", dev, "-f", "9", "--cdw11", "1");
        check("set-feature 08h is refused in words, attached with 1 I/O queue (not IV 519 from the value)", 1,
                out -> out.contains("Feature Not Changeable") && attachedWith("1 I/O queue(s) asked for"), "set-feature", "-d", dev,
                "-f", "8", "-v", "0x0207");
        check("set-feature 09h --cdw11 2 attaches with 2 I/O queues, then QEMU refuses in words", 1,
                out -> out.contains("Feature Not Changeable") && attachedWith("2 I/O queue(s) asked for"), "set-feature", "-d", dev,
                "-f", "9", "--cdw11", "2", "-v", "0x10000");
        String refusal = dev + " refuses Set Features 08h (Feature Not Changeable), so every point would run at the device's own "
                + "setting: nothing to sweep.";
        check("sweep is refused in one sentence before any point: QEMU cannot change 08h", 1, out -> out.strip().equals(refusal),
                "sweep", "-d", dev, "--thr", "0,7", "--time", "0,1", "--ios", "2000");
        check("run randread: IOPS and interrupts on IV 1", 0, out -> positive(out, "IOPS=([0-9.]+[kM]?)")
                && positive(out, "IV 1: ([0-9]+) interrupts"), "run", "-d", dev, "--rw", "randread", "--ios", "2000");
        check("run write without --allow-writes is refused", 2, out -> out.contains("--allow-writes"), "run", "-d", dev, "--rw",
                "write", "--ios", "10");
        check("run write with --allow-writes", 0, out -> positive(out, "IOPS=([0-9.]+[kM]?)"), "run", "-d", dev, "--rw", "write",
                "--ios", "500", "--allow-writes");
        check("run read after the write", 0, out -> positive(out, "IOPS=([0-9.]+[kM]?)") && out.contains("err= 0"), "run", "-d", dev,
                "--rw", "read", "--ios", "500");
    }

    /**
     * The second controller, bound to the kernel's nvme driver with its namespace mounted by guest-checks.sh:
     * list explains why not and how, in text and JSON; attaching is refused in one sentence and leaves it as it was.
     */
    private void kernelControllerChecks() throws IOException {
        String kdev = "vfio:" + kernelBdf;
        String sysdev = "/sys/bus/pci/devices/" + kernelBdf;
        List<String> why = new ArrayList<>(List.of("bound to the kernel's nvme driver", "echo vfio-pci > " + sysdev + "/driver_override",
                "echo " + kernelBdf + " > " + sysdev + "/driver/unbind", "echo " + kernelBdf + " > /sys/bus/pci/drivers_probe",
                "vfio-pci.ids=1b36:0010"));
        if (kernelMount != null) {
            why.add("is mounted on " + kernelMount);
            why.add("umount " + kernelMount);
        }
        check("list: the nvme-bound controller is not attachable, says why and how", 0,
                out -> line(out, kdev).contains(" no ") && why.stream().allMatch(w -> after(out, kdev).contains(w)), "list");
        check("list -o json: both controllers, attachable true and false, with the reason", 0, out -> {
            JsonNode devices = json(out).path("Devices");
            JsonNode v = find(devices, dev);
            JsonNode k = find(devices, kdev);
            return v != null && k != null && v.path("attachable").asBoolean(false) && v.path("why").asText("x").isEmpty()
                    && !k.path("attachable").asBoolean(true) && k.path("description").asText().contains("driver nvme")
                    && why.stream().allMatch(w -> k.path("why").asText().contains(w));
        }, "list", "-o", "json");
        String before = kernelState();
        check("attaching the nvme-bound controller is refused in one sentence, nothing touched", 1,
                out -> out.strip().lines().count() == 1 && out.contains("bound to the kernel's nvme driver")
                        && kernelState().equals(before) && before.startsWith("driver nvme"), "identify", "-d", kdev);
        // The kernel baseline: fio (the host's, through the 9p root) on that controller's namespace, read-only.
        check("baseline: fio through the kernel's nvme driver on its namespace, read-only, brought in as a run", 0,
                out -> out.contains("Measured by fio through the kernel's nvme driver") && positive(out, "IOPS=([0-9.]+[kM]?)")
                        && out.contains("interrupts: not measured by fio") && kernelState().equals(before),
                "baseline", "-d", kdev, "--rw", "randread", "--bs", "4k", "--iodepth", "8", "--ios", "2000");
    }

    /** The nvme-bound controller's driver, its mount and the file guest-checks.sh left on it. */
    private String kernelState() {
        try {
            String s = "driver " + Files.readSymbolicLink(Path.of("/sys/bus/pci/devices", kernelBdf, "driver")).getFileName();
            if (kernelMount != null) {
                s += ", mounted " + Files.readString(Path.of("/proc/mounts")).contains(" " + kernelMount + " ")
                        + ", marker " + Files.readString(Path.of(kernelMount, "marker.txt")).strip();
            }
            return s;
        } catch (IOException e) {
            return "unreadable: " + e;
        }
    }

    private boolean attachedWith(String text) {
        boolean seen = attaches.stream().anyMatch(m -> m.contains(text));
        attaches.clear();
        return seen;
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            return new ObjectMapper().createObjectNode();
        }
    }

    private static JsonNode find(JsonNode devices, String spec) {
        for (JsonNode d : devices) {
            if (d.path("device").asText().equals(spec)) {
                return d;
            }
        }
        return null;
    }

    /** The text from the first line naming {@code containing} to the next device line (its description and reason). */
    private static String after(String text, String containing) {
        int at = text.indexOf(containing);
        if (at < 0) {
            return "";
        }
        int next = text.indexOf("\nvfio:", at + containing.length());
        return text.substring(at, next < 0 ? text.length() : next);
    }

    private void check(String what, int wantExit, Predicate<String> wantOutput, String... args) throws IOException {
        attaches.clear();
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
