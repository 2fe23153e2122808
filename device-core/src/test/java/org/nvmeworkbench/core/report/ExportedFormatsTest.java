package org.nvmeworkbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Each format read back by a reader that is not ours: HdrHistogram's, Jackson against fio's names, XML, CSV, fio's script. */
class ExportedFormatsTest {
    private static final ReportModel MODEL = SampleRuns.two();

    private static byte[] export(String format) throws IOException {
        ReportExporter e = ReportExporters.load().find(format).orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        e.export(MODEL, out);
        return out.toByteArray();
    }

    @Test
    void hlogIsReadByHdrHistogramsOwnReader() throws IOException {
        HistogramLogReader reader = new HistogramLogReader(new ByteArrayInputStream(export("hlog")));
        List<Histogram> intervals = new ArrayList<>();
        Histogram h;
        while ((h = (Histogram) reader.nextIntervalHistogram()) != null) {
            intervals.add(h);
        }
        assertThat(intervals).hasSize(2);
        assertThat(intervals.get(1).getTag()).isEqualTo("thr7_time2");
        assertThat(intervals.get(1).getTotalCount()).isEqualTo(20_000);
        assertThat(intervals.get(1).getValueAtPercentile(99.9)).isEqualTo(MODEL.runs().get(1).latency().valueAtPercentile(99.9));
        assertThat(reader.getStartTimeSec()).isEqualTo(MODEL.runs().get(0).startedAt().getEpochSecond());
    }

    @Test
    void fioJsonHasFiosFieldsWithTheRecordsFigures() throws IOException {
        JsonNode root = new ObjectMapper().readTree(export("fio-json"));
        assertThat(root.path("fio version").asText()).startsWith("nvme-workbench-");
        JsonNode job = root.path("jobs").get(1);
        assertThat(job.path("jobname").asText()).isEqualTo("thr7, time2");
        JsonNode read = job.path("read");
        assertThat(read.path("total_ios").asLong()).isEqualTo(20_000);
        assertThat(read.path("io_bytes").asLong()).isEqualTo(20_000L * 4096);
        assertThat(read.path("runtime").asLong()).isEqualTo(3_000); // ms
        assertThat(read.path("iops").asDouble()).isCloseTo(20_000 / 3.0, org.assertj.core.api.Assertions.within(0.01));
        assertThat(read.path("bw").asLong()).isEqualTo(Math.round(20_000L * 4096 / 3.0 / 1024));
        JsonNode clat = read.path("clat_ns");
        assertThat(clat.path("N").asLong()).isEqualTo(20_000);
        assertThat(clat.path("min").asLong()).isEqualTo(MODEL.runs().get(1).latency().min());
        assertThat(clat.path("percentile").path("99.000000").asLong()).isEqualTo(MODEL.runs().get(1).latency().valueAtPercentile(99));
        assertThat(clat.path("percentile").path("99.990000").asLong()).isGreaterThan(1_000_000);
        assertThat(clat.has("bins")).isFalse();
        assertThat(job.path("write").path("total_ios").asLong()).isZero();
        assertThat(job.path("trim").isObject()).isTrue();
    }

