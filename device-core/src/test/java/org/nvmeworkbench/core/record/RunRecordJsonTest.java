package org.nvmeworkbench.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class RunRecordJsonTest {

    @Test
    void roundTripsEveryFieldIncludingFullResolutionHistograms() {
        RunRecord r = RunRecords.sample();
        RunRecord back = RunRecordJson.read(RunRecordJson.write(r));
        assertThat(back).isEqualTo(r);
        assertThat(back.latency().valueAtPercentile(99.99)).isEqualTo(r.latency().valueAtPercentile(99.99));
        assertThat(back.latency().count()).isEqualTo(10_000);
    }

    @Test
    void perCoreFiguresRoundTripAndAFileWithoutThemReadsAsNotMeasured() {
        RunRecord s = RunRecords.sample();
        HostCpuUse cpus = new HostCpuUse("cpus_allowed=0-1 cpus_allowed_policy=split", "16 CPUs in 2 NUMA nodes, device on node 0",
                120, 2_150.5, 2_000, 3_700, 4_100, List.of(new CoreShare(0, 0, List.of(1), List.of(1), 60, 0, 61_000, 6_000, 3.05),
                new CoreShare(1, 0, List.of(), List.of(2), 0, 60, 12_000, 6_000, 0.6)));
        RunRecord r = new RunRecord(s.toolVersion(), s.startedAt(), s.durationNanos(), s.seed(), s.device(), s.workload(),
                s.features(), s.totals(), s.latency(), s.readLatency(), s.writeLatency(), s.vectors(),
                s.completionsPerInterrupt(), s.hostIrqCpuPct(), s.timeSeries(), s.origin(), s.featureNotes(), s.notes(), s.queueDepths(),
                s.trimLatency(), cpus);
        String json = RunRecordJson.write(r);
        assertThat(json).contains("\"per_core\"");
        assertThat(RunRecordJson.read(json).cpus()).isEqualTo(cpus);
        assertThat(RunRecordJson.read(RunRecordJson.write(s)).cpus().present()).isFalse();
        assertThat(RunRecordJson.write(s)).doesNotContain("host_cpus");
    }

    @Test
    void writesTheFormatAndVersionFirst() {
        String json = RunRecordJson.write(RunRecords.sample());
        assertThat(json).startsWith("{\n  \"format\" : \"nvme-workbench-run\",\n  \"version\" : 2,");
        assertThat(json).contains("\"encoding\" : \"hdrhistogram-compressed-base64\"");
    }

    @Test
    void foreignJsonIsRefusedInOneSentence() {
        assertThatThrownBy(() -> RunRecordJson.read("{\"jobs\": []}"))
                .isInstanceOf(RunRecordException.class)
                .hasMessage("It is not an NVMe Workbench run record (its \"format\" is not \"nvme-workbench-run\").");
    }

    @Test
    void aNewerVersionSaysSo() {
        assertThatThrownBy(() -> RunRecordJson.read("{\"format\":\"nvme-workbench-run\",\"version\":3}"))
                .hasMessageContaining("newer NVMe Workbench (run record version 3)");
    }

    @Test
    void aMissingFieldIsNamed() {
        String json = RunRecordJson.write(RunRecords.sample()).replace("\"device\"", "\"devise\"");
        assertThatThrownBy(() -> RunRecordJson.read(json)).hasMessage("It is damaged: the field \"device\" is missing.");
    }

    @Test
    void aDamagedHistogramIsReportedNotThrownRaw() {
        String json = RunRecordJson.write(RunRecords.sample()).replaceFirst("\"data\" : \"[^\"]{8}", "\"data\" : \"AAAAAAAA");
        assertThatThrownBy(() -> RunRecordJson.read(json))
                .isInstanceOf(RunRecordException.class)
                .hasMessageStartingWith("It is damaged: a latency histogram in the file is damaged");
    }

    @Test
    void aVersionOneFileIsReadAsThisWorkbenchsOwnRun() {
        String v1 = RunRecordJson.write(RunRecords.sample()).replace("\"version\" : 2", "\"version\" : 1")
                .replaceFirst("(?s)\"origin\" : \\{[^}]*},", "");
        assertThat(v1).doesNotContain("origin");
        RunRecord back = RunRecordJson.read(v1);
        assertThat(back.origin()).isEqualTo(RunOrigin.WORKBENCH);
        assertThat(back.interruptsMeasured()).isTrue();
    }

    @Test
    void whatTheOriginDidNotMeasureIsWrittenAsNullAndReadBackAbsent() {
        RunRecord s = RunRecords.sample();
        RunRecord fio = new RunRecord(s.toolVersion(), s.startedAt(), s.durationNanos(), s.seed(), s.device(), s.workload(),
                FeatureReadback.NONE, new RunTotals(s.totals().ios(), s.totals().reads(), 0, s.totals().bytes(), 0, -1),
                s.latency(), s.readLatency(), s.writeLatency(), java.util.List.of(), Double.NaN, Double.NaN, s.timeSeries(),
                new RunOrigin(RunOrigin.Source.FIO, "fio-3.33", "/tmp/out.json", "lab7"), java.util.List.of(),
                java.util.List.of("note"));
        String json = RunRecordJson.write(fio);
        assertThat(json).contains("\"interrupts\" : null", "\"completions_per_interrupt\" : null",
                "\"host_irq_cpu_pct\" : null", "\"source\" : \"fio\"");
        RunRecord back = RunRecordJson.read(json);
        assertThat(back.totals().interrupts()).isEqualTo(-1);
        assertThat(back.hostIrqCpuPct()).isNaN();
        assertThat(back.interruptsMeasured()).isFalse();
        assertThat(back.origin()).isEqualTo(fio.origin());
        assertThat(back.notes()).containsExactly("note");
    }

    @Test
    void derivedRatesUseDeviceTime() {
        RunRecord r = RunRecords.sample();
        assertThat(r.iops()).isEqualTo(40_000.0);
        assertThat(r.vectors().get(0).completionsPerInterrupt()).isEqualTo(8.0);
    }
}
