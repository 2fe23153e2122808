package org.nvmeworkbench.ui.lab.modes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javafx.beans.property.SimpleObjectProperty;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.driver.HostInterruptWork;
import org.nvmeworkbench.core.lab.InterruptModeComparison;
import org.nvmeworkbench.core.lab.InterruptModeComparison.ModeFigures;
import org.nvmeworkbench.core.lab.ScenarioLibrary;
import org.nvmeworkbench.core.lab.ScenarioPlan;
import org.nvmeworkbench.core.lab.ScenarioRunner;
import org.nvmeworkbench.core.pci.InterruptMode;

class InterruptModesViewModelTest {
    private final SimpleObjectProperty<ScenarioRunner> loaded = new SimpleObjectProperty<>();
    private final List<Runnable> held = new ArrayList<>();
    private InterruptModesViewModel vm;

    /** "Why MSI-X" with 400 I/Os instead of 4000, at full speed: the same four queues, quick. */
    static ScenarioPlan whyMsix() {
        ScenarioPlan p = ScenarioLibrary.shipped("why-msi-x").withSpeed(0);
        return p.withWorkload(p.workload().withLimits(0, 400));
    }

    private ScenarioRunner load(ScenarioPlan plan) {
        unload();
        ScenarioRunner r = new ScenarioRunner(plan);
        loaded.set(r);
        return r;
    }

    private void unload() {
        ScenarioRunner old = loaded.get();
        if (old != null) {
            loaded.set(null);
            old.close();
        }
    }

    @AfterEach
    void close() {
        if (vm != null) {
            vm.close();
        }
        unload();
    }

    @Test
    void columnsShowEachModesOwnRun() {
        vm = new InterruptModesViewModel(loaded, Runnable::run, Runnable::run);
        ScenarioPlan plan = whyMsix();
        load(plan);
        List<ModeFigures> expected = InterruptModeComparison.run(plan);

        List<ModeColumn> cols = vm.columns();
        assertThat(cols).extracting(ModeColumn::mode).containsExactly(InterruptMode.PIN, InterruptMode.MSI, InterruptMode.MSIX);
        for (int i = 0; i < 3; i++) {
            assertThat(cols.get(i).figures().interrupts()).isEqualTo(expected.get(i).interrupts()).isPositive();
            assertThat(cols.get(i).interruptsText()).isEqualTo(String.format(Locale.ROOT, "%,d", expected.get(i).interrupts()));
            assertThat(cols.get(i).figures().hostDuties()).isEqualTo(expected.get(i).hostDuties());
        }
        assertThat(cols.get(0).vectorsText()).isEqualTo("1 line (INTx)");
        assertThat(cols.get(2).vectorsText()).as("a vector per queue").isEqualTo("4 (IV 1-4)");
        assertThat(cols).filteredOn(ModeColumn::inUse).extracting(ModeColumn::mode).containsExactly(InterruptMode.MSIX);
        assertThat(vm.progress()).startsWith("Each mode on a fresh simulator").contains("4 queues").contains("400 I/Os");
    }

    @Test
    void columnsShowTheHostWorkTheDriverCountedInEachMode() {
        vm = new InterruptModesViewModel(loaded, Runnable::run, Runnable::run);
        ScenarioPlan plan = whyMsix();
        load(plan);
        List<ModeFigures> expected = InterruptModeComparison.run(plan);

        List<ModeColumn> cols = vm.columns();
        for (int i = 0; i < 3; i++) {
            HostInterruptWork w = expected.get(i).hostWork();
            ModeColumn c = cols.get(i);
            assertThat(c.figures().hostWork()).isEqualTo(w);
            assertThat(c.takenText()).isEqualTo(String.format(Locale.ROOT, "%,d", w.interrupts()));
            assertThat(c.cqsExaminedText()).isEqualTo(String.format(Locale.ROOT, "%.1f", w.cqsExaminedPerInterrupt()));
            assertThat(c.emptyText()).isEqualTo(String.format(Locale.ROOT, "%.1f empty", w.emptyExaminationsPerInterrupt()));
            assertThat(c.maskWritesText()).isEqualTo(String.format(Locale.ROOT, "%.1f", w.maskWritesPerInterrupt()));
            assertThat(c.doorbellsText()).isEqualTo(String.format(Locale.ROOT, "%.1f", w.cqHeadDoorbellsPerInterrupt()));
        }
        assertThat(cols.get(0).cqsExaminedText()).as("pin-based: every one of the 4 queues").isEqualTo("4.0");
        assertThat(cols.get(0).maskWritesText()).isEqualTo("2.0");
        assertThat(cols.get(2).cqsExaminedText()).isEqualTo("1.0");
        assertThat(cols.get(2).maskWritesText()).as("MSI-X masks per vector, never with INTMS/INTMC").isEqualTo("0.0");
    }

