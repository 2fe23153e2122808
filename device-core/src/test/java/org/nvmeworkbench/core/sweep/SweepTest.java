package org.nvmeworkbench.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.sim.SimulatedController;
import org.nvmeworkbench.core.workload.ReadWrite;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.workload.WorkloadRunner;
import org.nvmeworkbench.core.workload.WorkloadException;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/** End to end on the simulator: a fresh device per point, same seed, deterministic. */
public class SweepTest {

    static WorkloadSpec base(long ios) {
        return WorkloadSpec.defaults().withLimits(0, ios).withIodepth(32).withSeed(3);
    }

    @Test
    void smallGridRunsEveryPointWithItsCoalescingInForce() {
        SweepGrid grid = new SweepGrid(List.of(0, 7), List.of(0, 2), List.of(32));
        List<String> progress = new ArrayList<>();
        List<SweepPoint> points = new Sweep("sim:tlc", base(5_000), grid)
                .run((done, total, p) -> progress.add(done + "/" + total));
        assertThat(progress).containsExactly("1/4", "2/4", "3/4", "4/4");
        assertThat(points).extracting(p -> p.record().features().coalescing()).containsExactly(0x0000, 0x0200, 0x0007, 0x0207);
        SweepPoint off = points.get(0);
        SweepPoint thr7 = points.get(3);
        assertThat(off.record().totals().ios()).isEqualTo(5_000);
        // Coalescing exists to cut interrupts: THR 7 (8 completions) must take far fewer than one per completion.
        assertThat(thr7.interruptsPerSecond()).isLessThan(off.interruptsPerSecond() / 3);
        assertThat(thr7.record().completionsPerInterrupt()).isGreaterThan(3);
    }

    @Test
    void sameGridAndSeedGiveTheSameRecords() {
        SweepGrid grid = new SweepGrid(List.of(3), List.of(1), List.of(16));
        SweepPoint a = new Sweep("sim:tlc", base(3_000), grid).run(null).get(0);
        SweepPoint b = new Sweep("sim:tlc", base(3_000), grid).run(null).get(0);
        assertThat(a.record().latency()).isEqualTo(b.record().latency());
        assertThat(a.record().totals().interrupts()).isEqualTo(b.record().totals().interrupts());
        assertThat(a.record().durationNanos()).isEqualTo(b.record().durationNanos());
    }

    @Test
    void cancellingKeepsTheFinishedPointsOnly() {
        SweepGrid grid = new SweepGrid(List.of(0, 3, 7), List.of(0, 1), List.of(32));
        Sweep sweep = new Sweep("sim:null", base(2_000), grid);
        List<SweepPoint> points = sweep.run((done, total, p) -> {
            if (done == 2) {
                sweep.cancel();
            }
        });
        assertThat(points).hasSize(2);
        assertThat(sweep.isCancelled()).isTrue();
    }

    @Test
    void aWorkloadProblemIsRefusedBeforeAnyPointRuns() {
        SweepGrid grid = new SweepGrid(List.of(0), List.of(0), List.of(32));
        assertThatThrownBy(() -> new Sweep("sim", base(1_000).withRw(ReadWrite.RANDWRITE), grid).run(null))
                .isInstanceOf(WorkloadException.class).hasMessageContaining("--allow-writes");
    }

    public static final String QEMU_REFUSAL = "vfio:0000:00:04.0 refuses Set Features 08h (Feature Not Changeable), so every point "
            + "would run at the device's own setting: nothing to sweep.";

    @Test
    void aDeviceThatCannotChangeCoalescingIsRefusedBeforeAnyPoint() {
        OneOpenerSim qemuLike = new OneOpenerSim(true);
        SweepGrid grid = new SweepGrid(List.of(0, 7), List.of(0, 1), List.of(8));
        List<SweepPoint> heard = new ArrayList<>();
        Sweep sweep = new Sweep("vfio:0000:00:04.0", base(2_000), grid, qemuLike.catalog());
        assertThatThrownBy(() -> sweep.run((done, total, p) -> heard.add(p)))
                .isInstanceOf(SweepRefusedException.class).hasMessage(QEMU_REFUSAL);
        assertThat(heard).isEmpty();
        assertThat(qemuLike.opened).hasSize(1);
        assertThat(qemuLike.ioCommands).isZero();
    }

