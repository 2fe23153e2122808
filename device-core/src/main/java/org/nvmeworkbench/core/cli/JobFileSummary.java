package org.nvmeworkbench.core.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.nvmeworkbench.core.fiojob.FioJob;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.RunTotals;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * The runs of a job file's jobs as fio reports them: one block per job ("name: (groupid=G, jobs=N)") and,
 * per group, fio's "Run status group G (all jobs):" lines with the group's aggregate bandwidth (all bytes
 * over the longest run, as fio's stat.c computes it), the per-job minimum and maximum, the bytes and the
 * run times. With one job the JSON is that run's object, as for a run without a job file; with several it
 * is {@code {"jobs": [...], "groups": [...]}}.
 */
final class JobFileSummary {
    private final List<WorkloadOptions.PlannedJob> jobs;
    private final List<RunRecord> records;

    JobFileSummary(List<WorkloadOptions.PlannedJob> jobs, List<RunRecord> records) {
        this.jobs = List.copyOf(jobs);
        this.records = List.copyOf(records);
    }

    private RunSummary summary(int i) {
        FioJob j = jobs.get(i).job();
        WorkloadSpec s = jobs.get(i).spec();
        return new RunSummary(records.get(i), j.name(), j.schedule().group(), j.numjobs(), s.minBlockSize(), s.blockSize());
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < records.size(); i++) {
            sb.append(summary(i).body());
        }
        if (records.size() > 1) {
            sb.append(String.format(Locale.ROOT, "%nThe %d jobs ran one after another in file order, each on its own queue "
                    + "pairs; fio would run the jobs of a group at the same time.%n", records.size()));
        }
        for (Map.Entry<Integer, List<Integer>> g : groups().entrySet()) {
            sb.append(String.format(Locale.ROOT, "%nRun status group %d (all jobs):%n", g.getKey()));
            groupLine(sb, "READ", g.getValue(), RunTotals::reads);
            groupLine(sb, "WRITE", g.getValue(), RunTotals::writes);
            groupLine(sb, "TRIM", g.getValue(), RunTotals::trims);
        }
        long ios = 0;
        long nanos = 0;
        for (RunRecord r : records) {
            ios += r.totals().ios();
            nanos += r.durationNanos();
        }
        sb.append(String.format(Locale.ROOT, "%nRun status: %d job(s), %d ios in %.3f ms of device time, started %s, %s %s%n",
                records.size(), ios, nanos / 1e6, records.get(0).startedAt(), "nvme-workbench", records.get(0).toolVersion()));
        return sb.toString();
    }

    /** Job indexes by fio group id. */
    private Map<Integer, List<Integer>> groups() {
        Map<Integer, List<Integer>> g = new TreeMap<>();
        for (int i = 0; i < records.size(); i++) {
            g.computeIfAbsent(jobs.get(i).job().schedule().group(), k -> new ArrayList<>()).add(i);
        }
        return g;
    }

    /** fio's "   READ: bw=..., MIN-MAX (...), io=..., run=MIN-MAXmsec". */
    private void groupLine(StringBuilder sb, String name, List<Integer> members, java.util.function.ToLongFunction<RunTotals> count) {
        double bytes = 0;
        double minBw = Double.MAX_VALUE;
        double maxBw = 0;
        long minMs = Long.MAX_VALUE;
        long maxMs = 0;
        boolean any = false;
        for (int i : members) {
            RunRecord r = records.get(i);
            long n = count.applyAsLong(r.totals());
            if (n == 0) {
                continue;
            }
            any = true;
            double b = summary(i).bytesOf(n);
            double s = r.durationNanos() / 1e9;
            double bw = s == 0 ? 0 : b / s;
            bytes += b;
            minBw = Math.min(minBw, bw);
            maxBw = Math.max(maxBw, bw);
            long ms = Math.round(r.durationNanos() / 1e6);
            minMs = Math.min(minMs, ms);
            maxMs = Math.max(maxMs, ms);
        }
        if (!any) {
            return;
        }
        double agg = maxMs == 0 ? 0 : bytes / (maxMs / 1000.0);
        String[] lo = FioText.bandwidth(minBw).split(" ");
        String[] hi = FioText.bandwidth(maxBw).split(" ");
        sb.append(String.format(Locale.ROOT, "%7s: bw=%s, %s-%s (%s-%s), io=%s (%s), run=%d-%dmsec%n", name,
                FioText.bandwidth(agg), lo[0], hi[0], lo[1].replace("(", "").replace(")", ""),
                hi[1].replace("(", "").replace(")", ""), FioText.bytes(bytes), FioText.decimalBytes(bytes), minMs, maxMs));
    }

    ObjectNode json() {
        if (records.size() == 1) {
            return named(0);
        }
        ObjectNode o = OutputOptions.object();
        ArrayNode js = o.putArray("jobs");
        for (int i = 0; i < records.size(); i++) {
            js.add(named(i));
        }
        ArrayNode gs = o.putArray("groups");
        for (Map.Entry<Integer, List<Integer>> g : groups().entrySet()) {
            ObjectNode n = gs.addObject().put("groupid", g.getKey());
            ArrayNode names = n.putArray("jobs");
            long ios = 0;
            long bytes = 0;
            long maxNs = 0;
            for (int i : g.getValue()) {
                names.add(jobs.get(i).job().name());
                ios += records.get(i).totals().ios();
                bytes += records.get(i).totals().bytes();
                maxNs = Math.max(maxNs, records.get(i).durationNanos());
            }
            n.put("ios", ios).put("io_bytes", bytes).put("bw_bytes", maxNs == 0 ? 0 : Math.round(bytes * 1e9 / maxNs));
        }
        return o;
    }

    private ObjectNode named(int i) {
        FioJob j = jobs.get(i).job();
        ObjectNode n = summary(i).json();
        n.put("jobname", j.name());
        n.put("groupid", j.schedule().group());
        n.put("numjobs", j.numjobs());
        return n;
    }
}
