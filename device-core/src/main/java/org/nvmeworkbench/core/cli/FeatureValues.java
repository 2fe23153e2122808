package org.nvmeworkbench.core.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.spec.FeatureText;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.spec.InterruptVectorConfig;

/** The features the CLI reads and writes, their checks, and their JSON form. */
final class FeatureValues {
    private FeatureValues() {
    }

    /**
     * The I/O queues to attach with for a Set Features: 09h configures vector IV, which must be bound to an
     * I/O completion queue (queue IV on vector IV is created for it); 08h is global, so the driver's one queue.
     * Only 09h's CDW11 holds an IV: 08h's low bits are THR and TIME.
     */
    static int ioQueuesForSet(int fid, int dw11) {
        return fid == FeatureId.INTERRUPT_VECTOR_CONFIGURATION ? Math.max(1, vectorOf(fid, dw11)) : 1;
    }

    /** The interrupt vector a Set Features names: IV (bits 15:0) for 09h, none (0) for any other feature. */
    static int vectorOf(int fid, int dw11) {
        return fid == FeatureId.INTERRUPT_VECTOR_CONFIGURATION ? dw11 & 0xFFFF : 0;
    }

    static void checkReadable(long fid) {
        if (fid != FeatureId.NUMBER_OF_QUEUES && fid != FeatureId.INTERRUPT_COALESCING
                && fid != FeatureId.INTERRUPT_VECTOR_CONFIGURATION) {
            throw CliFailure.usage("This tool reads Features 07h, 08h and 09h (-f 7, 8 or 9), not -f " + fid + ".");
        }
    }

    /** The CDW11 of a Set Features 08h or 09h, checked against the fields the spec defines. */
    static int setValue(long fid, long value, Long cdw11) {
        if (fid == FeatureId.INTERRUPT_COALESCING) {
            if (value < 0 || value > 0xFFFF) {
                throw CliFailure.usage(String.format("Feature 08h holds THR in bits 7:0 and TIME in bits 15:8, so its value is 0..0xffff, not 0x%x.", value));
            }
            if (cdw11 != null) {
                throw CliFailure.usage("Feature 08h is global: --cdw11 IV applies to Feature 09h only.");
            }
            return (int) value;
        }
        if (fid == FeatureId.INTERRUPT_VECTOR_CONFIGURATION) {
            if (value < 0 || value > 0x1FFFF) {
                throw CliFailure.usage(String.format("Feature 09h holds IV in bits 15:0 and CD in bit 16, so its value is 0..0x1ffff, not 0x%x.", value));
            }
            int v = (int) value;
            if (cdw11 != null) {
                if (cdw11 < 0 || cdw11 > 0xFFFF) {
                    throw CliFailure.usage("--cdw11 gives the interrupt vector (IV), 0..65535, not " + cdw11 + ".");
                }
                if ((v & 0xFFFF) != 0 && (v & 0xFFFF) != cdw11) {
                    throw CliFailure.usage("The value names IV " + (v & 0xFFFF) + " but --cdw11 names IV " + cdw11 + "; give the vector once.");
                }
                v = (v & InterruptVectorConfig.CD_BIT) | cdw11.intValue();
            }
            return v;
        }
        if (fid == FeatureId.NUMBER_OF_QUEUES) {
            throw CliFailure.usage("set-feature takes -f 8 or -f 9; the driver sets the number of queues (07h) itself when it attaches.");
        }
        throw CliFailure.usage("set-feature takes -f 8 (Interrupt Coalescing) or -f 9 (Interrupt Vector Configuration), not -f " + fid + ".");
    }

    /**
     * get-feature's JSON: nvme-cli 2.x's keys and layout first (nvme-print-json.c v2.10 to v2.16:
     * json_feature_show, json_select_result and json_feature_show_fields under one root), so a script's
     * {@code jq '."feature: 0x08"[0].Current'} reads ours as it reads nvme-cli's; then this tool's own keys
     * (fid, value, the decoded fields and their meaning), which nvme-cli does not use.
     */
    static ObjectNode json(int fid, int sel, int value) {
        ObjectNode o = OutputOptions.object();
        String id = String.format("0x%02x", fid); // nvme-cli: "%#0*x" with width 4
        o.putArray("feature: " + id).addObject().put("name", FeatureId.name(fid))
                .put(FeatureText.selectName(sel), FeatureText.hex32(value));
        if (sel == FeatureId.SEL_SUPPORTED_CAPABILITIES) {
            var caps = o.putArray("Feature: " + id + ": select");
            if ((value & FeatureId.CAP_SAVEABLE) != 0) {
                caps.add("saveable");
            }
            if ((value & FeatureId.CAP_NAMESPACE_SPECIFIC) != 0) {
                caps.add("per-namespace");
            }
            if ((value & FeatureId.CAP_CHANGEABLE) != 0) {
                caps.add("changeable");
            }
        } else {
            ObjectNode fields = o.putArray("Feature: " + id).addObject();
            switch (fid) {
                case FeatureId.INTERRUPT_COALESCING -> fields
                        .put("Aggregation Time (TIME)", ((value >>> 8) & 0xFF) * 100 + " usec")
                        .put("Aggregation Threshold (THR)", (value & 0xFF) + 1);
                case FeatureId.INTERRUPT_VECTOR_CONFIGURATION -> fields
                        .put("Coalescing Disable (CD)", (value & InterruptVectorConfig.CD_BIT) != 0 ? "True" : "False")
                        .put("Interrupt Vector (IV)", value & 0xFFFF);
                default -> fields
                        .put("Number of IO Completion Queues Allocated (NCQA)", (value >>> 16) + 1)
                        .put("Number of IO Submission Queues Allocated (NSQA)", (value & 0xFFFF) + 1);
            }
        }
        o.put("fid", fid);
        o.put("feature", FeatureId.name(fid));
        o.put("sel", sel);
        o.put("sel_name", FeatureText.selectName(sel));
        o.put("value", value);
        o.put("value_hex", String.format("0x%08x", value));
        if (sel == FeatureId.SEL_SUPPORTED_CAPABILITIES) {
            o.put("saveable", (value & FeatureId.CAP_SAVEABLE) != 0);
            o.put("namespace_specific", (value & FeatureId.CAP_NAMESPACE_SPECIFIC) != 0);
            o.put("changeable", (value & FeatureId.CAP_CHANGEABLE) != 0);
            return o;
        }
        switch (fid) {
            case FeatureId.INTERRUPT_COALESCING: {
                InterruptCoalescing c = InterruptCoalescing.fromCdw11(value);
                o.put("thr", c.threshold()).put("time", c.time()).put("completions", c.completions())
                        .put("time_us", c.timeNanos() / 1000).put("enabled", c.enabled()).put("meaning", c.describe());
                break;
            }
            case FeatureId.INTERRUPT_VECTOR_CONFIGURATION: {
                InterruptVectorConfig v = InterruptVectorConfig.fromCdw11(value);
                o.put("iv", v.vector()).put("cd", v.coalescingDisabled()).put("meaning", v.describe());
                break;
            }
            default:
                o.put("nsqa", value & 0xFFFF).put("ncqa", value >>> 16);
                o.put("meaning", ((value & 0xFFFF) + 1) + " submission and " + ((value >>> 16) + 1) + " completion queues allocated");
        }
        return o;
    }
}
