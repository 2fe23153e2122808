package org.nvmeworkbench.core.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * get-feature -H output in nvme-cli's vocabulary, but saying what the numbers mean: THR is 0's based,
 * TIME counts 100 us units, and a 0 in either turns coalescing off (docs/nvme-reference.md, Features 07h-09h).
 */
public final class FeatureText {
    private FeatureText() {
    }

    /** nvme-cli's names for the Get Features SEL values. */
    public static String selectName(int sel) {
        switch (sel) {
            case FeatureId.SEL_CURRENT: return "Current";
            case FeatureId.SEL_DEFAULT: return "Default";
            case FeatureId.SEL_SAVED: return "Saved";
            case FeatureId.SEL_SUPPORTED_CAPABILITIES: return "Supported capabilities";
            default: return "SEL " + sel;
        }
    }

    /** e.g. "get-feature:0x08 (Interrupt Coalescing), Current value:0x0000020a", nvme-cli's line byte for byte. */
    public static String header(int fid, int sel, int value) {
        return String.format("get-feature:0x%02x (%s), %s value:%s", fid, FeatureId.name(fid), selectName(sel), hex32(value));
    }

    /**
     * A 32-bit field as nvme-cli prints it, {@code "%#0*x"} with width 10, or 8 for zero: C's {@code #}
     * adds no 0x to a zero, so nvme-cli writes 0 as "00000000" and 0x207 as "0x00000207".
     */
    public static String hex32(int value) {
        return value == 0 ? "00000000" : String.format("0x%08x", value);
    }

    /** The header then the fields in words; for SEL 3 the capability bits instead of fields. */
    public static List<String> lines(int fid, int sel, int value) {
        List<String> l = new ArrayList<>();
        l.add(header(fid, sel, value));
        if (sel == FeatureId.SEL_SUPPORTED_CAPABILITIES) {
            l.addAll(capabilities(value));
            return l;
        }
        l.addAll(fields(fid, value));
        return l;
    }

    public static String text(int fid, int sel, int value) {
        return String.join("\n", lines(fid, sel, value));
    }

    /** The decoded fields of a feature value (no header). */
    public static List<String> fields(int fid, int value) {
        switch (fid) {
            case FeatureId.INTERRUPT_COALESCING: return coalescing(InterruptCoalescing.fromCdw11(value));
            case FeatureId.INTERRUPT_VECTOR_CONFIGURATION: return vectorConfig(InterruptVectorConfig.fromCdw11(value));
            case FeatureId.NUMBER_OF_QUEUES: return queues(value);
            default: return List.of();
        }
    }

    public static List<String> coalescing(InterruptCoalescing c) {
        List<String> l = new ArrayList<>();
        l.add("Aggregation Time (TIME): " + c.time() * 100 + " usec");
        // nvme-cli prints the count here, THR + 1 (nvme-print.c); the raw field is said beside it
        l.add("Aggregation Threshold (THR): " + c.completions() + " (the field holds " + c.threshold()
                + ", 0's based: signal after " + (c.completions() == 1 ? "each completion" : c.completions() + " completions") + ")");
        if (c.enabled()) {
            l.add("Coalescing: " + c.describe());
        } else {
            l.add("Coalescing: off (THR 0 or TIME 0 means every completion is signalled at once)");
        }
        return l;
    }

    public static List<String> vectorConfig(InterruptVectorConfig v) {
        List<String> l = new ArrayList<>();
        l.add("Interrupt Vector (IV): " + v.vector());
        l.add("Coalescing Disable (CD): " + (v.coalescingDisabled() ? "True" : "False"));
        if (v.vector() == 0) {
            l.add("Coalescing: never applies to vector 0, the admin queue's vector");
        } else {
            l.add("Coalescing: " + (v.coalescingDisabled()
                    ? "disabled for vector " + v.vector() + ": each of its completions is signalled at once"
                    : "allowed for vector " + v.vector() + ": Feature 08h decides"));
        }
        return l;
    }

    /** 07h result: NSQA 15:0, NCQA 31:16, both 0's based. */
    public static List<String> queues(int value) {
        int nsqa = value & 0xFFFF;
        int ncqa = value >>> 16;
        return List.of(
                // nvme-cli prints the counts, NCQA + 1 and NSQA + 1 (nvme-print.c)
                "Number of IO Completion Queues Allocated (NCQA): " + (ncqa + 1) + " (the field holds " + ncqa + ", 0's based)",
                "Number of IO Submission Queues Allocated (NSQA): " + (nsqa + 1) + " (the field holds " + nsqa + ", 0's based)");
    }

    /** SEL 3 answer: DW0 bit 0 saveable, bit 1 namespace specific, bit 2 changeable. */
    public static List<String> capabilities(int value) {
        return List.of(
                "Saveable: " + yn(value & FeatureId.CAP_SAVEABLE),
                "Namespace Specific: " + yn(value & FeatureId.CAP_NAMESPACE_SPECIFIC),
                "Changeable: " + yn(value & FeatureId.CAP_CHANGEABLE));
    }

    /**
     * One sentence for a failed Get or Set Features, e.g. "set-feature:0x08 (Interrupt Coalescing)
     * failed: Feature Identifier Not Saveable (SCT 1h, SC 0Dh); ...", with a hint where a common mistake causes it.
     */
    public static String failure(String command, int fid, int status) {
        String s = String.format("%s:0x%02x (%s) failed: %s", command, fid, FeatureId.name(fid), StatusCode.describe(status));
        if (status == StatusCode.FEATURE_NOT_SAVEABLE) {
            s += "; this controller cannot save it across resets, so set it again without --save after each reset";
        } else if (status == StatusCode.INVALID_FIELD && fid == FeatureId.INTERRUPT_VECTOR_CONFIGURATION) {
            s += "; IV must be the MSI-X vector of an existing I/O completion queue (not 0, not a Linux IRQ number)";
        } else if (status == StatusCode.COMMAND_SEQUENCE_ERROR && fid == FeatureId.NUMBER_OF_QUEUES) {
            s += "; the queue count can only be set before any I/O queue exists";
        }
        return s + ".";
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String yn(int bit) {
        return bit != 0 ? "yes" : "no";
    }
}
