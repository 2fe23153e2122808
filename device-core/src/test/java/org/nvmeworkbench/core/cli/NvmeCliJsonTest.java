package org.nvmeworkbench.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.spec.IdentifyController;
import org.nvmeworkbench.core.spec.IdentifyControllerData;

/**
 * {@code -o json} of identify, get-feature, set-feature and list against nvme-cli 2.x's own keys and layout
 * (nvme-print-json.c of v2.16: json_nvme_id_ctrl, json_feature_show, json_feature_show_fields,
 * json_select_result, json_list_item_obj), written out here as nvme-cli has them, not taken from our code.
 */
class NvmeCliJsonTest {
    /** json_nvme_id_ctrl's keys in its order, then its psds array. */
    private static final List<String> ID_CTRL_KEYS = List.of(
            "vid", "ssvid", "sn", "mn", "fr", "rab", "ieee", "cmic", "mdts", "cntlid", "ver", "rtd3r",
            "rtd3e", "oaes", "ctratt", "rrls", "bpcap", "nssl", "plsi", "cntrltype", "fguid", "crdt1",
            "crdt2", "crdt3", "crcap", "nvmsr", "vwci", "mec", "oacs", "acl", "aerl", "frmw", "lpa", "elpe",
            "npss", "avscc", "apsta", "wctemp", "cctemp", "mtfa", "hmpre", "hmmin", "tnvmcap", "unvmcap",
            "rpmbs", "edstt", "dsto", "fwug", "kas", "hctma", "mntmt", "mxtmt", "sanicap", "hmminds",
            "hmmaxd", "nsetidmax", "endgidmax", "anatt", "anacap", "anagrpmax", "nanagrpid", "pels",
            "domainid", "kpioc", "mptfawr", "megcap", "tmpthha", "cqt", "sqes", "cqes", "maxcmd", "nn",
            "oncs", "fuses", "fna", "vwc", "awun", "awupf", "icsvscc", "nwpc", "acwu", "ocfs", "sgls",
            "mnan", "maxdna", "maxcna", "oaqd", "rhiri", "hirt", "cmmrtd", "nmmrtd", "minmrtg", "maxmrtg",
            "trattr", "mcudmq", "mnsudmq", "mcmr", "nmcmr", "mcdqpc", "subnqn", "ioccsz", "iorcsz",
            "icdoff", "fcatt", "msdbd", "ofcs",
            "psds");

    private static final List<String> PSD_KEYS = List.of("max_power", "max_power_scale", "non-operational_state",
            "entry_lat", "exit_lat", "read_tput", "read_lat", "write_tput", "write_lat", "idle_power", "idle_scale",
            "active_power", "active_power_work", "active_scale", "emerg_power_fail_recover_time",
            "emerg_power_fail_recover_scale", "force_quiesce_vault_time", "force_quiesce_vault_scale",
            "emerg_power_fail_vault_time", "emerg_power_fail_vault_scale");