    /** A comparison that would run for minutes, on its own thread; {@code done} completes when it returns. */
    private CompletableFuture<Void> startLongComparison() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        vm = new InterruptModesViewModel(loaded, r -> CompletableFuture.runAsync(r).whenComplete((v, e) -> done.complete(null)),
                held::add);
        ScenarioPlan p = whyMsix();
        load(p.withWorkload(p.workload().withLimits(0, 50_000_000)));
        return done;
    }

    @Test
    void closingTheViewCancelsTheComparisonUnderWay() throws Exception {
        CompletableFuture<Void> done = startLongComparison();
        InterruptModeComparison c = vm.comparison();
        Thread.sleep(200);
        vm.close();
        assertThat(c.isCancelled()).isTrue();
        done.get(20, TimeUnit.SECONDS);
        held.forEach(Runnable::run);
        assertThat(vm.columns()).isEmpty();
    }

    @Test
    void leavingTheSceneCancelsTheComparisonUnderWay() throws Exception {
        CompletableFuture<Void> done = startLongComparison();
        InterruptModeComparison c = vm.comparison();
        Thread.sleep(200);
        unload();
        assertThat(c.isCancelled()).isTrue();
        assertThat(vm.comparison()).isNull();
        done.get(20, TimeUnit.SECONDS);
        held.forEach(Runnable::run);
        assertThat(vm.columns()).isEmpty();
        assertThat(vm.progress()).startsWith("No scenario loaded");
    }

    @Test
    void progressCountsTheTimeWhileTheComparisonRuns() {
        AtomicLong clock = new AtomicLong(1_000_000_000L);
        vm = new InterruptModesViewModel(loaded, held::add, Runnable::run, clock::get);
        load(whyMsix());
        clock.addAndGet(1_500_000_000L);
        vm.frame();

        assertThat(vm.columns()).isEmpty();
        assertThat(vm.progress()).startsWith("Running the workload under pin-based, MSI and MSI-X").endsWith("1.5 s");
        assertThat(held).hasSize(1);
        held.get(0).run();
        assertThat(vm.columns()).hasSize(3);
    }

    @Test
    void resultOfAScenarioNoLongerLoadedIsDropped() {
        vm = new InterruptModesViewModel(loaded, held::add, Runnable::run);
        load(whyMsix());
        unload();
        held.get(0).run();

        assertThat(vm.columns()).isEmpty();
        assertThat(vm.progress()).startsWith("No scenario loaded");
    }

    @Test
    void liveTableIsTheRunnersMsixTable() throws Exception {
        vm = new InterruptModesViewModel(loaded, held::add, Runnable::run);
        ScenarioRunner r = load(whyMsix());
        vm.frame();
        assertThat(vm.live().entries()).as("before the driver enables interrupts").isEmpty();
        r.pause();
        r.start();
        for (int i = 0; i < 200 && r.simulator().interruptCount(1) == 0; i++) {
            r.gate().awaitParked(5000);
            r.step();
        }
        r.gate().awaitParked(5000);
        vm.frame();

        LiveInterruptTable t = vm.live();
        assertThat(t.mode()).isEqualTo(InterruptMode.MSIX);
        assertThat(t.title()).startsWith("Live MSI-X table: 5 entries");
        assertThat(t.entries()).hasSize(r.simulator().vectorCount());
        for (VectorEntry e : t.entries()) {
            assertThat(e.count()).isEqualTo(r.simulator().interruptCount(e.vector()));
            assertThat(e.masked()).isEqualTo(r.simulator().isMasked(e.vector()));
            assertThat(e.pending()).isEqualTo(r.simulator().isPending(e.vector()));
        }
        assertThat(t.entries().get(1).count()).isPositive();
    }

    @Test
    void liveTableOfPinBasedIsOneLine() throws Exception {
        vm = new InterruptModesViewModel(loaded, held::add, Runnable::run);
        ScenarioRunner r = load(whyMsix().withInterruptMode(InterruptMode.PIN));
        r.pause();
        r.start();
        r.gate().awaitParked(5000);
        vm.frame();

        assertThat(vm.live().mode()).isEqualTo(InterruptMode.PIN);
        assertThat(vm.live().entries()).extracting(VectorEntry::name).containsExactly("INTx");
        assertThat(vm.live().title()).contains("INTMS");
    }
}
