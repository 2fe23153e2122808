package org.nvmeworkbench.core.resultfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.record.RunOrigin;
import org.nvmeworkbench.core.record.RunRecord;

/** Real fio 3.33 output (src/test/resources/fio) opened into run records. */
class FioOutputTest {

    /**
     * JSON+ bins and fio's percentiles are both fio's bucket values (stat.c: plat_idx_to_val of the bucket
     * where the running count reaches p%), and HdrHistogram picks the same bucket by the same rule, so the
     * only difference left is HdrHistogram's 3 significant digits: its buckets are at most 1/1024 of the value
     * wide. fio's own buckets (1/64 of a power of two) already lie up to 1/128 from the true latency; that error
     * is in fio's printed figures too, so it does not show here.
     */
    static final double JSON_PLUS_BOUND = 1.0 / 1024;

    @Test
    void jsonPlusPercentilesAreFiosWithinHdrHistogramResolution() throws Exception {
        ResultListing l = ResultFiles.open(List.of(FioFiles.path("randread.jsonplus.out")));
        assertThat(l.problems()).isEmpty();
        ResultFile f = l.files().get(0);
        assertThat(f.kind()).isEqualTo(ResultKind.FIO_JSON_PLUS);
        assertThat(f.runs()).hasSize(1);
        RunRecord r = f.runs().get(0).record();
        JsonNode job = FioFiles.json("randread.jsonplus.out").path("jobs").get(0);
        JsonNode read = job.path("read");
        JsonNode pct = read.path("clat_ns").path("percentile");
        assertThat(pct.size()).isGreaterThan(10);
        for (Iterator<Map.Entry<String, JsonNode>> it = pct.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            double p = Double.parseDouble(e.getKey());
            long fio = e.getValue().asLong();
            assertThat((double) r.latency().valueAtPercentile(p)).as("p%s", e.getKey())
                    .isCloseTo(fio, within(fio * JSON_PLUS_BOUND + 1));
        }
        assertThat(r.latency().count()).isEqualTo(read.path("clat_ns").path("N").asLong());
        assertThat(r.totals().ios()).isEqualTo(read.path("total_ios").asLong());
        assertThat(r.totals().reads()).isEqualTo(r.totals().ios());
        assertThat(r.totals().bytes()).isEqualTo(read.path("io_bytes").asLong());
        assertThat(r.durationNanos()).isEqualTo(read.path("runtime").asLong() * 1_000_000L);
        assertThat(r.interruptsMeasured()).isFalse();
        assertThat(r.totals().interrupts()).isEqualTo(-1);
        assertThat(r.hostIrqCpuPct()).isNaN();
        assertThat(r.completionsPerInterrupt()).isNaN();
        assertThat(r.vectors()).isEmpty();
        assertThat(r.seed()).isZero();
        assertThat(r.origin().source()).isEqualTo(RunOrigin.Source.FIO);
        assertThat(r.origin().tool()).isEqualTo("fio-3.33");
        assertThat(r.origin().file()).isEqualTo(FioFiles.path("randread.jsonplus.out").toAbsolutePath().normalize().toString());
        assertThat(r.origin().host()).isEmpty();
        assertThat(r.device().spec()).isEqualTo("/tmp/fio-test.dat");
        assertThat(r.workload().rw()).isEqualTo("randread");
        assertThat(r.workload().blockSize()).isEqualTo(4096);
        assertThat(r.workload().iodepth()).isEqualTo(16);
        assertThat(r.notes()).anyMatch(n -> n.contains("ioengine=io_uring")).anyMatch(n -> n.contains("bucketing"));
        assertThat(f.runs().get(0).label()).isEqualTo("fio-3.33 randread.jsonplus");
        long stamp = FioFiles.json("randread.jsonplus.out").path("timestamp_ms").asLong();
        assertThat(r.startedAt().toEpochMilli()).isEqualTo(stamp - job.path("job_runtime").asLong());
    }

    /** The same file holds fio's normal text report after the JSON: its printed percentiles (us) agree too. */
    @Test
    void jsonPlusPercentilesMatchTheOnesFioPrinted() throws Exception {
        String text = Files.readString(FioFiles.path("randread.jsonplus.out"));
        Matcher m = Pattern.compile("([0-9.]+)th=\\[\\s*([0-9]+)\\]").matcher(text.substring(text.indexOf("clat percentiles (usec)")));
        RunRecord r = ResultFiles.open(List.of(FioFiles.path("randread.jsonplus.out"))).records().get(0);
        int seen = 0;
        while (m.find()) {
            double p = Double.parseDouble(m.group(1));
            long printedUs = Long.parseLong(m.group(2));
            // fio prints whole microseconds of the same bucket values (rounded down at 3+ digits).
            assertThat(r.latency().valueAtPercentile(p) / 1000.0).as("p%s", m.group(1))
                    .isCloseTo(printedUs, within(printedUs * JSON_PLUS_BOUND + 1));
            seen++;
        }
        assertThat(seen).isEqualTo(17);
    }

