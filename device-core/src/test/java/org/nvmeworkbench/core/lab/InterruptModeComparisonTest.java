package org.nvmeworkbench.core.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.driver.HostInterruptWork;
import org.nvmeworkbench.core.lab.InterruptModeComparison.ModeFigures;
import org.nvmeworkbench.core.pci.InterruptMode;

/** "Why MSI-X" measured: the host work of each mode comes from the driver's own counts of its runs. */
class InterruptModeComparisonTest {

    private static ScenarioPlan whyMsix(long ios) {
        ScenarioPlan p = ScenarioLibrary.shipped("why-msi-x").withSpeed(0);
        return p.withWorkload(p.workload().withLimits(0, ios));
    }

    @Test
    void hostWorkPerInterruptIsMeasuredInEachMode() {
        List<ModeFigures> figs = InterruptModeComparison.run(whyMsix(800));
        assertThat(figs).extracting(ModeFigures::mode).containsExactly(InterruptMode.PIN, InterruptMode.MSI, InterruptMode.MSIX);
        HostInterruptWork pin = figs.get(0).hostWork();
        HostInterruptWork msi = figs.get(1).hostWork();
        HostInterruptWork msix = figs.get(2).hostWork();
        assertThat(pin.cqsExaminedPerInterrupt()).as("one shared line: all 4 queues every time").isEqualTo(4.0);
        assertThat(pin.emptyExaminations()).isPositive();
        assertThat(pin.maskWritesPerInterrupt()).isEqualTo(2.0);
        assertThat(msi.cqsExaminedPerInterrupt()).isEqualTo(1.0);
        assertThat(msi.maskWritesPerInterrupt()).isEqualTo(2.0);
        assertThat(msix.cqsExaminedPerInterrupt()).isEqualTo(1.0);
        assertThat(msix.maskWrites()).isZero();
        for (ModeFigures f : figs) {
            assertThat(f.hostWork()).isSameAs(f.run().hostWork());
            assertThat(f.hostWork().interrupts()).isBetween(1L, f.interrupts());
            HostInterruptWork w = f.hostWork();
            assertThat(f.hostDuties()).contains(String.format(Locale.ROOT,
                    "Per interrupt: %.1f CQs examined, %.1f of them empty, %.1f mask writes (INTMS/INTMC), %.1f head doorbells.",
                    w.cqsExaminedPerInterrupt(), w.emptyExaminationsPerInterrupt(), w.maskWritesPerInterrupt(),
                    w.cqHeadDoorbellsPerInterrupt()));
        }
        assertThat(figs.get(0).hostDuties()).startsWith("One shared line for all 4 queues")
                .contains("4.0 CQs examined").contains("2.0 mask writes");
        assertThat(figs.get(2).hostDuties()).contains("1.0 CQs examined").contains("0.0 mask writes");
    }

    @Test
    void dutiesSaySoWhenNoInterruptWasTaken() {
        assertThat(InterruptModeComparison.duties(InterruptMode.MSIX, 4, HostInterruptWork.NONE))
                .endsWith("The host took no interrupt in this run.");
        assertThat(InterruptModeComparison.duties(InterruptMode.PIN, 1, new HostInterruptWork(2, 2, 0, 2, 2, 2)))
                .isEqualTo("One shared line for all 1 queue: it does not say which queue has work. Per interrupt: "
                        + "1.0 CQs examined, 0.0 of them empty, 2.0 mask writes (INTMS/INTMC), 1.0 head doorbells.");
    }

    @Test
    void cancelFromAnotherThreadDrainsTheRunUnderWayAndReturnsOnlyWholeRuns() throws Exception {
        // Long enough that it is still under way when cancelled.
        InterruptModeComparison c = new InterruptModeComparison(whyMsix(50_000_000));
        CompletableFuture<List<ModeFigures>> f = CompletableFuture.supplyAsync(c::run);
        Thread.sleep(300);
        c.cancel();
        List<ModeFigures> done = f.get(20, TimeUnit.SECONDS);
        assertThat(c.isCancelled()).isTrue();
        assertThat(done).as("the pin-based run was cut short, so nothing finished whole").isEmpty();
    }

    @Test
    void cancelBeforeRunningRunsNothingAndARunIsOnlyOnce() {
        InterruptModeComparison c = new InterruptModeComparison(whyMsix(800));
        c.cancel();
        assertThat(c.run()).isEmpty();
        assertThatThrownBy(c::run).isInstanceOf(IllegalStateException.class);
    }
}
