package org.nvmeworkbench.core.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.nvmeworkbench.core.report.ChartFactory;
import org.nvmeworkbench.core.report.Figures;
import org.nvmeworkbench.core.report.HtmlExporter;
import org.nvmeworkbench.core.report.PdfExporter;
import org.nvmeworkbench.core.report.Percentiles;
import org.nvmeworkbench.core.report.ReportSection;
import org.nvmeworkbench.core.report.ReportModel;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * A finished (or cancelled) sweep analysed for one percentile, cost and target: every point, the
 * Pareto front and the recommendation.
 *
 * @param device       what was swept
 * @param base         the workload every point ran (before its 08h and iodepth)
 * @param grid         the grid asked for
 * @param points       the points that finished, in grid order
 * @param percentile   the latency percentile judged, e.g. 99
 * @param targetNanos  the latency target, 0 when none was given
 * @param cost         what is minimised
 * @param front        the Pareto front, cheapest first
 * @param recommendation what to use and why
 * @param cancelled    whether the sweep stopped before the end of the grid
 * @param elapsedNanos wall-clock time the sweep took
 */
public record SweepResult(String device, WorkloadSpec base, SweepGrid grid, List<SweepPoint> points, double percentile,
                          long targetNanos, SweepCost cost, List<SweepPoint> front, Recommendation recommendation,
                          boolean cancelled, long elapsedNanos) {

    public SweepResult {
        points = List.copyOf(points);
        front = List.copyOf(front);
    }

    public static SweepResult analyse(String device, WorkloadSpec base, SweepGrid grid, List<SweepPoint> points,
                                      double percentile, long targetNanos, SweepCost cost, boolean cancelled,
                                      long elapsedNanos) {
        return new SweepResult(device, base, grid, points, percentile, targetNanos, cost,
                ParetoFront.of(points, cost, percentile), Recommendation.choose(points, percentile, targetNanos, cost),
                cancelled, elapsedNanos);
    }

    /** The points as the chart factory draws them (Pareto chart). */
    public List<ChartFactory.TradeOff> tradeOffs() {
        List<ChartFactory.TradeOff> out = new ArrayList<>();
        for (SweepPoint p : points) {
            out.add(new ChartFactory.TradeOff(p.setting().label(), p.cost(cost), p.latency(percentile),
                    front.contains(p), recommendation.chosen() == p && recommendation.meetsTarget()));
        }
        return out;
    }

    /** Latency at the percentile, ns, as [THR index][TIME index] for {@code iodepth} (NaN where no point ran). */
    public double[][] latencyGrid(int iodepth) {
        double[][] g = new double[grid.thresholds().size()][grid.times().size()];
        for (double[] row : g) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (SweepPoint p : points) {
            if (p.setting().iodepth() == iodepth) {
                g[grid.thresholds().indexOf(p.setting().threshold())][grid.times().indexOf(p.setting().time())] =
                        p.latency(percentile);
            }
        }
        return g;
    }

    public String percentileName() {
        return "p" + Percentiles.label(percentile);
    }

    /** The table the CLI prints, then (on a real device) how far to trust it, then the recommendation. */
    public String text() {
        String caveat = caveat();
        return table() + (caveat.isEmpty() ? "" : caveat + "\n") + (recommendation.meetsTarget() ? "Recommendation: " : "")
                + recommendation.explanation() + "\n";
    }

    /**
     * Empty on the simulator (every point on a fresh device with the seed: deterministic); on any other device
     * the one line saying its points are not.
     */
    public String caveat() {
        if (Sweep.freshPerPoint(device)) {
            return "";
        }
        return "Points on a real device are not deterministic: each setting ran once, in turn, on the same controller; "
                + "rerun the sweep to see how much they vary.";
    }

    /** The heading line and one row per point. */
    public String table() {
        StringBuilder b = new StringBuilder();
        WorkloadSpec s = base;
        b.append("Sweep of ").append(s.rw().fioName()).append(" bs=").append(s.blockSize()).append(" queues=").append(s.queues())
                .append(" on ").append(device).append(", ")
                .append(s.ios() > 0 ? s.ios() + " I/Os" : "") .append(s.ios() > 0 && s.runtimeNanos() > 0 ? " or " : "")
                .append(s.runtimeNanos() > 0 ? Figures.latency(s.runtimeNanos()) : "").append(" per point, seed ").append(s.seed())
                .append(": ").append(points.size()).append(" of ").append(grid.size()).append(" points in ")
                .append(Figures.latency(elapsedNanos)).append(cancelled ? " (cancelled)" : "").append('\n');
        b.append(String.format(Locale.ROOT, "%4s %5s %8s %11s %10s %10s %13s %10s %9s  %s%n", "THR", "TIME", "iodepth", "IOPS",
                "p50", percentileName(), "interrupts/s", "compl/irq", "irq CPU", "front"));
        for (SweepPoint p : points) {
            RunRecord r = p.record();
            boolean chosen = recommendation.chosen() == p;
            b.append(String.format(Locale.ROOT, "%4d %5d %8d %11s %10s %10s %13s %10.2f %9s  %s%n", p.setting().threshold(),
                    p.setting().time(), p.setting().iodepth(), Figures.count(r.iops()), Figures.latency(p.latency(50)),
                    Figures.latency(p.latency(percentile)), Figures.count(p.interruptsPerSecond()),
                    r.completionsPerInterrupt(), Figures.percent(r.hostIrqCpuPct()),
                    (front.contains(p) ? "*" : "") + (chosen ? (recommendation.meetsTarget() ? " <- recommended" : " <- lowest latency") : "")));
        }
        return b.toString();
    }

    /** Every point with its figures, the front and the recommendation. */
    public ObjectNode json(ObjectMapper mapper) {
        ObjectNode o = mapper.createObjectNode();
        o.put("device", device);
        ObjectNode w = o.putObject("workload");
        w.put("rw", base.rw().fioName()).put("bs", base.blockSize()).put("queues", base.queues())
                .put("runtime_ns", base.runtimeNanos()).put("ios", base.ios()).put("rwmixread", base.rwmixread())
                .put("seed", base.seed());
        ObjectNode g = o.putObject("grid");
        grid.thresholds().forEach(g.putArray("thr")::add);
        grid.times().forEach(g.putArray("time")::add);
        grid.iodepths().forEach(g.putArray("iodepth")::add);
        o.put("percentile", percentile);
        o.put("target_ns", targetNanos);
        o.put("cost", cost.name().toLowerCase(Locale.ROOT));
        o.put("cancelled", cancelled);
        o.put("elapsed_ns", elapsedNanos);
        ArrayNode pts = o.putArray("points");
        for (SweepPoint p : points) {
            RunRecord r = p.record();
            ObjectNode n = pts.addObject();
            n.put("thr", p.setting().threshold()).put("time", p.setting().time()).put("iodepth", p.setting().iodepth())
                    .put("coalescing", p.setting().coalescing().describe())
                    .put("coalescing_read_back", r.features().coalescing())
                    .put("ios", r.totals().ios()).put("iops", r.iops()).put("duration_ns", r.durationNanos())
                    .put("p50_ns", p.latency(50)).put("p99_ns", p.latency(99)).put("p99_9_ns", p.latency(99.9))
                    .put("latency_at_percentile_ns", p.latency(percentile)).put("max_ns", r.latency().max())
                    .put("interrupts", r.totals().interrupts()).put("interrupts_per_s", p.interruptsPerSecond())
                    .put("completions_per_interrupt", r.completionsPerInterrupt()).put("irq_cpu_pct", r.hostIrqCpuPct())
                    .put("on_front", front.contains(p)).put("meets_target", targetNanos > 0 && p.latency(percentile) <= targetNanos);
        }
        ObjectNode rec = o.putObject("recommendation");
        SweepPoint c = recommendation.chosen();
        if (c == null) {
            rec.putNull("thr");
            rec.putNull("time");
            rec.putNull("iodepth");
        } else {
            rec.put("thr", c.setting().threshold()).put("time", c.setting().time()).put("iodepth", c.setting().iodepth())
                    .put("cdw11", c.setting().coalescing().cdw11());
        }
        rec.put("meets_target", recommendation.meetsTarget());
        rec.put("explanation", recommendation.explanation());
        return o;
    }

    /**
     * The runs a sweep report compares: coalescing off at the chosen point's iodepth (the baseline), then the
     * chosen point; without a choice, the cheapest and the fastest point of the front.
     */
    public ReportModel report() {
        List<SweepPoint> shown = new ArrayList<>();
        SweepPoint chosen = recommendation.chosen();
        if (chosen != null) {
            for (SweepPoint p : points) {
                if (p != chosen && p.setting().iodepth() == chosen.setting().iodepth() && !p.setting().coalescing().enabled()) {
                    shown.add(p);
                    break;
                }
            }
            shown.add(chosen);
        } else if (!front.isEmpty()) {
            shown.add(front.get(front.size() - 1));
            if (front.size() > 1) {
                shown.add(front.get(0));
            }
        }
        if (shown.isEmpty()) {
            throw new IllegalStateException("No point of the sweep finished, so there is nothing to report.");
        }
        List<RunRecord> runs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (SweepPoint p : shown) {
            runs.add(p.record());
            labels.add(p.setting().label());
        }
        return new ReportModel("Coalescing sweep on " + device, java.time.Instant.now(), runs, labels);
    }

    /** The sweep's own section: the recommendation, Pareto chart, heatmap(s) and the table. */
    public ReportSection section() {
        List<ReportSection.Chart> charts = new ArrayList<>();
        charts.add(new ReportSection.Chart(ChartFactory.pareto(tradeOffs(), cost.label(), percentileName(), targetNanos), 900, 420,
                cost.label() + " against " + percentileName() + "; the line joins the Pareto front, the large dot is the recommendation."));
        for (int d : grid.iodepths()) {
            charts.add(new ReportSection.Chart(ChartFactory.heatmap(grid.thresholds(), grid.times(), latencyGrid(d),
                    percentileName() + " over THR x TIME at iodepth " + d), 900, 360, percentileName() + " of every point at iodepth " + d + "."));
        }
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add((recommendation.meetsTarget() ? "Recommendation: " : "") + recommendation.explanation());
        if (!caveat().isEmpty()) {
            paragraphs.add(caveat());
        }
        return new ReportSection("sweep", "Sweep and recommendation", paragraphs, table(), charts);
    }

    /** One self-contained HTML page: {@link #section()}, then {@link #report()}. */
    public String html() {
        return HtmlExporter.html(report(), List.of(HtmlExporter.section(section())));
    }

    /** The same as {@link #html()} as a PDF document with vector charts. */
    public byte[] pdf() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(256 * 1024);
        try {
            PdfExporter.write(report(), List.of(section()), out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
