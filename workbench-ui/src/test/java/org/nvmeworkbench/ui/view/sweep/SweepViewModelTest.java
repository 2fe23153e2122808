package org.nvmeworkbench.ui.view.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.collections.ListChangeListener;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.sim.SimDeviceProvider;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.sweep.SweepPoint;
import org.nvmeworkbench.core.sweep.SweepResult;
import org.nvmeworkbench.core.workload.WorkloadSpec;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.nvmeworkbench.ui.task.CurrentThreadTaskExecutor;

class SweepViewModelTest {
    private final WorkbenchSession session = new WorkbenchSession(
            new DeviceCatalog(List.of(new SimDeviceProvider())), new CurrentThreadTaskExecutor(), null);
    private SweepViewModel vm;

    @BeforeEach
    void attachTheSimulator() {
        session.draftSpec().set(WorkloadSpec.defaults().withQueues(1));
        session.attach("sim:tlc").join();
        vm = new SweepViewModel(session);
        vm.thresholds().set("0,15");
        vm.times().set("0,1");
        vm.iodepths().set("8");
        vm.iosPerPoint().set("4000");
        vm.target().set("200us");
    }

    @AfterEach
    void detach() {
        session.detach().join();
    }

    @Test
    void everyPointLandsInTheRunsListWithItsSetting() {
        SweepResult r = vm.start().join();
        assertThat(r.points()).hasSize(4);
        assertThat(session.runs()).hasSize(4);
        assertThat(session.runs()).extracting(x -> x.features().interruptCoalescing())
                .containsExactly(InterruptCoalescing.OFF, new InterruptCoalescing(0, 1), new InterruptCoalescing(15, 0),
                        new InterruptCoalescing(15, 1));
        assertThat(vm.progressText().get()).startsWith("Done: 4 of 4 settings");
        assertThat(vm.canStart().get()).isTrue();
    }

    @Test
    void theSameGridGivesTheSameFiguresOnTheSimulator() {
        SweepResult first = vm.start().join();
        SweepResult second = vm.start().join();
        for (int i = 0; i < first.points().size(); i++) {
            SweepPoint a = first.points().get(i);
            SweepPoint b = second.points().get(i);
            assertThat(b.latency(99)).isEqualTo(a.latency(99));
            assertThat(b.record().totals().interrupts()).isEqualTo(a.record().totals().interrupts());
        }
    }

    @Test
    void recommendsTheCheapestSettingThatMeetsTheTargetAndProposesIt() {
        SweepResult r = vm.start().join();
        assertThat(r.recommendation().meetsTarget()).isTrue();
        assertThat(r.recommendation().chosen().setting().coalescing().enabled()).isTrue();
        assertThat(vm.recommendationText()).startsWith("Recommended: THR 15, TIME 1, iodepth 8");
        assertThat(vm.canPropose().get()).isTrue();
        assertThat(vm.propose()).isTrue();
        assertThat(session.proposal().get().coalescing()).isEqualTo(new InterruptCoalescing(15, 1));
        assertThat(session.proposal().get().reason()).contains("meets p99 <= 200 us");
    }

    @Test
    void theSweepReportHasTheRecommendationAndItsCharts(@TempDir Path dir) throws Exception {
        assertThat(vm.canSave().get()).isFalse();
        SweepResult r = vm.start().join();
        Path file = vm.saveReport(dir.resolve("sweep.html")).join();
        String html = Files.readString(file);
        assertThat(html).contains("Sweep and recommendation").contains(r.recommendation().chosen().setting().label()).contains("<svg");
        assertThat(vm.outcome().get()).isEqualTo("Wrote the sweep report to " + file + ".");
    }

    @Test
    void anUnreachableTargetIsSaidAndNothingIsProposed() {
        vm.target().set("1us");
        SweepResult r = vm.start().join();
        assertThat(r.recommendation().meetsTarget()).isFalse();
        assertThat(vm.recommendationText()).startsWith("No setting meets p99 <= 1.0 us");
        assertThat(vm.canPropose().get()).isFalse();
    }

    @Test
    void cancelKeepsTheFinishedPointsAndSaysSo() {
        session.runs().addListener((ListChangeListener<RunRecord>) c -> {
            if (session.runs().size() == 2) {
                vm.cancel();
            }
        });
        SweepResult r = vm.start().join();
        assertThat(r.cancelled()).isTrue();
        assertThat(r.points()).hasSize(2);
        assertThat(session.runs()).hasSize(2);
        assertThat(vm.outcome().get()).isEqualTo("The sweep was cancelled; the recommendation covers the 2 settings that finished.");
    }

    @Test
    void inputsAreValidatedAsTyped() {
        vm.thresholds().set("0,300");
        assertThat(vm.problem().get()).isEqualTo("THR is 0..255 and 0's based (THR 7 means 8 completions); 300 is out of range.");
        assertThat(vm.canStart().get()).isFalse();
        vm.thresholds().set("0,7");
        vm.times().set("1,x");
        assertThat(vm.problem().get()).isEqualTo("TIME is 0..255 in 100 us units (TIME 2 means 200 us); 'x' is not a number.");
        vm.times().set("1");
        vm.target().set("soon");
        assertThat(vm.problem().get()).isEqualTo("The latency target is a time such as 200us or 1ms, not 'soon'.");
        vm.target().set("1ms");
        vm.percentile().set("100");
        assertThat(vm.problem().get()).startsWith("The percentile is between 0 and 100");
        vm.percentile().set("p99.9");
        assertThat(vm.problem().get()).isEmpty();
        assertThat(vm.summary().get()).isEqualTo("2 settings x 4,000 I/Os of randread, 1 queue, on sim:tlc; each setting lands in Runs.");
    }

    @Test
    void aSweepNeedsAnAttachedDevice() {
        session.detach().join();
        assertThat(vm.start()).isCompletedExceptionally();
        assertThat(vm.outcome().get()).isEqualTo("No device is attached; attach one in the Devices view.");
    }
}
