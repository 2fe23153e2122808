package org.nvmeworkbench.ui.view.controller;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.nvmeworkbench.core.driver.AdminResult;
import org.nvmeworkbench.core.driver.ControllerRegisters;
import org.nvmeworkbench.core.record.FeatureReadback;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.spec.FeatureText;
import org.nvmeworkbench.core.spec.RegisterDecoder;
import org.nvmeworkbench.core.session.ControllerReadout;
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
        boolean isAttached = session.attached().get();
        attached.set(isAttached);
        if (!isAttached) {
            text.set("");
            return;
        }
        RunRecord last = session.runs().isEmpty() ? null : session.runs().get(session.runs().size() - 1);
        int lastNumber = session.runs().size();
        session.readController().thenAccept(r -> text.set(String.join("\n", lines(r, last, lastNumber))));
    }

    /** Everything the view shows, from what the device answered (here or on an agent). */
    static List<String> lines(ControllerReadout r, RunRecord last, int lastNumber) {
        List<String> l = new ArrayList<>();
        l.add("== Identify Controller ==");
        l.addAll(r.controller().describe());
        l.add("");
        l.add("== Registers ==");
        ControllerRegisters reg = r.registers();
        l.addAll(RegisterDecoder.describe(reg.cap(), reg.vs(), reg.cc(), reg.csts(), reg.aqa()));
        l.add("");
        l.add("== Features (current" + (r.duringRun() ? ", read during the run" : "") + ") ==");
        for (ControllerReadout.FeatureRead f : r.features()) {
            if (f.result().ok()) {
                l.addAll(FeatureText.lines(f.fid(), FeatureId.SEL_CURRENT, f.result().dw0()));
            } else {
                l.add(FeatureText.failure("get-feature", f.fid(), f.result().status()));
            }
        }
        l.add("");
        l.addAll(vectorConfiguration(r, last, lastNumber));
        return l;
    }

    /** Feature 09h for each vector bound to an I/O CQ now, or the last run's read-back when none is. */
    static List<String> vectorConfiguration(ControllerReadout r, RunRecord last, int lastNumber) {
        List<String> l = new ArrayList<>();
        if (!r.vectors().isEmpty()) {
            l.add("== Feature 09h (Interrupt Vector Configuration), per vector, read now ==");
            for (ControllerReadout.VectorRead v : r.vectors()) {
                AdminResult res = v.result();
                l.add("IV " + v.iv() + " (I/O CQ " + joined(v.cqs()) + "):");
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
        for (int q : new TreeSet<>(qids)) {
            b.append(b.length() == 0 ? "" : ", ").append(q);
        }
        return b.toString();
    }
}
