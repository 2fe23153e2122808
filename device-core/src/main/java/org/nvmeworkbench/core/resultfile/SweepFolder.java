package org.nvmeworkbench.core.resultfile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.sweep.SweepCost;
import org.nvmeworkbench.core.sweep.SweepGrid;
import org.nvmeworkbench.core.sweep.SweepPoint;
import org.nvmeworkbench.core.sweep.SweepResult;
import org.nvmeworkbench.core.sweep.SweepSetting;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * What {@code sweep --save-dir DIR} leaves: sweep.json (grid, percentile, target, cost, the points) and one
 * run record per point, named by {@link SweepSetting#fileStem()} (sweep.json names it in each point's
 * {@code file} since it was added there). The sweep is analysed again from the records with sweep.json's
 * percentile, target and cost, so it recommends what the sweep printed.
 */
final class SweepFolder {
    static final String SWEEP_JSON = "sweep.json";

    private SweepFolder() {
    }

    record Opened(SweepResult sweep, List<SweepPoint> points) {
    }

    static Opened open(Path dir, long limit) {
        FileText file = FileText.read(dir.resolve(SWEEP_JSON), limit);
        if (file.text() == null) {
            throw new ResultFileException(dir.resolve(SWEEP_JSON) + " is not text, so " + dir + " is not a sweep folder.");
        }
        int start = JsonText.start(file.text());
        if (start < 0) {
            throw new ResultFileException(file.path() + " is not JSON, so " + dir + " is not a sweep folder.");
        }
        JsonNode s = JsonText.parse(file, start, "JSON (a sweep's sweep.json)");
        try {
            JsonNode g = need(s, "grid");
            SweepGrid grid = new SweepGrid(ints(need(g, "thr")), ints(need(g, "time")), ints(need(g, "iodepth")));
            List<SweepPoint> points = new ArrayList<>();
            for (JsonNode p : s.path("points")) {
                SweepSetting setting = new SweepSetting(need(p, "thr").asInt(), need(p, "time").asInt(), need(p, "iodepth").asInt());
                String name = p.path("file").asText(setting.fileStem() + ".json");
                Path record = dir.resolve(name);
                if (!Files.isRegularFile(record)) {
                    throw new ResultFileException(dir + " is an incomplete sweep folder: the run record of " + setting.label()
                            + " (" + name + ") is missing.");
                }
                FileText rt = FileText.read(record, limit);
                int at = rt.text() == null ? -1 : JsonText.start(rt.text());
                if (at < 0) {
                    throw new ResultFileException(record + " is not a run record, so the sweep in " + dir + " cannot be opened.");
                }
                points.add(new SweepPoint(setting, SavedRun.read(rt, at, record.toAbsolutePath().normalize().toString())));
            }
            if (points.isEmpty()) {
                throw new ResultFileException(dir + " is a sweep folder in which no point finished.");
            }
            RunRecord first = points.get(0).record();
            WorkloadSpec base = WorkloadSpec.of(first.workload(), s.path("workload").path("seed").asLong(first.seed()));
            if (base == null) {
                throw new ResultFileException(dir + "'s sweep ran an I/O pattern this workbench does not know ("
                        + first.workload().rw() + ").");
            }
            base = base.withCoalescing(null).withIodepth(grid.iodepths().get(0));
            SweepResult result = SweepResult.analyse(s.path("device").asText(first.device().spec()), base, grid, points,
                    need(s, "percentile").asDouble(), s.path("target_ns").asLong(0), cost(s.path("cost").asText("")),
                    s.path("cancelled").asBoolean(false), s.path("elapsed_ns").asLong(0));
            return new Opened(result, points);
        } catch (IllegalArgumentException e) {
            throw new ResultFileException(file.path() + " is damaged: " + lowerNoDot(e.getMessage()) + ".", e);
        }
    }

    /** SweepResult.json writes the cost's enum name in lower case. */
    private static SweepCost cost(String name) {
        for (SweepCost c : SweepCost.values()) {
            if (c.name().toLowerCase(Locale.ROOT).equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("its cost \"" + name + "\" is unknown");
    }

    private static JsonNode need(JsonNode o, String name) {
        JsonNode n = o.get(name);
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException("the field \"" + name + "\" is missing");
        }
        return n;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    private static String lowerNoDot(String s) {
        if (s == null || s.isEmpty()) {
            return "a value is malformed";
        }
        String t = Character.toLowerCase(s.charAt(0)) + s.substring(1);
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
