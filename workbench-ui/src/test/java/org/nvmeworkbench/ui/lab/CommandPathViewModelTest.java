package org.nvmeworkbench.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.lab.JourneyStep;
import org.nvmeworkbench.core.lab.LabEvent;
import org.nvmeworkbench.core.lab.ScenarioLibrary;
import org.nvmeworkbench.core.lab.ScenarioRunner;
import org.nvmeworkbench.core.sim.SimulatedController;

class CommandPathViewModelTest {

    @Test
    void ringIntervalsWrap() {
        assertThat(CommandPathViewModel.between(0, 6, 1, 8)).isTrue();
        assertThat(CommandPathViewModel.between(7, 6, 1, 8)).isTrue();
        assertThat(CommandPathViewModel.between(1, 6, 1, 8)).isFalse();
        assertThat(CommandPathViewModel.between(3, 3, 3, 8)).as("head == tail: empty").isFalse();
    }

    @Test
    void aLargeRingShowsAWindowJustBeforeItsHead() {
        assertThat(CommandPathViewModel.window(8, 5, 6, -1)).isZero();
        assertThat(CommandPathViewModel.window(1024, 100, 101, -1)).isEqualTo(97);
        assertThat(CommandPathViewModel.window(1024, 1, 2, -1)).as("wraps below 0").isEqualTo(1022);
    }

    @Test
    void theFollowedCommandLightsEachStationAsTheSimulatorReachesIt() throws Exception {
        try (ScenarioRunner r = new ScenarioRunner(ScenarioLibrary.shipped("one-command-journey").withSpeed(0))) {
            SimulatedController sim = r.simulator();
            r.journeys().followNext();
            r.pause();
            r.start();
            CommandPathViewModel vm = new CommandPathViewModel();
            int followedCid = -1;
            for (int i = 0; i < 9; i++) {
                LabEvent e = r.gate().awaitParked(5_000);
                assertThat(e).as("event %d", i).isNotNull();
                vm.update(r);
                if (i == 0) {
                    followedCid = e.cid();
                }
                assertThat(vm.followed().cid()).isEqualTo(followedCid);
                assertThat(vm.station(e.step()).justNow()).isTrue();
                RingPicture sq = vm.sq().get();
                RingPicture cq = vm.cq().get();
                assertThat(sq.tail()).isEqualTo(sim.sqTail(1));
                assertThat(sq.head()).isEqualTo(sim.sqHead(1));
                assertThat(cq.tail()).isEqualTo(sim.cqTail(1));
                assertThat(cq.head()).isEqualTo(sim.cqHead(1));
                assertThat(cq.phase()).isEqualTo(sim.cqPhase(1));
                // The followed command's own steps are all but the 8th event: the driver writes the next
                // command's SQE (same CID, next generation) before it rings the CQ head doorbell.
                if (i != 7) {
                    assertThat(vm.station(e.step()).followed()).isEqualTo(CommandPathViewModel.Mark.CURRENT);
                    assertThat(vm.times().get(e.step().ordinal()).at()).isNotEqualTo("-");
                }
                if (e.kind() == LabEvent.Kind.HOST_WRITES_SQE) {
                    int slot = Math.floorMod((int) e.value() - 1, sq.size());
                    assertThat(sq.slot(slot).content()).isEqualTo(RingPicture.Content.WRITTEN);
                    assertThat(sq.slot(slot).cid()).isEqualTo(e.cid());
                }
                if (e.kind() == LabEvent.Kind.SQ_TAIL_DOORBELL) {
                    RingPicture.Slot s = sq.slot(Math.floorMod(sq.tail() - 1, sq.size()));
                    assertThat(s.content()).isEqualTo(RingPicture.Content.FILLED);
                }
                if (e.kind() == LabEvent.Kind.HOST_CONSUMES_CQE) {
                    assertThat(cq.slot(Math.floorMod((int) e.value() - 1, cq.size())).content())
                            .isEqualTo(RingPicture.Content.CONSUMED);
                }
                r.step();
            }
            assertThat(vm.followed().finished()).isTrue();
            for (JourneyStep s : JourneyStep.values()) {
                assertThat(vm.station(s).followed()).isNotEqualTo(CommandPathViewModel.Mark.NOT_YET);
            }
            r.resume();
            assertThat(r.isPlaying()).isIn(true, false);
            r.close();
            assertThat(r.isPlaying()).isFalse();
        }
    }
}
