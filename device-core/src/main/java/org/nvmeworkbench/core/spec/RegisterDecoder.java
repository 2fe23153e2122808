package org.nvmeworkbench.core.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Controller registers in words, in nvme-cli's show-regs -H vocabulary ("Name (FIELD): raw (meaning)"),
 * e.g. "Maximum Queue Entries Supported (MQES): 1023 (1024 entries per queue)". Field layouts are those of
 * {@link Registers} (NVMe base spec, "Controller Registers").
 */
public final class RegisterDecoder {
    private RegisterDecoder() {
    }

    /** Every register: a heading with the raw value, then its fields indented by a tab. */
    public static List<String> describe(long cap, int vs, int cc, int csts, int aqa) {
        List<String> l = new ArrayList<>();
        l.add(String.format("cap     : 0x%016x", cap));
        indent(l, cap(cap));
        l.add(String.format("version : 0x%08x", vs));
        indent(l, vs(vs));
        l.add(String.format("cc      : 0x%08x", cc));
        indent(l, cc(cc));
        l.add(String.format("csts    : 0x%08x", csts));
        indent(l, csts(csts));
        l.add(String.format("aqa     : 0x%08x", aqa));
        indent(l, aqa(aqa));
        return l;
    }

    public static List<String> cap(long cap) {
        int mqes = Registers.capMqes(cap);
        int to = Registers.capTo(cap);
        int dstrd = Registers.capDstrd(cap);
        int css = Registers.capCss(cap);
        int ams = Registers.capAms(cap);
        int min = Registers.capMpsMin(cap);
        int max = Registers.capMpsMax(cap);
        return List.of(
                "Maximum Queue Entries Supported (MQES): " + mqes + " (" + (mqes + 1) + " entries per queue)",
                "Contiguous Queues Required (CQR): " + yesNo(Registers.capCqr(cap)),
                "Arbitration Mechanism Supported (AMS): " + ams + " (" + capAms(ams) + ")",
                "Timeout (TO): " + to + " (" + millis(to * 500L) + " to become ready)",
                "Doorbell Stride (DSTRD): " + dstrd + " (" + (4 << dstrd) + " bytes between doorbells)",
                "NVM Subsystem Reset Supported (NSSRS): " + yesNo(Registers.capNssrs(cap)),
                String.format("Command Sets Supported (CSS): 0x%02x (%s)", css, capCss(css)),
                "Boot Partition Support (BPS): " + yesNo(((cap >>> 45) & 1) != 0),
                "Memory Page Size Minimum (MPSMIN): " + min + " (" + Registers.pageSize(min) + " bytes)",
                "Memory Page Size Maximum (MPSMAX): " + max + " (" + Registers.pageSize(max) + " bytes)",
                "Persistent Memory Region Supported (PMRS): " + yesNo(((cap >>> 56) & 1) != 0),
                "Controller Memory Buffer Supported (CMBS): " + yesNo(((cap >>> 57) & 1) != 0));
    }

    public static List<String> vs(int vs) {
        return List.of("NVMe Version (MJR.MNR.TER): " + Registers.vsMajor(vs) + "." + Registers.vsMinor(vs) + "."
                + Registers.vsTertiary(vs));
    }

    public static List<String> cc(int cc) {
        int mps = Registers.ccMps(cc);
        int shn = Registers.ccShn(cc);
        int sqes = Registers.ccIosqes(cc);
        int cqes = Registers.ccIocqes(cc);
        int css = Registers.ccCss(cc);
        int ams = Registers.ccAms(cc);
        return List.of(
                "Enable (EN): " + (Registers.ccEnabled(cc) ? "1 (enabled)" : "0 (disabled)"),
                "I/O Command Set Selected (CSS): " + css + " (" + (css == 0 ? "NVM command set" : css == 7 ? "admin only" : "other") + ")",
                "Memory Page Size (MPS): " + mps + " (" + Registers.pageSize(mps) + " bytes)",
                "Arbitration Mechanism Selected (AMS): " + ams + " (" + (ams == 0 ? "round robin" : ams == 1 ? "weighted round robin with urgent" : "vendor specific") + ")",
                "Shutdown Notification (SHN): " + shn + " (" + (shn == 0 ? "none" : shn == 1 ? "normal shutdown" : "abrupt shutdown") + ")",
                "I/O Submission Queue Entry Size (IOSQES): " + sqes + " (" + (1 << sqes) + " bytes)",
                "I/O Completion Queue Entry Size (IOCQES): " + cqes + " (" + (1 << cqes) + " bytes)");
    }

    public static List<String> csts(int csts) {
        int shst = Registers.cstsShst(csts);
        return List.of(
                "Ready (RDY): " + (Registers.cstsReady(csts) ? "1 (ready)" : "0 (not ready)"),
                "Controller Fatal Status (CFS): " + (Registers.cstsFatal(csts) ? "1 (fatal error: reset the controller)" : "0 (no fatal error)"),
                "Shutdown Status (SHST): " + shst + " (" + (shst == 0 ? "normal operation" : shst == 1 ? "shutdown occurring" : shst == 2 ? "shutdown complete" : "reserved") + ")",
                "NVM Subsystem Reset Occurred (NSSRO): " + yesNo((csts & Registers.CSTS_NSSRO) != 0),
                "Processing Paused (PP): " + yesNo((csts & Registers.CSTS_PP) != 0));
    }

    public static List<String> aqa(int aqa) {
        int asqs = Registers.aqaAsqs(aqa);
        int acqs = Registers.aqaAcqs(aqa);
        return List.of(
                "Admin Submission Queue Size (ASQS): " + asqs + " (" + (asqs + 1) + " entries)",
                "Admin Completion Queue Size (ACQS): " + acqs + " (" + (acqs + 1) + " entries)");
    }

    /** "10 s", "500 ms", "1.5 s". */
    static String millis(long ms) {
        if (ms == 0) {
            return "0 ms";
        }
        if (ms % 1000 == 0) {
            return (ms / 1000) + " s";
        }
        if (ms > 1000 && ms % 100 == 0) {
            return (ms / 1000) + "." + (ms % 1000) / 100 + " s";
        }
        return ms + " ms";
    }

    private static String capAms(int ams) {
        if (ams == 0) {
            return "round robin only";
        }
        List<String> s = new ArrayList<>();
        if ((ams & 1) != 0) {
            s.add("weighted round robin with urgent");
        }
        if ((ams & 2) != 0) {
            s.add("vendor specific");
        }
        return "round robin, " + String.join(", ", s);
    }

    private static String capCss(int css) {
        List<String> s = new ArrayList<>();
        if ((css & 1) != 0) {
            s.add("NVM command set");
        }
        if ((css & 0x40) != 0) {
            s.add("I/O command sets");
        }
        if ((css & 0x80) != 0) {
            s.add("admin only");
        }
        return s.isEmpty() ? "none" : String.join(", ", s);
    }

    private static String yesNo(boolean b) {
        return b ? "True" : "False";
    }

    private static void indent(List<String> into, List<String> lines) {
        for (String s : lines) {
            into.add("\t" + s);
        }
    }
}
