package org.nvmeworkbench.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegisterDecoderTest {

    @Test
    void mqesIsZerosBasedAndTimeoutCountsHalfSeconds() {
        long cap = Registers.cap(1023, true, 20, 0, false, 1, 0, 4);
        assertThat(RegisterDecoder.cap(cap))
                .contains("Maximum Queue Entries Supported (MQES): 1023 (1024 entries per queue)")
                .contains("Timeout (TO): 20 (10 s to become ready)")
                .contains("Contiguous Queues Required (CQR): True")
                .contains("Doorbell Stride (DSTRD): 0 (4 bytes between doorbells)")
                .contains("Command Sets Supported (CSS): 0x01 (NVM command set)")
                .contains("Memory Page Size Maximum (MPSMAX): 4 (65536 bytes)");
    }

    @Test
    void oddTimeoutsReadAsFractions() {
        assertThat(RegisterDecoder.cap(Registers.cap(63, false, 3, 2, false, 1, 0, 0)))
                .contains("Timeout (TO): 3 (1.5 s to become ready)")
                .contains("Doorbell Stride (DSTRD): 2 (16 bytes between doorbells)");
    }

    @Test
    void ccAndCstsInWords() {
        int cc = Registers.cc(true, 0, 0, 0, 0, 6, 4);
        assertThat(RegisterDecoder.cc(cc))
                .contains("Enable (EN): 1 (enabled)")
                .contains("I/O Submission Queue Entry Size (IOSQES): 6 (64 bytes)")
                .contains("I/O Completion Queue Entry Size (IOCQES): 4 (16 bytes)");
        assertThat(RegisterDecoder.csts(Registers.CSTS_RDY | Registers.CSTS_CFS))
                .contains("Ready (RDY): 1 (ready)")
                .contains("Controller Fatal Status (CFS): 1 (fatal error: reset the controller)");
    }

    @Test
    void aqaSizesAreZerosBased() {
        assertThat(RegisterDecoder.aqa(Registers.aqa(32, 64)))
                .containsExactly("Admin Submission Queue Size (ASQS): 31 (32 entries)",
                        "Admin Completion Queue Size (ACQS): 63 (64 entries)");
    }

    @Test
    void describeHeadsEachRegisterWithItsRawValue() {
        assertThat(RegisterDecoder.describe(0, 0x00010400, 0, 0, 0))
                .contains("version : 0x00010400", "\tNVMe Version (MJR.MNR.TER): 1.4.0");
    }
}
