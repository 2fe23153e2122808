package org.nvmeworkbench.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.driver.SimBench;
import org.nvmeworkbench.core.workload.RunObserver;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.workload.WorkloadRunner;
import org.nvmeworkbench.core.workload.WorkloadSpec;

class LiveTelemetryTest {

    @Test
    void aSamplerThreadSeesTheRingsMoveWhileTheRunGoesOn() throws Exception {
        try (SimBench b = SimBench.attach("tlc")) {
            AtomicReference<TelemetrySource> live = new AtomicReference<>();
            List<TelemetrySnapshot> samples = new CopyOnWriteArrayList<>();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            Thread sampler = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        TelemetrySource s = live.get();
                        if (s != null) {
                            samples.add(s.snapshot());
                        }
                        Thread.sleep(2);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Throwable t) {
                    failures.add(t);
                }
            }, "sampler");
            sampler.setDaemon(true);
            RunObserver obs = new RunObserver() {
                @Override
                public void started(TelemetrySource source) {
                    live.set(source);
                }
            };
            sampler.start();
            RunRecord r;
            try {
                r = new WorkloadRunner().run(b.ctrl, WorkloadSpec.defaults().withLimits(0, 300_000), obs);
            } finally {
                Thread.sleep(20);
                sampler.interrupt();
                sampler.join(2_000);
            }
            assertThat(failures).isEmpty();
            assertThat(samples).isNotEmpty();
            assertThat(samples).allSatisfy(s -> {
                assertThat(s.totalIos()).isBetween(0L, r.totals().ios());
                for (QueueRingSnapshot q : s.queues()) {
                    assertThat(q.sqOccupancy()).isBetween(0, q.entries() - 1);
                    assertThat(q.cqOccupancy()).isBetween(0, q.entries() - 1);
                    assertThat(q.inFlight()).isBetween(0, 32);
                }
            });
            assertThat(samples).anyMatch(s -> s.state() == RunState.RUNNING && s.queues().size() == 1);
            assertThat(samples.get(samples.size() - 1).state()).isEqualTo(RunState.FINISHED);
        }
    }

    @Test
    void anIdleControllerShowsTheAdminVectorAndItsQueues() {
        try (SimBench b = SimBench.attach("null")) {
            b.ctrl.createIoQueuePair(2, 16, 2);
            TelemetrySnapshot s = b.ctrl.snapshot();
            assertThat(s.state()).isEqualTo(RunState.IDLE);
            assertThat(s.queues()).extracting(QueueRingSnapshot::qid).containsExactly(2);
            assertThat(s.queues().get(0).entries()).isEqualTo(16);
            assertThat(s.vectors()).extracting(VectorSnapshot::iv).containsExactly(0, 2);
            assertThat(s.vectors().get(0).count()).as("admin commands at attach raised vector 0").isPositive();
            assertThat(s.vectors().get(0).coalescingDisabled()).isTrue();
        }
    }
}
