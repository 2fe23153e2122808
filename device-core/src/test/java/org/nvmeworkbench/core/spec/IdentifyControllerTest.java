package org.nvmeworkbench.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class IdentifyControllerTest {

    private static IdentifyController sample() {
        return new IdentifyController(0x1b36, 0x1af4, "SIM0001", "NVMe Workbench Simulated Controller", "1.0",
                6, 0x525400, 0x0, 5, 0x41, 0x00010400, 1000, 2000, 0x100, 0x1, 1, 0x000a, 3, 3, 0x02, 0x0e,
                63, 0, 343, 373, 0x66, 0x44, 256, 1, 0x1f, 0, 0, 1, 0, 0, 0, "nqn.2024-01.org.nvmeworkbench:sim");
    }

    @Test
    void roundTripsEveryField() {
        ByteBuffer b = ByteBuffer.allocate(4096);
        sample().writeTo(b);
        assertThat(IdentifyController.parse(b)).isEqualTo(sample());
    }

    @Test
    void fieldsSitAtTheirSpecOffsetsLittleEndian() {
        ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.BIG_ENDIAN);
        sample().writeTo(b);
        assertThat(b.get(0) & 0xFF).isEqualTo(0x36); // VID low byte first
        assertThat(b.get(1) & 0xFF).isEqualTo(0x1b);
        assertThat(b.get(4)).isEqualTo((byte) 'S'); // SN starts at 4
        assertThat(b.get(23)).isEqualTo((byte) ' '); // space padded
        assertThat(b.get(24)).isEqualTo((byte) 'N'); // MN at 24
        assertThat(b.get(64)).isEqualTo((byte) '1'); // FR at 64
        assertThat(b.get(73) & 0xFF).isEqualTo(0x00); // IEEE OUI stored least significant byte first
        assertThat(b.get(75) & 0xFF).isEqualTo(0x52);
        assertThat(b.get(77)).isEqualTo((byte) 5); // MDTS
        assertThat(b.get(82)).isEqualTo((byte) 1); // VER major, bytes 83:80
        assertThat(b.get(256)).isEqualTo((byte) 0x0a); // OACS
        assertThat(b.get(512)).isEqualTo((byte) 0x66); // SQES
        assertThat(b.get(513)).isEqualTo((byte) 0x44); // CQES
        assertThat(b.get(516)).isEqualTo((byte) 1); // NN
        assertThat(b.get(525)).isEqualTo((byte) 1); // VWC
        assertThat(b.get(768)).isEqualTo((byte) 'n'); // SUBNQN
        assertThat(b.get(1023)).isEqualTo((byte) 0);
    }

    @Test
    void parsingTrimsPaddingAndLeavesTheCallersBufferAlone() {
        ByteBuffer b = ByteBuffer.allocate(4096);
        sample().writeTo(b);
        b.position(100);
        IdentifyController c = IdentifyController.parse(b);
        assertThat(c.sn()).isEqualTo("SIM0001");
        assertThat(c.mn()).isEqualTo("NVMe Workbench Simulated Controller");
        assertThat(b.position()).isEqualTo(100);
        assertThat(c.version()).isEqualTo("1.4.0");
        assertThat(c.maxTransferBytes(4096)).isEqualTo(128 * 1024);
    }

    @Test
    void describeStatesWhatFieldsMean() {
        assertThat(sample().describe())
                .contains("mdts      : 5 (max transfer 128 KiB with 4 KiB pages)")
                .contains("sqes      : 0x66 (64..64 bytes per SQ entry)")
                .contains("ver       : 0x10400 (NVMe 1.4.0)");
    }

    @Test
    void rejectsStringsThatDoNotFit() {
        assertThatThrownBy(() -> IdentifyController.of(1, "x".repeat(21), "m", "f", 0, 0, 0, 1))
                .hasMessageContaining("SN holds at most 20");
    }

    @Test
    void aShortBufferIsRefusedAndWritingClearsWhatWasThere() {
        assertThatThrownBy(() -> IdentifyController.parse(ByteBuffer.allocate(1024)))
                .hasMessage("Identify Controller data is 4096 bytes, not 1024.");
        assertThatThrownBy(() -> sample().writeTo(ByteBuffer.allocate(4095)))
                .hasMessage("Identify Controller data needs 4096 bytes, not 4095.");

        ByteBuffer b = ByteBuffer.allocate(4096);
        Arrays.fill(b.array(), (byte) 0xFF);
        sample().writeTo(b);
        assertThat(b.get(1024)).isZero(); // past SUBNQN
        assertThat(b.get(4095)).isZero();
        assertThat(IdentifyController.parse(b)).isEqualTo(sample());
    }
}
