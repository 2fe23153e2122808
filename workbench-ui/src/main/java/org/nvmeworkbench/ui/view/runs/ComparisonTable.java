package org.nvmeworkbench.ui.view.runs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.spec.InterruptCoalescing;

/**
 * Two or more runs side by side, one column per run in history order, the first one the baseline: the
 * settings that differ between any of them, then the figures of each with the change against the baseline.
 *
 * @param runs     the column headings (see {@link RunComparison#label})
 * @param settings the settings that differ between any two runs; empty when all are the same
 * @param figures  the headline figures, every run
 */
public record ComparisonTable(List<String> runs, List<Row> settings, List<Row> figures) {
    /** Said instead of the settings rows when there are none. */
    public static final String SAME_SETTINGS =
            "Same settings: any difference in the figures comes from the device, not the configuration.";

    public ComparisonTable {
        runs = List.copyOf(runs);
        settings = List.copyOf(settings);
        figures = List.copyOf(figures);
    }

    /** Which way a figure improves. */
    public enum Better {
        LOWER, HIGHER, NEITHER
    }

    /** How a cell stands against the baseline's cell in the same row. */
    public enum Verdict {
        BASELINE, SAME, CHANGED, BETTER, WORSE,
        /** The run's source did not measure this figure (fio and HdrHistogram logs know no interrupts): no comparison. */
        NOT_MEASURED
    }

    /** What a figure the source did not measure says, instead of a number. */
    public static final String NOT_MEASURED = "not measured";

    /**
     * One run's value in a row.
     *
     * @param value   as shown, e.g. "0.125"
     * @param change  against the baseline, e.g. "-87.5%" or "same"; empty for the baseline, for a setting and
     *                when the baseline is zero (no percentage of nothing)
     * @param verdict how it stands against the baseline
     * @param detail  the value in full words (for a tooltip), or empty
     */
    public record Cell(String value, String change, Verdict verdict, String detail) {
        /** "-87.5%, better": the change and, when a figure improved or regressed, which. */
        public String note() {
            String word = switch (verdict) {
                case BETTER -> "better";
                case WORSE -> "worse";
                default -> "";
            };
            return change.isEmpty() ? word : word.isEmpty() ? change : change + ", " + word;
        }

        /** "0.125 (-87.5%, better)", or just the value when there is no note. */
        public String text() {
            String n = note();
            return n.isEmpty() ? value : value + " (" + n + ")";
        }
    }

    /**
     * One setting or figure across the runs.
     *
     * @param name  e.g. "interrupts / completion"
     * @param cells one per run, in column order
     */
    public record Row(String name, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        public Cell cell(int run) {
            return cells.get(run);
        }
    }

    /** Whether every compared setting is the same in every run. */
    public boolean sameSettings() {
        return settings.isEmpty();
    }

    /** The figure row called {@code name}. */
    public Row figure(String name) {
        return figures.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No figure called '" + name + "'."));
    }

    /** The table as plain text, a line per row ("name: a | b | c"), for a tooltip or the clipboard. */
    public String text() {
        List<String> l = new ArrayList<>();
        l.add(String.join(" | ", runs));
        l.add("Settings that differ:");
        if (sameSettings()) {
            l.add("  " + SAME_SETTINGS);
        }
        settings.forEach(r -> l.add("  " + line(r)));
        l.add("Figures:");
        figures.forEach(r -> l.add("  " + line(r)));
        return String.join("\n", l);
    }

    private static String line(Row r) {
        return r.name() + ": " + String.join(" | ", r.cells().stream().map(Cell::text).toList());
    }

    // ---- building ----

    private record Setting(String name, Function<RunRecord, String> value, Function<RunRecord, String> detail) {
    }

    private record Figure(String name, String format, Better better, ToDoubleFunction<RunRecord> value) {
    }

    private static final List<Setting> SETTINGS = List.of(
            new Setting("device", r -> r.device().spec(), r -> ""),
            new Setting("measured by", r -> r.origin().label(), r -> r.origin().file()),
            new Setting("coalescing (read back)", ComparisonTable::coalescingBrief, RunComparison::coalescing),
            new Setting("CD vectors", r -> vectors(r.workload().cdVectors()), r -> ""),
            new Setting("rw", r -> r.workload().rw(), r -> ""),
            new Setting("bs", r -> Integer.toString(r.workload().blockSize()), r -> ""),
            new Setting("iodepth", r -> Integer.toString(r.workload().iodepth()), r -> ""),
            new Setting("queues", r -> Integer.toString(r.workload().queues()), r -> ""),
            new Setting("runtime", r -> limit(r.workload().runtimeNanos() / 1_000_000, " ms"), r -> ""),
            new Setting("ios limit", r -> limit(r.workload().ios(), ""), r -> ""),
            new Setting("seed", r -> Long.toString(r.seed()), r -> ""));