    @Test
    void fioJsonPlusBinsAreFiosBucketsAndCountEveryIo() throws IOException {
        JsonNode bins = new ObjectMapper().readTree(export("fio-jsonplus")).path("jobs").get(0).path("read").path("clat_ns").path("bins");
        long sum = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = bins.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> b = it.next();
            long key = Long.parseLong(b.getKey());
            assertThat(FioLatencyBins.value(FioLatencyBins.index(key))).as("bin %s is a fio bucket value", key).isEqualTo(key);
            sum += b.getValue().asLong();
        }
        assertThat(sum).isEqualTo(20_000);
    }

    @Test
    void fioBucketsMatchFiosArithmetic() {
        // fio stat.c: values below 128 are exact; 80,000 ns lies in group error_bits=10 (65,536..131,071, 1,024 wide).
        assertThat(FioLatencyBins.index(100)).isEqualTo(100);
        assertThat(FioLatencyBins.value(FioLatencyBins.index(80_000))).isEqualTo(80_384); // 65536 + (14 + 0.5) * 1024
    }

    @Test
    void debiansFioJsonplusClat2csvReadsJsonPlus(@TempDir Path dir) throws Exception {
        Path script = Path.of("/usr/bin/fio_jsonplus_clat2csv");
        if (!Files.isExecutable(script)) {
            // On CI (.ci/run installs fio) a missing script means the check silently stopped running: fail.
            assertThat(System.getenv("CI")).as("CI=true but " + script + " is missing: .ci/run must install Debian's fio "
                    + "package so fio's own clat2csv checks our JSON+").isNotEqualToIgnoringCase("true");
            Assumptions.abort(script + " is not installed (apt-get install fio); the check runs on CI.");
        }
        Path in = dir.resolve("run.json");
        Files.write(in, export("fio-jsonplus"));
        Path out = dir.resolve("clat.csv");
        Process gen = new ProcessBuilder(script.toString(), in.toString(), out.toString()).redirectErrorStream(true).start();
        assertThat(gen.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String genOut = new String(gen.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gen.exitValue()).as(genOut).isZero();
        Process val = new ProcessBuilder(script.toString(), in.toString(), out.toString(), "--validate").redirectErrorStream(true).start();
        assertThat(val.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String valOut = new String(val.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(val.exitValue()).as(valOut).isZero();
        assertThat(valOut).contains("clat_job0.csv validated").contains("clat_job1.csv validated");
        List<String> lines = Files.readAllLines(dir.resolve("clat_job0.csv"));
        assertThat(lines.get(0)).startsWith("nsec, read_slat_ns_count");
        String last = lines.get(lines.size() - 1);
        assertThat(last.split(",")[6].trim()).isEqualTo("1.0"); // read_clat_ns_percentile reaches 100 %
    }

    @Test
    void htmlIsWellFormedSelfContainedAndHoldsTheRecordsPercentiles() throws Exception {
        byte[] html = export("html");
        String text = new String(html, StandardCharsets.UTF_8);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(html));
        NodeList svgs = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
        assertThat(svgs.getLength()).isEqualTo(3);
        Element table = null;
        NodeList tables = doc.getElementsByTagNameNS("*", "table");
        for (int i = 0; i < tables.getLength(); i++) {
            Element t = (Element) tables.item(i);
            if (t.getAttribute("id").equals("percentile-table")) {
                table = t;
            }
        }
        assertThat(table).isNotNull();
        NodeList cells = table.getElementsByTagNameNS("*", "td");
        List<Long> ns = new ArrayList<>();
        for (int i = 0; i < cells.getLength(); i++) {
            String v = ((Element) cells.item(i)).getAttribute("data-ns");
            if (!v.isEmpty()) {
                ns.add(Long.parseLong(v));
            }
        }
        assertThat(ns).hasSize(19 * 2);
        assertThat(ns.get(12 * 2)).isEqualTo(MODEL.runs().get(0).latency().valueAtPercentile(99));
        assertThat(ns.get(12 * 2 + 1)).isEqualTo(MODEL.runs().get(1).latency().valueAtPercentile(99));
        assertThat(text).contains("@media print").contains("FW1.2.3").contains("&quot;Sim&quot; &lt;Controller&gt;");
        // No network: nothing is fetched (namespace URIs are names, not requests).
        assertThat(text).doesNotContain("src=").doesNotContain("<link").doesNotContain("<script").doesNotContain("url(http");
    }

    @Test
    void csvHasEverySectionAndParsesAsOneTable() throws IOException {
        List<List<String>> rows = Csv.parse(new String(export("csv"), StandardCharsets.UTF_8));
        assertThat(rows.get(0)).containsExactly("section", "run", "key", "metric", "value");
        for (List<String> r : rows) {
            assertThat(r).hasSize(5);
        }
        assertThat(rows).extracting(r -> r.get(0)).contains("summary", "percentile", "series", "vector");
        List<String> p99 = rows.stream().filter(r -> r.get(0).equals("percentile") && r.get(1).equals("thr7, time2")
                && r.get(2).equals("99")).findFirst().orElseThrow();
        assertThat(Long.parseLong(p99.get(4))).isEqualTo(MODEL.runs().get(1).latency().valueAtPercentile(99));
        assertThat(rows).anySatisfy(r -> assertThat(r).containsExactly("vector", "off", "1", "interrupts", "20000"));
        assertThat(rows).anySatisfy(r -> assertThat(r).containsExactly("summary", "off", "", "interrupt_cpu_share_pct", "2.50000"));
    }

    /** A small RFC 4180 reader, written apart from the exporter's writer. */
    static final class Csv {
        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\n') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else if (c != '\r') {
                    cell.append(c);
                }
            }
            return rows;
        }
    }
}