    @Test
    void aHeldControllerThatCannotChangeCoalescingIsRefusedToo() {
        SweepGrid grid = new SweepGrid(List.of(0, 7), List.of(0), List.of(8));
        OneOpenerSim qemuLike = new OneOpenerSim(true);
        org.nvmeworkbench.core.driver.NvmeController ctrl = org.nvmeworkbench.core.driver.NvmeController.attach(
                qemuLike.open("vfio:0000:00:04.0", new org.nvmeworkbench.core.device.DeviceOptions(3, false)),
                org.nvmeworkbench.core.driver.DriverOptions.DEFAULT);
        try {
            assertThatThrownBy(() -> Sweep.onController("vfio:0000:00:04.0", ctrl, base(2_000), grid).run(null))
                    .hasMessage(QEMU_REFUSAL);
            assertThat(qemuLike.ioCommands).isZero();
        } finally {
            ctrl.close();
            ctrl.pci().close();
        }
    }

    @Test
    void aRealDeviceIsOpenedOnceAndSaysItsPointsAreNotDeterministic() {
        OneOpenerSim device = new OneOpenerSim(false);
        SweepGrid grid = new SweepGrid(List.of(0, 7), List.of(0, 1), List.of(8));
        Sweep sweep = new Sweep("vfio:0000:00:04.0", base(2_000), grid, device.catalog());
        List<SweepPoint> points = sweep.run(null);
        assertThat(points).extracting(p -> p.record().features().coalescing()).containsExactly(0x0000, 0x0100, 0x0007, 0x0107);
        assertThat(device.opened).hasSize(1);
        assertThat(device.ioCommands).isEqualTo(4 * 2_000);
        SweepResult r = SweepResult.analyse("vfio:0000:00:04.0", base(2_000), grid, points, 99, 0, SweepCost.INTERRUPTS_PER_SECOND,
                false, 1);
        assertThat(r.text()).contains("Points on a real device are not deterministic");
        assertThat(r.html()).contains("Points on a real device are not deterministic");
        SweepResult sim = SweepResult.analyse("sim:null", base(2_000), grid, points, 99, 0, SweepCost.INTERRUPTS_PER_SECOND, false, 1);
        assertThat(sim.text()).doesNotContain("not deterministic");
    }

    @Test
    void aSweepOnAHeldControllerLeavesItAttachedWithItsCoalescingAsBefore() {
        OneOpenerSim device = new OneOpenerSim(false);
        SimulatedController[] sim = new SimulatedController[1];
        org.nvmeworkbench.core.driver.NvmeController ctrl = org.nvmeworkbench.core.driver.NvmeController.attach(
                device.open("vfio:0000:00:04.0", new org.nvmeworkbench.core.device.DeviceOptions(3, false)),
                org.nvmeworkbench.core.driver.DriverOptions.DEFAULT);
        sim[0] = device.opened.get(0);
        try {
            assertThat(ctrl.setFeature(org.nvmeworkbench.core.spec.FeatureId.INTERRUPT_COALESCING, 0x0203, false).ok()).isTrue();
            SweepGrid grid = new SweepGrid(List.of(0, 15), List.of(0, 2), List.of(8));
            Sweep sweep = Sweep.onController("vfio:0000:00:04.0", ctrl, base(2_000), grid);
            List<SweepPoint> points = sweep.run((done, total, p) -> {
                if (done == 3) {
                    sweep.cancel();
                }
            });
            assertThat(points).hasSize(3);
            assertThat(sim[0].interruptCoalescingValue()).isEqualTo(0x0203);
            assertThat(ctrl.ioQueuePairs()).isEmpty();
            assertThatThrownBy(() -> device.open("vfio:0000:00:04.0", new org.nvmeworkbench.core.device.DeviceOptions(3, false)))
                    .hasMessageContaining("already open");
            // Still usable: a plain run afterwards.
            RunRecord after = new WorkloadRunner().run(ctrl, base(500).withIodepth(4), null);
            assertThat(after.totals().ios()).isEqualTo(500);
        } finally {
            ctrl.close();
            ctrl.pci().close();
        }
    }

    @Test
    void gridRejectsValuesOutsideTheFields() {
        assertThatThrownBy(() -> new SweepGrid(List.of(256), List.of(0), List.of(1)).settings())
                .hasMessageContaining("THR must be 0..255");
    }

    /** The speed budget: 4 x 4 points of 100,000 I/Os in seconds. Measured, logged, bounded loosely. */
    @Test
    void fourByFourGridOfHundredThousandIosRunsEveryPointInFull() {
        // How long it takes is measured by the sweep command itself ("16 of 16 points in 2.46 s"), not
        // asserted here: a timed test fails on a busy machine and proves nothing on an idle one.
        SweepGrid grid = new SweepGrid(List.of(0, 3, 7, 15), List.of(0, 1, 2, 4), List.of(32));
        List<SweepPoint> points = new Sweep("sim:null", base(100_000), grid).run(null);
        assertThat(points).hasSize(16);
        assertThat(points).allSatisfy(p -> assertThat(p.record().totals().ios()).isEqualTo(100_000));
    }
}
