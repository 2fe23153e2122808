package org.nvmeworkbench.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.spec.FeatureId;

/** set-feature on the simulator: which queues the attach asks for, and the options shared with get-feature. */
class SetFeatureCommandTest {
    private static final Logger ATTACH_LOG = Logger.getLogger(AttachedDevice.class.getName());

    private final List<String> attaches = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            attaches.add(r.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level was;

    @BeforeEach
    void listen() {
        was = ATTACH_LOG.getLevel();
        ATTACH_LOG.setLevel(Level.FINE);
        ATTACH_LOG.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        ATTACH_LOG.removeHandler(capture);
        ATTACH_LOG.setLevel(was);
    }

    @Test
    void coalescingValueIsNeverTakenForAVector() {
        // 0x0207: TIME 2, THR 7. Its low bits once became "IV 519", and the attach asked for 519 I/O queues.
        CliRun r = CliRun.of("set-feature", "-f", "8", "-v", "0x0207");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(attaches).containsExactly("sim attached: 1 I/O queue(s) asked for, 1 granted, 2 interrupt vector(s)");
        assertThat(r.out()).doesNotContain("I/O queue 7");
    }

    @Test
    void vectorConfigurationAttachesWithTheVectorFromCdw11() {
        CliRun r = CliRun.of("set-feature", "-f", "9", "--cdw11", "3", "-v", "0x10000", "-o", "json");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(attaches).containsExactly("sim attached: 3 I/O queue(s) asked for, 3 granted, 4 interrupt vector(s)");
        assertThat(r.json().at("/read_back/iv").asInt()).isEqualTo(3);
        assertThat(r.json().at("/read_back/cd").asBoolean()).isTrue();
    }

    @Test
    void vectorInTheValueServesAsWellAsCdw11() {
        CliRun r = CliRun.of("set-feature", "-f", "9", "-v", "0x10002");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(attaches).containsExactly("sim attached: 2 I/O queue(s) asked for, 2 granted, 3 interrupt vector(s)");
        assertThat(r.out()).contains("Interrupt Vector (IV): 2");
    }

    @Test
    void onlyVectorConfigurationNamesAQueue() {
        assertThat(FeatureValues.ioQueuesForSet(FeatureId.INTERRUPT_COALESCING, 0xFFFF)).isEqualTo(1);
        assertThat(FeatureValues.vectorOf(FeatureId.INTERRUPT_COALESCING, 0x0207)).isZero();
        assertThat(FeatureValues.ioQueuesForSet(FeatureId.INTERRUPT_VECTOR_CONFIGURATION, 0x1_0005)).isEqualTo(5);
        assertThat(FeatureValues.ioQueuesForSet(FeatureId.INTERRUPT_VECTOR_CONFIGURATION, 0x1_0000)).isEqualTo(1);
    }

    @Test
    void bothFeatureCommandsShareTheDeviceFeatureAndVectorOptions() {
        for (String command : new String[] {"get-feature", "set-feature"}) {
            CliRun help = CliRun.of(command, "--help");
            assertThat(help.out()).as(command).contains("-d, --device=DEV", "-f, --feature-id=FID",
                    "--cdw11=IV", "For -f 9: the interrupt vector (IV), the");
        }
        CliRun missing = CliRun.of("set-feature", "-v", "1");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--feature-id=FID");
    }
}
