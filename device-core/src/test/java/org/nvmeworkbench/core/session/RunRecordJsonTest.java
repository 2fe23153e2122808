package org.nvmeworkbench.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void writesTheFormatAndVersionFirst() {
        String json = RunRecordJson.write(RunRecords.sample());
        assertThat(json).startsWith("{\n  \"format\" : \"nvme-workbench-run\",\n  \"version\" : 1,");
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
        assertThatThrownBy(() -> RunRecordJson.read("{\"format\":\"nvme-workbench-run\",\"version\":2}"))
                .hasMessageContaining("newer NVMe Workbench (run record version 2)");
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
    void derivedRatesUseDeviceTime() {
        RunRecord r = RunRecords.sample();
        assertThat(r.iops()).isEqualTo(40_000.0);
        assertThat(r.vectors().get(0).completionsPerInterrupt()).isEqualTo(8.0);
    }
}