    @Test
    void plainJsonIsRebuiltFromThePercentilesExactly() {
        ResultListing l = ResultFiles.open(List.of(FioFiles.path("randread.json")));
        assertThat(l.problems()).isEmpty();
        assertThat(l.files().get(0).kind()).isEqualTo(ResultKind.FIO_JSON);
        RunRecord r = l.records().get(0);
        JsonNode clat = FioFiles.json("randread.json").path("jobs").get(0).path("read").path("clat_ns");
        for (Iterator<Map.Entry<String, JsonNode>> it = clat.path("percentile").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            long fio = e.getValue().asLong();
            // HdrHistogram keeps 3 significant digits: a value comes back as the top of its bucket, < 1/1024 above.
            assertThat((double) r.latency().valueAtPercentile(Double.parseDouble(e.getKey()))).as("p%s", e.getKey())
                    .isCloseTo(fio, within(fio / 1024.0 + 1));
        }
        assertThat(r.latency().count()).isEqualTo(clat.path("N").asLong());
        assertThat((double) r.latency().max()).isCloseTo(clat.path("max").asLong(), within(clat.path("max").asLong() / 1024.0 + 1));
        assertThat((double) r.latency().min()).isCloseTo(clat.path("min").asLong(), within(clat.path("min").asLong() / 1024.0 + 1));
        assertThat(r.notes()).anyMatch(n -> n.contains("rebuilt from fio's 17 percentiles"));
        assertThat(r.hostIrqCpuPct()).isNaN();
    }

    @Test
    void aMixedJobGivesOneRunPerDirection() {
        ResultListing l = ResultFiles.open(List.of(FioFiles.path("randrw.jsonplus.json")));
        assertThat(l.problems()).isEmpty();
        assertThat(l.labels()).containsExactly("fio-3.33 randrw.jsonplus read", "fio-3.33 randrw.jsonplus write");
        JsonNode job = FioFiles.json("randrw.jsonplus.json").path("jobs").get(0);
        RunRecord read = l.records().get(0);
        RunRecord write = l.records().get(1);
        assertThat(read.totals().reads()).isEqualTo(job.path("read").path("total_ios").asLong());
        assertThat(write.totals().writes()).isEqualTo(job.path("write").path("total_ios").asLong());
        assertThat(write.totals().bytes()).isEqualTo(job.path("write").path("io_bytes").asLong());
        assertThat(write.writeLatency().count()).isEqualTo(write.totals().ios());
        assertThat(write.workload().rwmixread()).isEqualTo(70);
        assertThat((double) write.latency().valueAtPercentile(99))
                .isCloseTo(job.path("write").path("clat_ns").path("percentile").path("99.000000").asLong(),
                        within(job.path("write").path("clat_ns").path("percentile").path("99.000000").asLong() / 1024.0 + 1));
    }

    @Test
    void warningsBeforeTheJsonAndSeveralJobsOfOneName() throws Exception {
        assertThat(Files.readString(FioFiles.path("psync-two-jobs.json"))).startsWith("note: both iodepth");
        ResultListing l = ResultFiles.open(List.of(FioFiles.path("psync-two-jobs.json")));
        assertThat(l.problems()).isEmpty();
        assertThat(l.labels()).containsExactly("fio-3.33 psync-two-jobs psync-two-jobs#1", "fio-3.33 psync-two-jobs psync-two-jobs#2");
        List<Long> ios = new ArrayList<>();
        FioFiles.json("psync-two-jobs.json").path("jobs").forEach(j -> ios.add(j.path("read").path("total_ios").asLong()));
        assertThat(l.records()).extracting(r -> r.totals().ios()).containsExactlyElementsOf(ios);
    }

    @Test
    void aJobThatFailedCarriesANote(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String text = Files.readString(FioFiles.path("randread.json")).replaceFirst("\"error\" : 0", "\"error\" : 5");
        Path f = dir.resolve("failed.json");
        Files.writeString(f, text);
        RunRecord r = ResultFiles.open(List.of(f)).records().get(0);
        assertThat(r.notes()).anyMatch(n -> n.contains("error 5"));
    }
}
