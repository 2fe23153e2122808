package org.nvmeworkbench.core.record;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.nvmeworkbench.core.spec.InterruptCoalescing;

/**
 * The {@code "device"} and {@code "workload"} blocks of a run in JSON, the one place their field names
 * live: saved run records ({@link RunRecordJson}) and the CLI's {@code run -o json} write the same blocks,
 * so a script that reads one reads the other.
 */
public final class RunSettingsJson {
    private RunSettingsJson() {
    }

    /** Fills {@code into} with what Identify and the registers said about the device. */
    public static void writeDevice(ObjectNode into, DeviceIdentity d) {
        into.put("spec", d.spec());
        into.put("model", d.model());
        into.put("serial", d.serial());
        into.put("firmware", d.firmware());
        into.put("vendor_id", d.vendorId());
        into.put("nvme_version", d.nvmeVersion());
        into.put("lba_size", d.lbaSize());
        into.put("namespace_blocks", d.namespaceBlocks());
        into.put("max_queue_entries", d.maxQueueEntries());
    }

    /**
     * Fills {@code into} with the workload in fio's names. The 08h the run asked for appears twice: raw
     * ({@code coalescing}, the CDW11, -1 when left alone) and decoded ({@code coalesce}: thr and time, or null).
     */
    public static void writeWorkload(ObjectNode into, WorkloadSettings w) {
        into.put("rw", w.rw());
        into.put("bs", w.blockSize());
        into.put("iodepth", w.iodepth());
        into.put("queues", w.queues());
        into.put("runtime_ns", w.runtimeNanos());
        into.put("ios", w.ios());
        into.put("rwmixread", w.rwmixread());
        into.put("allow_writes", w.allowWrites());
        into.put("polling", w.polling());
        into.put("coalescing", w.coalescing());
        if (w.coalescing() < 0) {
            into.putNull("coalesce");
        } else {
            InterruptCoalescing c = InterruptCoalescing.fromCdw11(w.coalescing());
            into.putObject("coalesce").put("thr", c.threshold()).put("time", c.time());
        }
        ArrayNode cd = into.putArray("cd_vectors");
        w.cdVectors().forEach(cd::add);
    }

    /** The device block back; a missing field throws IllegalArgumentException naming it. */
    static DeviceIdentity readDevice(JsonNode d) {
        return new DeviceIdentity(RunRecordJson.text(d, "spec"), RunRecordJson.text(d, "model"), RunRecordJson.text(d, "serial"),
                RunRecordJson.text(d, "firmware"), RunRecordJson.req(d, "vendor_id").asInt(), RunRecordJson.text(d, "nvme_version"),
                RunRecordJson.req(d, "lba_size").asInt(), RunRecordJson.req(d, "namespace_blocks").asLong(),
                RunRecordJson.req(d, "max_queue_entries").asInt());
    }

    /** The workload block back; {@code polling}, {@code coalescing} and {@code cd_vectors} may be absent (older files). */
    public static WorkloadSettings readWorkload(JsonNode w) {
        List<Integer> cd = new ArrayList<>();
        for (JsonNode n : w.path("cd_vectors")) {
            cd.add(n.asInt());
        }
        return new WorkloadSettings(RunRecordJson.text(w, "rw"), RunRecordJson.req(w, "bs").asInt(),
                RunRecordJson.req(w, "iodepth").asInt(), RunRecordJson.req(w, "queues").asInt(),
                RunRecordJson.req(w, "runtime_ns").asLong(), RunRecordJson.req(w, "ios").asLong(),
                RunRecordJson.req(w, "rwmixread").asInt(), RunRecordJson.req(w, "allow_writes").asBoolean(),
                w.path("polling").asBoolean(false), w.path("coalescing").asInt(-1), cd);
    }
}
