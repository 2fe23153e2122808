package org.nvmeworkbench.ui.view.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javafx.collections.ListChangeListener;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.device.DeviceException;
import org.nvmeworkbench.core.device.DeviceInfo;
import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.device.DeviceProvider;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.pci.PciFunction;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.sim.MediaProfile;
import org.nvmeworkbench.core.sim.SimConfig;
import org.nvmeworkbench.core.sim.SimTraceListener;
import org.nvmeworkbench.core.sim.SimulatedController;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.sweep.SweepResult;
import org.nvmeworkbench.core.workload.WorkloadSpec;
import org.nvmeworkbench.core.session.ControllerState;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.nvmeworkbench.ui.task.CurrentThreadTaskExecutor;

/**
 * The Sweep view on a device that is not the simulator: a {@code vfio} provider whose function is a
 * simulated controller and which, like a VFIO group, opens once only. The sweep must run on the session's
 * own controller and leave it attached and usable.
 */
class SweepOnAttachedDeviceTest {
    private static final String DEV = "vfio:0000:00:04.0";

    /** A VFIO stand-in: opens once, counts opens and the I/O commands its controller fetched. */
    static final class OnceOpened implements DeviceProvider {
        final boolean fixedCoalescing;
        final List<SimulatedController> opened = new ArrayList<>();
        long ioCommands;

        OnceOpened(boolean fixedCoalescing) {
            this.fixedCoalescing = fixedCoalescing;
        }

        @Override
        public String scheme() {
            return "vfio";
        }

        @Override
        public List<DeviceInfo> discover() {
            return List.of();
        }

        @Override
        public PciFunction open(String spec, DeviceOptions options) {
            if (!opened.isEmpty()) {
                throw new DeviceException(spec + " was opened already; a VFIO group can be opened only once.");
            }
            SimulatedController sim = SimulatedController.create(SimConfig.builder().profile(MediaProfile.NULL)
                    .fixedCoalescing(fixedCoalescing).build());
            sim.setTraceListener(new SimTraceListener() {
                @Override
                public void sqeFetched(int qid, int cid, int opcode, int sqHead, long t) {
                    if (qid != 0) {
                        ioCommands++;
                    }
                }
            });
            opened.add(sim);
            return sim;
        }
    }

    private OnceOpened provider;
    private WorkbenchSession session;
    private SweepViewModel vm;

    private void attach(boolean fixedCoalescing) {
        provider = new OnceOpened(fixedCoalescing);
        session = new WorkbenchSession(new DeviceCatalog(List.of(provider)), new CurrentThreadTaskExecutor(), null);
        session.draftSpec().set(WorkloadSpec.defaults().withQueues(1));
        session.attach(DEV).join();
        vm = new SweepViewModel(session);
        vm.thresholds().set("0,15");
        vm.times().set("0,1");
        vm.iodepths().set("8");
        vm.iosPerPoint().set("2000");
        vm.target().set("1s");
    }

    @AfterEach
    void detach() {
        if (session != null) {
            session.detach().join();
        }
    }

    /** The session still holds the same controller, idle, and a plain run works on it. */
    private void stillAttachedAndUsable(NvmeController before) {
        assertThat(session.isAttached()).isTrue();
        assertThat(session.controller().get()).isSameAs(before);
        assertThat(session.device().get()).isEqualTo(DEV);
        assertThat(session.state().get()).isEqualTo(ControllerState.IDLE);
        assertThat(before.ioQueuePairs()).isEmpty();
        RunRecord after = session.run(WorkloadSpec.defaults().withQueues(1).withIodepth(4).withLimits(0, 300)).join();
        assertThat(after.totals().ios()).isEqualTo(300);
    }

    @Test
    void theSweepRunsOnTheAttachedControllerAndLeavesItAttachedAndUsable() {
        attach(false);
        NvmeController ctrl = session.controller().get();
        assertThat(ctrl.setFeature(FeatureId.INTERRUPT_COALESCING, 0x0103, false).ok()).isTrue();
        assertThat(vm.summary().get()).contains("on " + DEV + " (one after another on the attached controller)");

        SweepResult r = vm.start().join();

        assertThat(r.points()).hasSize(4);
        assertThat(provider.opened).hasSize(1);
        assertThat(provider.ioCommands).isEqualTo(4 * 2000);
        assertThat(session.runs()).extracting(x -> x.features().coalescing()).containsExactly(0x0000, 0x0100, 0x000F, 0x010F);
        assertThat(provider.opened.get(0).interruptCoalescingValue()).as("08h put back as it was").isEqualTo(0x0103);
        assertThat(vm.recommendationText()).contains("Points on a real device are not deterministic");
        stillAttachedAndUsable(ctrl);
    }

    @Test
    void cancellingLeavesTheDeviceAttachedAndUsable() {
        attach(false);
        NvmeController ctrl = session.controller().get();
        session.runs().addListener((ListChangeListener<RunRecord>) c -> {
            if (session.runs().size() == 2) {
                vm.cancel();
            }
        });
        SweepResult r = vm.start().join();
        assertThat(r.cancelled()).isTrue();
        assertThat(r.points()).hasSize(2);
        stillAttachedAndUsable(ctrl);
    }

    @Test
    void applyingCoalescingDuringASweepIsRefusedSoNoPointIsSkewed() {
        attach(false);
        List<java.util.concurrent.CompletableFuture<?>> applied = new ArrayList<>();
        session.runs().addListener((ListChangeListener<RunRecord>) c -> {
            if (session.runs().size() == 1) {
                applied.add(session.applyCoalescing(new org.nvmeworkbench.core.spec.InterruptCoalescing(7, 1), null));
            }
        });
        SweepResult r = vm.start().join();
        assertThat(r.points()).hasSize(4);
        assertThat(applied).hasSize(1);
        assertThat(applied.get(0)).isCompletedExceptionally();
        assertThat(session.message().get()).isNotEqualTo("");
        assertThat(session.runs()).extracting(x -> x.features().coalescing()).containsExactly(0x0000, 0x0100, 0x000F, 0x010F);
        assertThat(session.desiredCoalescing().get()).isNull();
    }

    @Test
    void aDeviceThatRefuses08hIsSaidInTheViewAndNothingRuns() {
        attach(true);
        NvmeController ctrl = session.controller().get();
        assertThat(vm.start()).isCompletedExceptionally();
        assertThat(vm.outcome().get()).isEqualTo(DEV + " refuses Set Features 08h (Feature Not Changeable), so every point "
                + "would run at the device's own setting: nothing to sweep.");
        assertThat(provider.ioCommands).isZero();
        assertThat(session.runs()).isEmpty();
        assertThat(vm.sweeping().get()).isFalse();
        stillAttachedAndUsable(ctrl);
    }
}
