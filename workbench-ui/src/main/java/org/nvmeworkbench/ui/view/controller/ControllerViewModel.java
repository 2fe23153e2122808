package org.nvmeworkbench.ui.view.controller;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.nvmeworkbench.core.driver.AdminResult;
import org.nvmeworkbench.core.driver.ControllerRegisters;
import org.nvmeworkbench.core.driver.IoQueuePair;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.record.FeatureReadback;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.spec.FeatureText;
import org.nvmeworkbench.core.spec.RegisterDecoder;
import org.nvmeworkbench.core.session.ControllerState;
import org.nvmeworkbench.ui.session.WorkbenchSession;

/**
 * The Controller view's text: Identify, CAP/VS/CC/CSTS/AQA, Features 07h and 08h decoded, and 09h per
 * vector as the device answers it. 09h names a vector bound to an I/O completion queue, so it is read
 * while a run's queues exist (between two of its batches); otherwise the last run's read-back is shown,
 * from its record. Every figure comes from the device or a run record.
 */
public final class ControllerViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final WorkbenchSession session;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyBooleanWrapper attached = new ReadOnlyBooleanWrapper(this, "attached", false);

    public ControllerViewModel(WorkbenchSession session) {
        this.session = session;
    }

    public ReadOnlyStringProperty text() { return text.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty attached() { return attached.getReadOnlyProperty(); }

    /** Reads the controller again (between batches when a run is going); the text changes when it answers. */
    public void load() {
        NvmeController c = session.controller().get();
        attached.set(c != null);
        if (c == null) {
            text.set("");
            return;
        }
        RunRecord last = session.runs().isEmpty() ? null : session.runs().get(session.runs().size() - 1);
        int lastNumber = session.runs().size();
        boolean running = session.state().get() == ControllerState.RUNNING;
        session.query("Read controller", ctrl -> read(ctrl, last, lastNumber, running))
                .thenAccept(lines -> text.set(String.join("\n", lines)));
    }

    /** Everything the view shows; called on the thread that owns the controller. */
    static List<String> read(NvmeController c, RunRecord last, int lastNumber, boolean running) {
        List<String> l = new ArrayList<>();
        l.add("== Identify Controller ==");
        l.addAll(c.identifyController().describe());
        l.add("");
        l.add("== Registers ==");
        ControllerRegisters r = c.registers();
        l.addAll(RegisterDecoder.describe(r.cap(), r.vs(), r.cc(), r.csts(), r.aqa()));
        l.add("");
        l.add("== Features (current" + (running ? ", read during the run" : "") + ") ==");
        for (int fid : new int[] {FeatureId.NUMBER_OF_QUEUES, FeatureId.INTERRUPT_COALESCING}) {
            AdminResult res = c.getFeature(fid, FeatureId.SEL_CURRENT, 0);
            if (res.ok()) {
                l.addAll(FeatureText.lines(fid, FeatureId.SEL_CURRENT, res.dw0()));
            } else {
                l.add(FeatureText.failure("get-feature", fid, res.status()));
            }
        }
        l.add("");
        l.addAll(vectorConfiguration(c, last, lastNumber));
        return l;
    }

    /** Feature 09h for each vector bound to an I/O CQ now, or the last run's read-back when none is. */
    static List<String> vectorConfiguration(NvmeController c, RunRecord last, int lastNumber) {
        List<String> l = new ArrayList<>();
        TreeMap<Integer, Set<Integer>> cqsByVector = new TreeMap<>();
        for (IoQueuePair q : c.ioQueuePairs()) {
            cqsByVector.computeIfAbsent(q.vector(), v -> new TreeSet<>()).add(q.qid());
        }
        if (!cqsByVector.isEmpty()) {
            l.add("== Feature 09h (Interrupt Vector Configuration), per vector, read now ==");
            for (var e : cqsByVector.entrySet()) {
                int iv = e.getKey();
                AdminResult res = c.getFeature(FeatureId.INTERRUPT_VECTOR_CONFIGURATION, FeatureId.SEL_CURRENT, iv);
                l.add("IV " + iv + " (I/O CQ " + joined(e.getValue()) + "):");
                if (res.ok()) {
                    FeatureText.lines(FeatureId.INTERRUPT_VECTOR_CONFIGURATION, FeatureId.SEL_CURRENT, res.dw0())
                            .forEach(s -> l.add("  " + s));
                } else {
                    l.add("  " + FeatureText.failure("get-feature", FeatureId.INTERRUPT_VECTOR_CONFIGURATION, res.status()));
                }
            }
            return l;
        }
        l.add("== Feature 09h (Interrupt Vector Configuration) ==");
        l.add("09h is read per vector and needs an I/O completion queue bound to that vector; none exists now");
        l.add("(a run creates its queues and deletes them when it ends). Read again during a run to query the device.");
        if (last == null || last.features().vectors().isEmpty()) {
            l.add("No run has read 09h back yet.");
            return l;
        }
        l.add("");
        l.add("As read back by run #" + lastNumber + " (" + last.device().spec() + ", " + TIME.format(last.startedAt())
                + "), from its run record:");
        for (FeatureReadback.VectorFeature v : last.features().vectors()) {
            FeatureText.lines(FeatureId.INTERRUPT_VECTOR_CONFIGURATION, FeatureId.SEL_CURRENT, v.value())
                    .forEach(s -> l.add("  " + s));
        }
        return l;
    }

    private static String joined(Set<Integer> qids) {
        StringBuilder b = new StringBuilder();
        for (int q : qids) {
            b.append(b.length() == 0 ? "" : ", ").append(q);
        }
        return b.toString();
    }
}
