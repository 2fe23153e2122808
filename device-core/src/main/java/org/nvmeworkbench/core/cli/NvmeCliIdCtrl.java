package org.nvmeworkbench.core.cli;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.nvmeworkbench.core.spec.IdentifyControllerData;

/**
 * Identify Controller as nvme-cli 2.x's {@code id-ctrl -o json} writes it (nvme-print-json.c,
 * json_nvme_id_ctrl, v2.10 to v2.16): the same keys in the same order at the top level, numbers as numbers
 * (the 128-bit capacities too), SN/MN/FR with their space padding, FGUID as a UUID string, SUBNQN only
 * when set, and one {@code psds} entry per power state (NPSS is 0's based). Every value is read from the
 * bytes the device returned, at the offsets of libnvme's struct nvme_id_ctrl (NVMe base spec, figure
 * "Identify - Identify Controller Data Structure").
 */
final class NvmeCliIdCtrl {
    private enum Kind { U8, U16, U24, U32, U128, ASCII, UUID }

    private record Field(String key, Kind kind, int offset, int length) {
    }

    /** nvme-cli's keys in its order; the offset and width of each in the structure. */
    static final List<Field> FIELDS = List.of(
            f("vid", Kind.U16, 0, 2), f("ssvid", Kind.U16, 2, 2), f("sn", Kind.ASCII, 4, 20),
            f("mn", Kind.ASCII, 24, 40), f("fr", Kind.ASCII, 64, 8), f("rab", Kind.U8, 72, 1),
            f("ieee", Kind.U24, 73, 3), f("cmic", Kind.U8, 76, 1), f("mdts", Kind.U8, 77, 1),
            f("cntlid", Kind.U16, 78, 2), f("ver", Kind.U32, 80, 4), f("rtd3r", Kind.U32, 84, 4),
            f("rtd3e", Kind.U32, 88, 4), f("oaes", Kind.U32, 92, 4), f("ctratt", Kind.U32, 96, 4),
            f("rrls", Kind.U16, 100, 2), f("bpcap", Kind.U8, 102, 1), f("nssl", Kind.U32, 104, 4),
            f("plsi", Kind.U8, 110, 1), f("cntrltype", Kind.U8, 111, 1), f("fguid", Kind.UUID, 112, 16),
            f("crdt1", Kind.U16, 128, 2), f("crdt2", Kind.U16, 130, 2), f("crdt3", Kind.U16, 132, 2),
            f("crcap", Kind.U8, 134, 1), f("nvmsr", Kind.U8, 253, 1), f("vwci", Kind.U8, 254, 1),
            f("mec", Kind.U8, 255, 1), f("oacs", Kind.U16, 256, 2), f("acl", Kind.U8, 258, 1),
            f("aerl", Kind.U8, 259, 1), f("frmw", Kind.U8, 260, 1), f("lpa", Kind.U8, 261, 1),
            f("elpe", Kind.U8, 262, 1), f("npss", Kind.U8, 263, 1), f("avscc", Kind.U8, 264, 1),
            f("apsta", Kind.U8, 265, 1), f("wctemp", Kind.U16, 266, 2), f("cctemp", Kind.U16, 268, 2),
            f("mtfa", Kind.U16, 270, 2), f("hmpre", Kind.U32, 272, 4), f("hmmin", Kind.U32, 276, 4),
            f("tnvmcap", Kind.U128, 280, 16), f("unvmcap", Kind.U128, 296, 16), f("rpmbs", Kind.U32, 312, 4),
            f("edstt", Kind.U16, 316, 2), f("dsto", Kind.U8, 318, 1), f("fwug", Kind.U8, 319, 1),
            f("kas", Kind.U16, 320, 2), f("hctma", Kind.U16, 322, 2), f("mntmt", Kind.U16, 324, 2),
            f("mxtmt", Kind.U16, 326, 2), f("sanicap", Kind.U32, 328, 4), f("hmminds", Kind.U32, 332, 4),
            f("hmmaxd", Kind.U16, 336, 2), f("nsetidmax", Kind.U16, 338, 2), f("endgidmax", Kind.U16, 340, 2),
            f("anatt", Kind.U8, 342, 1), f("anacap", Kind.U8, 343, 1), f("anagrpmax", Kind.U32, 344, 4),
            f("nanagrpid", Kind.U32, 348, 4), f("pels", Kind.U32, 352, 4), f("domainid", Kind.U16, 356, 2),
            f("kpioc", Kind.U8, 358, 1), f("mptfawr", Kind.U16, 360, 2), f("megcap", Kind.U128, 368, 16),
            f("tmpthha", Kind.U8, 384, 1), f("cqt", Kind.U16, 386, 2), f("sqes", Kind.U8, 512, 1),
            f("cqes", Kind.U8, 513, 1), f("maxcmd", Kind.U16, 514, 2), f("nn", Kind.U32, 516, 4),
            f("oncs", Kind.U16, 520, 2), f("fuses", Kind.U16, 522, 2), f("fna", Kind.U8, 524, 1),
            f("vwc", Kind.U8, 525, 1), f("awun", Kind.U16, 526, 2), f("awupf", Kind.U16, 528, 2),
            f("icsvscc", Kind.U8, 530, 1), f("nwpc", Kind.U8, 531, 1), f("acwu", Kind.U16, 532, 2),
            f("ocfs", Kind.U16, 534, 2), f("sgls", Kind.U32, 536, 4), f("mnan", Kind.U32, 540, 4),
            f("maxdna", Kind.U128, 544, 16), f("maxcna", Kind.U32, 560, 4), f("oaqd", Kind.U32, 564, 4),
            f("rhiri", Kind.U8, 568, 1), f("hirt", Kind.U8, 569, 1), f("cmmrtd", Kind.U16, 570, 2),
            f("nmmrtd", Kind.U16, 572, 2), f("minmrtg", Kind.U8, 574, 1), f("maxmrtg", Kind.U8, 575, 1),
            f("trattr", Kind.U8, 576, 1), f("mcudmq", Kind.U16, 578, 2), f("mnsudmq", Kind.U16, 580, 2),
            f("mcmr", Kind.U16, 582, 2), f("nmcmr", Kind.U16, 584, 2), f("mcdqpc", Kind.U16, 586, 2),
            f("subnqn", Kind.ASCII, 768, 256), f("ioccsz", Kind.U32, 1792, 4), f("iorcsz", Kind.U32, 1796, 4),
            f("icdoff", Kind.U16, 1800, 2), f("fcatt", Kind.U8, 1802, 1), f("msdbd", Kind.U8, 1803, 1),
            f("ofcs", Kind.U16, 1804, 2));

