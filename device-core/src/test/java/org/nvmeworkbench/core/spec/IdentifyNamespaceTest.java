package org.nvmeworkbench.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class IdentifyNamespaceTest {

    @Test
    void roundTripsWithSeveralFormats() {
        IdentifyNamespace ns = new IdentifyNamespace(1 << 21, 1 << 21, 1000, 0x1, 1, 0x1, 0, 0, 0, 0,
                List.of(new LbaFormat(0, 9, 2), new LbaFormat(8, 12, 0)));
        ByteBuffer b = ByteBuffer.allocate(4096);
        ns.writeTo(b);
        assertThat(IdentifyNamespace.parse(b)).isEqualTo(ns);
    }

    @Test
    void lbaSizeComesFromTheFormatThatFlbasSelects() {
        IdentifyNamespace ns = new IdentifyNamespace(100, 100, 0, 0, 1, 0x11, 0, 0, 0, 0,
                List.of(new LbaFormat(0, 9, 0), new LbaFormat(0, 12, 0)));
        assertThat(ns.formatIndex()).isEqualTo(1);
        assertThat(ns.lbaSize()).isEqualTo(4096);
        assertThat(ns.sizeBytes()).isEqualTo(409_600);
    }

    @Test
    void lbaFormatPacksMsLbadsRp() {
        LbaFormat f = new LbaFormat(8, 12, 3);
        assertThat(f.dword()).isEqualTo(0x030C0008);
        assertThat(LbaFormat.fromDword(0x030C0008)).isEqualTo(f);
        assertThat(f.relativePerformance()).isEqualTo("Degraded");
    }

    @Test
    void nlbafIsZerosBasedAndNsizeSitsAtOffsetZero() {
        ByteBuffer b = ByteBuffer.allocate(4096);
        IdentifyNamespace.of(2048, 512).writeTo(b);
        assertThat(b.get(0)).isEqualTo((byte) 0x00);
        assertThat(b.get(1)).isEqualTo((byte) 0x08); // 2048 little-endian
        assertThat(b.get(25)).isEqualTo((byte) 0); // one format, 0's based
        assertThat(b.get(130)).isEqualTo((byte) 9); // LBADS of LBAF0
        IdentifyNamespace back = IdentifyNamespace.parse(b);
        assertThat(back.lbaf()).hasSize(1);
        assertThat(back.lbaSize()).isEqualTo(512);
        assertThat(back.active()).isTrue();
    }

    @Test
    void anAllZeroPageIsInactive() {
        IdentifyNamespace ns = IdentifyNamespace.parse(ByteBuffer.allocate(4096));
        assertThat(ns.active()).isFalse();
        assertThat(ns.lbaSize()).isZero();
    }

    @Test
    void aShortBufferIsRefusedAndWritingClearsWhatWasThere() {
        assertThatThrownBy(() -> IdentifyNamespace.parse(ByteBuffer.allocate(4095)))
                .hasMessage("Identify Namespace data is 4096 bytes, not 4095.");
        assertThatThrownBy(() -> IdentifyNamespace.of(8, 512).writeTo(ByteBuffer.allocate(512)))
                .hasMessage("Identify Namespace data needs 4096 bytes, not 512.");

        ByteBuffer b = ByteBuffer.allocate(4096);
        Arrays.fill(b.array(), (byte) 0xFF);
        IdentifyNamespace.of(2048, 512).writeTo(b);
        assertThat(b.get(31)).isZero(); // reserved
        assertThat(b.get(4095)).isZero();
        assertThat(IdentifyNamespace.parse(b.order(ByteOrder.BIG_ENDIAN))).isEqualTo(IdentifyNamespace.of(2048, 512));
    }
}