    private static final List<Figure> FIGURES = List.of(
            new Figure("interrupts / completion", "%.3f", Better.LOWER, RunComparison::interruptsPerCompletion),
            new Figure("completions / interrupt", "%.2f", Better.HIGHER, RunRecord::completionsPerInterrupt),
            new Figure("interrupts", "%,.0f", Better.LOWER, r -> r.interruptsMeasured() ? r.totals().interrupts() : Double.NaN),
            new Figure("completions", "%,.0f", Better.NEITHER, r -> r.totals().ios()),
            new Figure("IOPS", "%,.0f", Better.HIGHER, RunRecord::iops),
            new Figure("p50 latency (us)", "%.1f", Better.LOWER, r -> r.latency().valueAtPercentile(50) / 1e3),
            new Figure("p99 latency (us)", "%.1f", Better.LOWER, r -> r.latency().valueAtPercentile(99) / 1e3),
            new Figure("host CPU on interrupts (%)", "%.2f", Better.LOWER, RunRecord::hostIrqCpuPct));

    /**
     * The comparison of {@code selected}, put in {@code history}'s order.
     *
     * @throws IllegalArgumentException with fewer than two runs
     */
    public static ComparisonTable of(List<RunRecord> history, Collection<RunRecord> selected) {
        if (selected.size() < 2) {
            throw new IllegalArgumentException("A comparison needs two runs or more, not " + selected.size() + ".");
        }
        List<RunRecord> runs = new ArrayList<>(selected);
        runs.sort((a, b) -> Integer.compare(history.indexOf(a), history.indexOf(b)));
        List<String> labels = runs.stream().map(r -> RunComparison.label(history.indexOf(r), r)).toList();
        List<Row> settings = new ArrayList<>();
        for (Setting s : SETTINGS) {
            List<String> values = runs.stream().map(s.value()).toList();
            if (values.stream().distinct().count() > 1) {
                List<Cell> cells = new ArrayList<>();
                for (int i = 0; i < runs.size(); i++) {
                    Verdict v = i == 0 ? Verdict.BASELINE : values.get(i).equals(values.get(0)) ? Verdict.SAME
                            : Verdict.CHANGED;
                    cells.add(new Cell(values.get(i), "", v, s.detail().apply(runs.get(i))));
                }
                settings.add(new Row(s.name(), cells));
            }
        }
        List<Row> figures = new ArrayList<>();
        for (Figure f : FIGURES) {
            double base = f.value().applyAsDouble(runs.get(0));
            List<Cell> cells = new ArrayList<>();
            cells.add(Double.isNaN(base) ? new Cell(NOT_MEASURED, "", Verdict.NOT_MEASURED, "")
                    : new Cell(format(f, base), "", Verdict.BASELINE, ""));
            for (int i = 1; i < runs.size(); i++) {
                cells.add(figureCell(f, base, f.value().applyAsDouble(runs.get(i))));
            }
            figures.add(new Row(f.name(), cells));
        }
        return new ComparisonTable(labels, settings, figures);
    }

    /** The value, its change against {@code base} and whether that is an improvement. */
    private static Cell figureCell(Figure f, double base, double x) {
        if (Double.isNaN(x)) {
            return new Cell(NOT_MEASURED, "", Verdict.NOT_MEASURED, "");
        }
        String value = format(f, x);
        if (Double.isNaN(base)) {
            return new Cell(value, "", Verdict.NOT_MEASURED, "the first run did not measure it");
        }
        if (value.equals(format(f, base))) {
            return new Cell(value, "same", Verdict.SAME, "");
        }
        String change = base == 0 ? "" : String.format(Locale.ROOT, "%+.1f%%", (x - base) * 100 / base);
        Verdict v = switch (f.better()) {
            case LOWER -> x < base ? Verdict.BETTER : Verdict.WORSE;
            case HIGHER -> x > base ? Verdict.BETTER : Verdict.WORSE;
            case NEITHER -> Verdict.CHANGED;
        };
        return new Cell(value, change, v, "");
    }

    private static String format(Figure f, double v) {
        return String.format(f.format(), v);
    }

    /** "THR 7 TIME 2", "THR 0 TIME 0, off": short enough for a narrow column; the words go in the detail. */
    private static String coalescingBrief(RunRecord r) {
        InterruptCoalescing c = r.features().interruptCoalescing();
        if (c == null) {
            return "not read back";
        }
        return "THR " + c.threshold() + " TIME " + c.time() + (c.enabled() ? "" : ", off");
    }

    private static String vectors(List<Integer> ivs) {
        return ivs.isEmpty() ? "none" : "IV " + String.join(", ", ivs.stream().map(String::valueOf).toList());
    }

    private static String limit(long v, String unit) {
        return v == 0 ? "no limit" : v + unit;
    }
}
