package org.nvmeworkbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.HdrHistogram.HistogramLogProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.record.RunRecord;

/** Our .hlog read by HdrHistogram 2.2.2's own HistogramLogProcessor, as a user would run it. */
class HistogramLogProcessorTest {
    @TempDir
    Path dir;

    private Path export(ReportModel m, String name) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HlogExporter().export(m, out);
        Path log = dir.resolve(name);
        Files.write(log, out.toByteArray());
        return log;
    }

    /** HistogramLogProcessor -i LOG -o OUT [more]: its percentile distribution (OUT.hgrm) as text. */
    private String process(Path log, String out, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("-i", log.toString(), "-o", dir.resolve(out).toString(),
                "-outputValueUnitRatio", "1000"));
        args.addAll(List.of(more));
        HistogramLogProcessor p = new HistogramLogProcessor(args.toArray(new String[0]));
        p.run();
        return Files.readString(dir.resolve(out + ".hgrm"));
    }

    @Test
    void aOneRunLogIsUntaggedAndReadAsItIs() throws Exception {
        ReportModel two = SampleRuns.two();
        RunRecord run = two.runs().get(0);
        ReportModel one = ReportModel.of(List.of(run));
        Path log = export(one, "run.hlog");
        assertThat(Files.readString(log)).doesNotContain("Tag=");
        String hgrm = process(log, "run");
        assertThat(hgrm).containsPattern("Total count\\s+=\\s+" + run.latency().count() + "]");
    }

    @Test
    void aMultiRunLogIsTaggedAndEachTagIsReadWithDashTag() throws Exception {
        ReportModel two = SampleRuns.two();
        Path log = export(two, "two.hlog");
        String text = Files.readString(log);
        String tag = HlogExporter.tag(two.labels().get(1));
        assertThat(text).contains("Tag=" + tag);
        String hgrm = process(log, "second", "-tag", tag);
        assertThat(hgrm).containsPattern("Total count\\s+=\\s+" + two.runs().get(1).latency().count() + "]");
    }
}
