package org.nvmeworkbench.ui.view.vectors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.nvmeworkbench.core.telemetry.QueueRingSnapshot;
import org.nvmeworkbench.core.telemetry.RunState;
import org.nvmeworkbench.core.telemetry.TelemetrySnapshot;
import org.nvmeworkbench.core.telemetry.VectorSnapshot;

/** The MSI-X Vectors table: one row per vector in use, updated in place from each telemetry sample. */
public final class VectorsViewModel {
    private final ObservableList<VectorRow> rows = FXCollections.observableArrayList();
    private final Map<Integer, VectorRow> byIv = new HashMap<>();

    public ObservableList<VectorRow> rows() {
        return rows;
    }

    public void update(TelemetrySnapshot s) {
        Map<Integer, List<Integer>> cqs = new TreeMap<>();
        for (QueueRingSnapshot q : s.queues()) {
            cqs.computeIfAbsent(q.vector(), k -> new ArrayList<>()).add(q.qid());
        }
        boolean structural = false;
        List<VectorRow> next = new ArrayList<>();
        for (VectorSnapshot v : s.vectors()) {
            VectorRow row = byIv.get(v.iv());
            if (row == null) {
                row = new VectorRow(v.iv());
                byIv.put(v.iv(), row);
                structural = true;
            }
            // Lit while a run goes on; a sample of the controller at rest says what it counted, not that it fires.
            row.fired().set(s.state() != RunState.IDLE && v.count() > row.count().get());
            row.count().set(v.count());
            row.rate().set(v.ratePerSecond());
            row.masked().set(v.masked());
            row.pending().set(v.pending());
            row.coalescingDisabled().set(v.coalescingDisabled());
            List<Integer> q = cqs.get(v.iv());
            row.queues().set(v.iv() == 0 ? "admin" : q == null ? "" : "CQ " + join(q));
            row.core().set(coreText(v.cpu()));
            row.addRate(v.ratePerSecond());
            next.add(row);
        }
        if (structural || next.size() != rows.size()) {
            byIv.keySet().retainAll(next.stream().map(VectorRow::iv).toList());
            rows.setAll(next);
        }
    }

    public void clear() {
        rows.clear();
        byIv.clear();
    }

    /** "CPU 3", or "n/a" when the device does not say where a vector's interrupts are taken. */
    static String coreText(int cpu) {
        return cpu < 0 ? "n/a" : "CPU " + cpu;
    }

    private static String join(List<Integer> q) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < q.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(q.get(i));
        }
        return b.toString();
    }
}
