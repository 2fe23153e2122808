package org.nvmeworkbench.core.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.driver.SimBench;
import org.nvmeworkbench.core.spec.InterruptCoalescing;

class WorkloadSpecTest {

    @Test
    void fioNamesParseIncludingTheReadwriteAlias() {
        assertThat(ReadWrite.parse("randread")).isEqualTo(ReadWrite.RANDREAD);
        assertThat(ReadWrite.parse("readwrite")).isEqualTo(ReadWrite.RW);
        assertThat(ReadWrite.parse(" RandRW ")).isEqualTo(ReadWrite.RANDRW);
        assertThat(ReadWrite.parse("trimwrite")).isEqualTo(ReadWrite.TRIMWRITE);
        assertThatThrownBy(() -> ReadWrite.parse("randerase")).hasMessageContaining("use read, write, randread")
                .hasMessageContaining("randtrim");
    }

    @Test
    void defaultsAreValid() {
        assertThat(WorkloadSpec.defaults().problems()).isEmpty();
        assertThat(WorkloadSpec.defaults().rw()).isEqualTo(ReadWrite.RANDREAD);
        assertThat(WorkloadSpec.defaults().iodepth()).isEqualTo(32);
    }

    @Test
    void writesNeedExplicitPermission() {
        assertThat(WorkloadSpec.defaults().withRw(ReadWrite.RANDWRITE).problems())
                .containsExactly("randwrite writes to the device; allow writes explicitly (--allow-writes) to run it.");
        assertThat(WorkloadSpec.defaults().withRw(ReadWrite.RANDWRITE).withAllowWrites(true).problems()).isEmpty();
    }

    @Test
    void aRunWithoutAnyLimitIsRefused() {
        assertThat(WorkloadSpec.defaults().withLimits(0, 0).problems())
                .containsExactly("Give a runtime or a number of I/Os; with neither the run would never end.");
    }

    @Test
    void deviceLimitsAreCheckedOneSentenceEach() {
        try (SimBench b = SimBench.attach("null")) {
            assertThat(WorkloadSpec.defaults().withBlockSize(1000).problems(b.ctrl))
                    .containsExactly("The block size 1000 B is not a multiple of the namespace's 512 B logical block.");
            assertThat(WorkloadSpec.defaults().withIodepth(1024).problems(b.ctrl))
                    .containsExactly("iodepth 1024 is more than a queue of this controller can hold "
                            + "(1023: CAP.MQES + 1 entries with one kept empty).");
            assertThat(WorkloadSpec.defaults().withCdVectors(Set.of(5)).problems(b.ctrl))
                    .containsExactly("IV 5 is not used by any of the run's queues (they use [1]).");
            assertThatThrownBy(() -> WorkloadSpec.defaults().withBlockSize(1000).validate(b.ctrl))
                    .isInstanceOf(WorkloadException.class);
        }
    }

    @Test
    void eachWithChangesOnlyTheComponentsItNames() {
        WorkloadSpec s = new WorkloadSpec(ReadWrite.RANDRW, 8192, 16, 2, 3_000_000L, 500, 70, 9, true,
                new InterruptCoalescing(7, 2), Set.of(1), false);

        assertThat(changed(s, s.withRw(ReadWrite.READ))).containsExactly("rw");
        assertThat(changed(s, s.withBlockSize(4096))).containsExactly("blockSize");
        assertThat(changed(s, s.withIodepth(4))).containsExactly("iodepth");
        assertThat(changed(s, s.withQueues(3))).containsExactly("queues");
        assertThat(changed(s, s.withLimits(1_000L, 20))).containsExactly("ios", "runtimeNanos");
        assertThat(changed(s, s.withRwmixread(30))).containsExactly("rwmixread");
        assertThat(changed(s, s.withSeed(11))).containsExactly("seed");
        assertThat(changed(s, s.withAllowWrites(false))).containsExactly("allowWrites");
        assertThat(changed(s, s.withCoalescing(null))).containsExactly("coalescing");
        assertThat(changed(s, s.withCdVectors(Set.of(2, 1)))).containsExactly("cdVectors");
        assertThat(changed(s, s.withPolling(true))).containsExactly("polling");

        assertThat(s.withLimits(1_000L, 20)).extracting(WorkloadSpec::runtimeNanos, WorkloadSpec::ios)
                .containsExactly(1_000L, 20L);
        assertThat(s.withCdVectors(Set.of(2, 1)).cdVectors()).containsExactly(1, 2);
        assertThat(s.withCdVectors(null).cdVectors()).isNull();
    }

    /** The names of the components in which {@code b} differs from {@code a}, sorted. */
    private static Set<String> changed(WorkloadSpec a, WorkloadSpec b) {
        Set<String> names = new TreeSet<>();
        for (RecordComponent c : WorkloadSpec.class.getRecordComponents()) {
            try {
                if (!Objects.equals(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) {
                    names.add(c.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        return names;
    }
}
