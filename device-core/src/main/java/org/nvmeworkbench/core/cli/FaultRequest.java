package org.nvmeworkbench.core.cli;

import java.util.ArrayList;
import java.util.List;

import org.nvmeworkbench.core.driver.ControllerFatalException;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.sim.Faults;
import org.nvmeworkbench.core.sim.SimulatedController;

/**
 * {@code run --fault KIND@WHEN}: the simulator's faults armed for one run, and what the run's record then
 * says: which faults took effect and when (the driver's own notes say how it recovered: Abort after a timeout,
 * polling for a lost interrupt, a reset with the features set again after a fatal status). Only the simulator
 * is faulted: a real device is never made to fail on purpose.
 */
final class FaultRequest {
    private static final FaultRequest NONE = new FaultRequest(null, List.of());

    private final SimulatedController sim;
    private final List<Faults.Armed> armed;
    private final long droppedBefore;

    private FaultRequest(SimulatedController sim, List<Faults.Armed> armed) {
        this.sim = sim;
        this.armed = armed;
        this.droppedBefore = sim == null ? 0 : sim.droppedInterrupts();
    }

    /** Checks every --fault before any work: known kinds, well formed, and a simulator to inject them in. */
    static List<Faults.Armed> parse(List<String> specs, String device) {
        if (specs == null || specs.isEmpty()) {
            return List.of();
        }
        if (!(device.equals("sim") || device.startsWith("sim:"))) {
            throw CliFailure.usage("--fault works on the simulator only (-d sim or sim:PROFILE); " + device
                    + " is a real device and is never made to fail on purpose.");
        }
        List<Faults.Armed> out = new ArrayList<>();
        for (String s : specs) {
            try {
                out.addAll(Faults.parseAll(s));
            } catch (IllegalArgumentException e) {
                throw CliFailure.usage(Main.sentence(e.getMessage()));
            }
        }
        return out;
    }

    /** Arms {@code armed} on the attached simulator; they count commands and device time from the run's start. */
    static FaultRequest arm(NvmeController ctrl, List<Faults.Armed> armed) {
        if (armed.isEmpty()) {
            return NONE;
        }
        if (!(ctrl.pci() instanceof SimulatedController sim)) {
            throw CliFailure.usage("--fault works on the simulator only; the attached device is not one.");
        }
        armed.forEach(sim.faults()::arm);
        return new FaultRequest(sim, armed);
    }

    /** The record with a note per fault: what took effect and when, and what was armed but never took effect. */
    RunRecord annotate(RunRecord r) {
        if (sim == null) {
            return r;
        }
        RunRecord out = r;
        for (String fired : sim.firedFaults()) {
            out = out.withNote("Fault injected on request: " + fired + ".");
        }
        long lost = sim.droppedInterrupts() - droppedBefore;
        boolean polled = r.notes().stream().anyMatch(n -> n.contains("without their interrupt"));
        if (lost > 0 && !polled) {
            // With more commands in flight the next interrupt on the vector reaps the stranded completions too.
            out = out.withNote(lost + " interrupt signal(s) were lost; later interrupts on the same vector reaped their "
                    + "completions, so the driver did not need to poll for them.");
        }
        int notFired = armed.size() - sim.firedFaults().size();
        if (notFired > 0) {
            out = out.withNote(notFired + " requested fault(s) did not take effect before the run ended.");
        }
        return out;
    }

    /**
     * A run that a fault ended: after a fatal status (CSTS.CFS) the driver resets the controller and sets its
     * features again, and the sentence says so; any other failure is passed on.
     */
    RuntimeException afterFailure(NvmeController ctrl, RuntimeException failure) {
        if (sim == null || !(failure instanceof ControllerFatalException || failure.getCause() instanceof ControllerFatalException)) {
            return failure;
        }
        String fired = sim.firedFaults().isEmpty() ? "a fault" : sim.firedFaults().get(0);
        List<String> problems = ctrl.recover();
        return CliFailure.refused("Fault injected on request: " + fired + "; the controller reported a fatal error (CSTS.CFS), "
                + "the run stopped and its figures are lost, and the driver reset the controller and "
                + (problems.isEmpty() ? "set its features again" : "could not set everything again: " + String.join(" ", problems))
                + ".");
    }
}