    @Test
    void identifyPutsNvmeCliIdCtrlKeysAtTheTopInNvmeCliOrderSoJqDotMdtsWorks() {
        CliRun r = CliRun.of("identify", "-o", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = r.json();
        List<String> names = new ArrayList<>();
        j.fieldNames().forEachRemaining(names::add);
        // subnqn is left out by nvme-cli when the controller reports none; the simulator reports one or not.
        List<String> expected = new ArrayList<>(ID_CTRL_KEYS);
        if (!j.has("subnqn")) {
            expected.remove("subnqn");
        }
        assertThat(names.subList(0, expected.size())).containsExactlyElementsOf(expected);
        assertThat(names.subList(expected.size(), names.size())).doesNotContainAnyElementsOf(ID_CTRL_KEYS)
                .contains("device", "namespace", "registers");
        assertThat(j.get("mdts").isInt()).isTrue();
        assertThat(r.out()).doesNotContain("\"controller\"");
        assertThat(j.get("sn").isTextual()).isTrue();
        // The simulator's SUBNQN is NUL terminated as the spec says, so nothing pads it.
        assertThat(j.get("subnqn").asText()).startsWith("nqn.").doesNotEndWith(" ");
        assertThat(j.get("tnvmcap").isNumber()).isTrue();
        assertThat(j.get("fguid").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(j.get("psds").size()).isEqualTo(j.get("npss").asInt() + 1);
        List<String> psd = new ArrayList<>();
        j.get("psds").get(0).fieldNames().forEachRemaining(psd::add);
        assertThat(psd).containsExactlyElementsOf(PSD_KEYS);
        String text = CliRun.of("identify").out();
        assertThat(text).contains(String.format("mdts      : %d (", j.get("mdts").asInt()));
    }

    @Test
    void idCtrlValuesComeFromTheirOffsetsInTheDevicesBytes() {
        ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        IdentifyController.of(0x1b36, "SER1", "MODEL", "1.0", 5, 7, 0x10400, 1).writeTo(b);
        b.put(253, (byte) 3);                          // NVMSR
        b.putShort(360, (short) 0x1234);               // MPTFAWR
        b.putLong(280, 1_000_204_886_016L);            // TNVMCAP, low 8 of 16 bytes
        b.put(295, (byte) 0x01);                       // TNVMCAP bit 120: past a long
        b.put(112, (byte) 0xab);                       // FGUID byte 0
        b.put(263, (byte) 1);                          // NPSS 1: two power states
        b.putShort(2048 + 32, (short) 900);            // PSD1 MP
        b.put(2048 + 32 + 3, (byte) 0x03);             // PSD1 MXPS and NOPS
        b.put(2048 + 32 + 22, (byte) 0x85);            // PSD1 APWS: scale 2, workload 5
        b.put(1792, (byte) 4);                         // IOCCSZ
        ObjectNode o = OutputOptions.object();
        NvmeCliIdCtrl.write(IdentifyControllerData.copyOf(b), o);
        assertThat(o.get("vid").asInt()).isEqualTo(0x1b36);
        assertThat(o.get("mdts").asInt()).isEqualTo(5);
        assertThat(o.get("cntlid").asInt()).isEqualTo(7);
        assertThat(o.get("ver").asLong()).isEqualTo(0x10400);
        assertThat(o.get("nvmsr").asInt()).isEqualTo(3);
        assertThat(o.get("mptfawr").asInt()).isEqualTo(0x1234);
        assertThat(o.get("tnvmcap").bigIntegerValue())
                .isEqualTo(BigInteger.ONE.shiftLeft(120).add(BigInteger.valueOf(1_000_204_886_016L)));
        assertThat(o.get("fguid").asText()).isEqualTo("ab000000-0000-0000-0000-000000000000");
        assertThat(o.get("ioccsz").asLong()).isEqualTo(4);
        assertThat(o.get("sn").asText()).isEqualTo("SER1" + " ".repeat(16)); // nvme-cli keeps SN's space padding
        assertThat(o.get("psds")).hasSize(2);
        JsonNode p1 = o.get("psds").get(1);
        assertThat(p1.get("max_power").asInt()).isEqualTo(900);
        assertThat(p1.get("max_power_scale").asInt()).isEqualTo(1);
        assertThat(p1.get("non-operational_state").asInt()).isEqualTo(1);
        assertThat(p1.get("active_scale").asInt()).isEqualTo(2);
        assertThat(p1.get("active_power_work").asInt()).isEqualTo(5);
    }

    @Test
    void getFeatureWritesNvmeCliFeatureAndFieldsWithTheCountUnderTheThrLabel() {
        ObjectNode o = FeatureValues.json(8, 0, 0x0207);
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        assertThat(names.subList(0, 2)).containsExactly("feature: 0x08", "Feature: 0x08");
        assertThat(o.at("/feature: 0x08/0/name").asText()).isEqualTo("Interrupt Coalescing");
        assertThat(o.at("/feature: 0x08/0/Current").asText()).isEqualTo("0x00000207");
        assertThat(o.at("/Feature: 0x08/0/Aggregation Time (TIME)").asText()).isEqualTo("200 usec");
        assertThat(o.at("/Feature: 0x08/0/Aggregation Threshold (THR)").asInt()).isEqualTo(8);

        // C's %#0*x gives no 0x for zero: nvme-cli prints "00000000".
        assertThat(FeatureValues.json(8, 1, 0).at("/feature: 0x08/0/Default").asText()).isEqualTo("00000000");

        ObjectNode v = FeatureValues.json(9, 0, 0x10003);
        assertThat(v.at("/Feature: 0x09/0/Coalescing Disable (CD)").asText()).isEqualTo("True");
        assertThat(v.at("/Feature: 0x09/0/Interrupt Vector (IV)").asInt()).isEqualTo(3);

        ObjectNode q = FeatureValues.json(7, 0, 0x00030001);
        assertThat(q.at("/Feature: 0x07/0/Number of IO Completion Queues Allocated (NCQA)").asInt()).isEqualTo(4);
        assertThat(q.at("/Feature: 0x07/0/Number of IO Submission Queues Allocated (NSQA)").asInt()).isEqualTo(2);

        ObjectNode caps = FeatureValues.json(8, 3, 0x5);
        assertThat(caps.at("/feature: 0x08/0/Supported capabilities").asText()).isEqualTo("0x00000005");
        assertThat(caps.get("Feature: 0x08: select").toString()).isEqualTo("[\"saveable\",\"changeable\"]");
        assertThat(caps.has("Feature: 0x08")).isFalse();
    }

    @Test
    void getAndSetFeatureOnTheSimulatorSpeakNvmeCli() {
        CliRun g = CliRun.of("get-feature", "-d", "sim", "-f", "8", "-o", "json");
        assertThat(g.exit()).as(g.err()).isZero();
        assertThat(g.json().at("/feature: 0x08/0/Current").asText()).isEqualTo("00000000");
        assertThat(g.json().at("/Feature: 0x08/0/Aggregation Threshold (THR)").asInt()).isEqualTo(1);
        CliRun s = CliRun.of("set-feature", "-d", "sim", "-f", "8", "-V", "0x0207", "-o", "json");
        assertThat(s.exit()).as(s.err()).isZero();
        assertThat(s.json().at("/read_back/feature: 0x08/0/Current").asText()).isEqualTo("0x00000207");
        assertThat(s.json().at("/read_back/Feature: 0x08/0/Aggregation Threshold (THR)").asInt()).isEqualTo(8);
    }

    @Test
    void listWritesNvmeCliDevicesWithTheSimulatorsIdentity() {
        CliRun r = CliRun.of("list", "-o", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode tlc = null;
        for (JsonNode d : r.json().get("Devices")) {
            if (d.path("device").asText().equals("sim:tlc")) {
                tlc = d;
            }
        }
        assertThat(tlc).isNotNull();
        List<String> names = new ArrayList<>();
        tlc.fieldNames().forEachRemaining(names::add);
        assertThat(names.subList(0, 10)).containsExactly("NameSpace", "DevicePath", "GenericPath", "Firmware",
                "ModelNumber", "SerialNumber", "UsedBytes", "MaximumLBA", "PhysicalSize", "SectorSize");
        assertThat(tlc.get("NameSpace").isInt()).isTrue();
        assertThat(tlc.get("SectorSize").isInt()).isTrue();
        JsonNode id = CliRun.of("identify", "-d", "sim:tlc", "-o", "json").json();
        assertThat(tlc.get("ModelNumber").asText()).isEqualTo(id.get("mn").asText().strip());
        assertThat(tlc.get("PhysicalSize").asLong())
                .isEqualTo(id.at("/namespace/nsze").asLong() * id.at("/namespace/lba_size").asLong());
        assertThat(tlc.get("MaximumLBA").asLong()).isEqualTo(id.at("/namespace/nsze").asLong());
    }
}
