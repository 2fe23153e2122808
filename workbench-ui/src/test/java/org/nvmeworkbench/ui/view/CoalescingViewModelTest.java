package org.nvmeworkbench.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.sim.SimDeviceProvider;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.nvmeworkbench.ui.task.CurrentThreadTaskExecutor;
import org.nvmeworkbench.ui.view.coalescing.CoalescingViewModel;

class CoalescingViewModelTest {
    private final WorkbenchSession session = new WorkbenchSession(
            new DeviceCatalog(List.of(new SimDeviceProvider())), new CurrentThreadTaskExecutor(), null);
    private final CoalescingViewModel vm = new CoalescingViewModel(session);

    @Test
    void meaningFollowsWhatIsTyped() {
        vm.threshold().set("7");
        vm.time().set("2");
        assertThat(vm.meaning().get()).isEqualTo("THR 7 = signal after 8 completions, TIME 2 = wait at most 200 us.");
        assertThat(vm.problem().get()).isEmpty();
    }

    @Test
    void thresholdAbove255IsRefusedInWords() {
        vm.threshold().set("256");
        assertThat(vm.problem().get()).startsWith("THR is 0..255 and 0's based");
        assertThat(vm.value()).isNull();
        assertThat(vm.canApply().get()).isFalse();
    }

    @Test
    void hexValuesAreAccepted() {
        vm.threshold().set("0x0a");
        vm.time().set("1");
        assertThat(vm.value()).isEqualTo(new InterruptCoalescing(10, 1));
    }

    @Test
    void applyIsOnlyPossibleWithADeviceAttached() {
        vm.threshold().set("7");
        vm.time().set("2");
        assertThat(vm.canApply().get()).isFalse();
        session.attach("sim:tlc").join();
        assertThat(vm.canApply().get()).isTrue();
        assertThat(vm.apply().join().ok()).isTrue();
        assertThat(session.desiredCoalescing().get()).isEqualTo(new InterruptCoalescing(7, 2));
        session.detach().join();
    }

    @Test
    void aProposalFillsTheEditor() {
        session.proposeCoalescing(new InterruptCoalescing(15, 1), "runs #1 and #2 took one interrupt per completion.");
        assertThat(vm.threshold().get()).isEqualTo("15");
        assertThat(vm.suggestion().get()).contains("one interrupt per completion");
    }
}