    /** Power state descriptors start at byte 2048, 32 bytes each (figure "Power State Descriptor"). */
    private static final int PSD_OFFSET = 2048;
    private static final int PSD_SIZE = 32;
    private static final int NPSS_OFFSET = 263;

    private NvmeCliIdCtrl() {
    }

    private static Field f(String key, Kind kind, int offset, int length) {
        return new Field(key, kind, offset, length);
    }

    /** nvme-cli's top-level keys, in order (psds last), so tests and docs can name them. */
    static List<String> keys() {
        List<String> keys = new ArrayList<>();
        FIELDS.forEach(f -> keys.add(f.key()));
        keys.add("psds");
        return keys;
    }

    /** Adds nvme-cli's id-ctrl keys to {@code o}, in nvme-cli's order. */
    static void write(IdentifyControllerData d, ObjectNode o) {
        for (Field f : FIELDS) {
            switch (f.kind()) {
                case U8 -> o.put(f.key(), d.u8(f.offset()));
                case U16 -> o.put(f.key(), d.u16(f.offset()));
                case U24 -> o.put(f.key(), d.u8(f.offset()) | d.u8(f.offset() + 1) << 8 | d.u8(f.offset() + 2) << 16);
                case U32 -> o.put(f.key(), d.u32(f.offset()));
                case U128 -> o.put(f.key(), d.u128(f.offset()));
                case UUID -> o.put(f.key(), d.uuid(f.offset()));
                case ASCII -> {
                    String s = d.ascii(f.offset(), f.length());
                    // nvme-cli leaves subnqn out when the controller reports none.
                    if (!f.key().equals("subnqn") || !s.isEmpty()) {
                        o.put(f.key(), s);
                    }
                }
            }
        }
        ArrayNode psds = o.putArray("psds");
        for (int i = 0; i <= d.u8(NPSS_OFFSET); i++) {
            psds.add(powerState(d, PSD_OFFSET + i * PSD_SIZE, o));
        }
    }

    /** One Power State Descriptor, nvme-cli's keys and its decoding of the packed scales. */
    private static ObjectNode powerState(IdentifyControllerData d, int p, ObjectNode parent) {
        int flags = d.u8(p + 3);
        int epfrFqvTs = d.u8(p + 26);
        return parent.objectNode()
                .put("max_power", d.u16(p))
                .put("max_power_scale", flags & 1)
                .put("non-operational_state", (flags & 2) != 0 ? 1 : 0)
                .put("entry_lat", d.u32(p + 4))
                .put("exit_lat", d.u32(p + 8))
                .put("read_tput", d.u8(p + 12))
                .put("read_lat", d.u8(p + 13))
                .put("write_tput", d.u8(p + 14))
                .put("write_lat", d.u8(p + 15))
                .put("idle_power", d.u16(p + 16))
                .put("idle_scale", d.u8(p + 18) >>> 6)
                .put("active_power", d.u16(p + 20))
                .put("active_power_work", d.u8(p + 22) & 7)
                .put("active_scale", d.u8(p + 22) >>> 6)
                .put("emerg_power_fail_recover_time", d.u8(p + 23))
                .put("emerg_power_fail_recover_scale", epfrFqvTs & 0xF)
                .put("force_quiesce_vault_time", d.u8(p + 24))
                .put("force_quiesce_vault_scale", epfrFqvTs >>> 4)
                .put("emerg_power_fail_vault_time", d.u8(p + 25))
                .put("emerg_power_fail_vault_scale", d.u8(p + 27) & 0xF);
    }
}
