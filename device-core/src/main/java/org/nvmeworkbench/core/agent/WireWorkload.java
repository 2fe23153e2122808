package org.nvmeworkbench.core.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.nvmeworkbench.core.agent.proto.Workload;
import org.nvmeworkbench.core.record.RunSettingsJson;
import org.nvmeworkbench.core.host.CpuPlacement;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/** A workload on the wire: the run record's own "workload" block (one vocabulary everywhere) and the seed. */
final class WireWorkload {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WireWorkload() {
    }

    private static String text(Object word) {
        return word == null ? "" : word.toString();
    }

    static Workload of(WorkloadSpec spec) {
        ObjectNode o = JSON.createObjectNode();
        RunSettingsJson.writeWorkload(o, spec.settings());
        // A record cannot tell "leave 09h alone" from "CD on no vector"; the wire must, or the agent would send 09h.
        o.put("cd_vectors_given", spec.cdVectors() != null);
        o.put("coalescing_given", spec.coalescing() != null);
        CpuPlacement p = spec.placement(); // fio's words, so the agent's host places the run as asked
        if (p.given()) {
            o.putObject("placement").put("cpus_allowed", text(p.cpusAllowed()))
                    .put("cpus_allowed_policy", p.policy() == null ? "" : p.policy().fioName())
                    .put("numa_cpu_nodes", text(p.numaCpuNodes())).put("numa_mem_policy", text(p.memPolicy()))
                    .put("irq_affinity", text(p.irqAffinity()));
        }
        return Workload.newBuilder().setSettingsJson(o.toString()).setSeed(spec.seed()).build();
    }

    /** The spec back; a workload this workbench does not run is an IllegalArgumentException in one sentence. */
    static WorkloadSpec spec(Workload w) {
        try {
            var tree = JSON.readTree(w.getSettingsJson());
            WorkloadSpec s = WorkloadSpec.of(RunSettingsJson.readWorkload(tree), w.getSeed());
            if (s == null) {
                throw new IllegalArgumentException("The agent does not run this I/O pattern.");
            }
            if (!tree.path("cd_vectors_given").asBoolean(true)) {
                s = s.withCdVectors(null);
            }
            if (!tree.path("coalescing_given").asBoolean(true)) {
                s = s.withCoalescing(null);
            }
            JsonNode p = tree.path("placement");
            if (p.isObject()) {
                s = s.withPlacement(CpuPlacement.ofWords(p.path("cpus_allowed").asText(""),
                        p.path("cpus_allowed_policy").asText(""), p.path("numa_cpu_nodes").asText(""),
                        p.path("numa_mem_policy").asText(""), p.path("irq_affinity").asText("")));
            }
            return s;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The workload sent to the agent is not valid JSON.", e);
        }
    }
}
