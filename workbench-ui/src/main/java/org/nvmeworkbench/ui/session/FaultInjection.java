package org.nvmeworkbench.ui.session;

import java.util.List;

import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.sim.Faults;
import org.nvmeworkbench.core.sim.SimulatedController;

/**
 * Device > Inject fault...: arms a fault on the attached simulator in run --fault's words, so the user can
 * watch the driver recover (its Abort, reset and Set Features show in the Event Log). Only a simulator is
 * offered: a real device is never made to fail on purpose.
 */
public final class FaultInjection {
    /** What the dialog offers first: a lost interrupt, the recovery the Lab shows in slow motion. */
    public static final String SUGGESTED = "lost-interrupt@100";

    private FaultInjection() {
    }

    /** Whether faults can be injected into {@code c}: a simulator only. */
    public static boolean possible(NvmeController c) {
        return c != null && c.pci() instanceof SimulatedController;
    }

    /** The dialog's explanation: the syntax and every kind. */
    public static String help() {
        return "KIND[:ARG]@WHEN, WHEN in I/O commands (100) or device time (2s, 500ms); several comma separated. "
                + "Kinds: " + Faults.kinds() + ".";
    }

    /** Arms {@code spec} on {@code c}; the sentence for the status bar, saying what was armed or what is wrong. */
    public static String arm(NvmeController c, String spec) {
        if (!possible(c)) {
            return "Faults are injected into the simulator only; attach it first (Device > Attach simulator).";
        }
        List<Faults.Armed> armed;
        try {
            armed = Faults.parseAll(spec);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        SimulatedController sim = (SimulatedController) c.pci();
        armed.forEach(sim.faults()::arm);
        StringBuilder b = new StringBuilder("Armed ");
        for (int i = 0; i < armed.size(); i++) {
            Faults.Armed a = armed.get(i);
            b.append(i == 0 ? "" : ", ").append(a.kind().text()).append(' ').append(a.when());
        }
        return b.append(" on the simulator; start a run and watch the Event Log for the driver's recovery.").toString();
    }
}
