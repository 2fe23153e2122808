package org.nvmeworkbench.core.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.nvmeworkbench.core.driver.DriverOptions;
import org.nvmeworkbench.core.fiojob.FioUnits;
import org.nvmeworkbench.core.host.CpuPlacement;
import org.nvmeworkbench.core.pci.InterruptMode;
import org.nvmeworkbench.core.sim.Faults;
import org.nvmeworkbench.core.sim.HostCpus;
import org.nvmeworkbench.core.sim.HostModel;
import org.nvmeworkbench.core.sim.MediaProfile;
import org.nvmeworkbench.core.sim.SimConfig;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.workload.ReadWrite;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * A {@link Scenario} checked and turned into what runs it: the simulator's config, the driver's options,
 * the workload spec, the reruns and the captions. Building one names the first bad field in one sentence.
 */
public record ScenarioPlan(Scenario scenario, SimConfig simConfig, DriverOptions driverOptions, WorkloadSpec workload,
                           List<Rerun> reruns, double speed, List<TimedCaption> captions) {

    /** A rerun with its features decoded. */
    public record Rerun(String label, InterruptCoalescing coalescing) {
    }

    /** A caption with its trigger decoded: a step (time -1) or a device time since the workload's start. */
    public record TimedCaption(JourneyStep atStep, long atNanos, String text) {
    }

    public ScenarioPlan {
        reruns = List.copyOf(reruns);
        captions = List.copyOf(captions);
    }

    /** The simulator's queue pairs and its MQES + 1: what a scenario may ask for. */
    static final int MAX_QUEUES = 64;
    static final int MAX_IODEPTH = 1023;

    /** Checks {@code s} from the file called {@code source}; throws {@link ScenarioException} with the first problem. */
    public static ScenarioPlan of(Scenario s, String source) {
        String where = "Scenario " + source + ": ";
        if (s.name() == null || s.name().isBlank()) {
            throw new ScenarioException(where + "the field 'name' is missing.");
        }
        Scenario.Device d = s.device() == null ? new Scenario.Device(null, null, null) : s.device();
        MediaProfile profile = d.profile() == null ? MediaProfile.TLC : MediaProfile.byName(d.profile());
        if (profile == null) {
            throw new ScenarioException(where + "device.profile '" + d.profile() + "' is not one of " + MediaProfile.names() + ".");
        }
        HostModel host;
        String h = d.host() == null ? "default" : d.host().toLowerCase(Locale.ROOT);
        switch (h) {
            case "default": host = HostModel.DEFAULT; break;
            case "free": host = HostModel.FREE; break;
            default: throw new ScenarioException(where + "device.host '" + d.host() + "' must be default or free.");
        }
        SimConfig sim = SimConfig.builder().profile(profile).seed(d.seed() == null ? 1 : d.seed()).host(host).build();

        InterruptMode mode;
        try {
            mode = s.interruptMode() == null ? InterruptMode.MSIX
                    : InterruptMode.valueOf(s.interruptMode().trim().replace("-", "").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(where + "interruptMode '" + s.interruptMode() + "' must be msix, msi or pin.");
        }

        Scenario.Workload w = s.workload();
        if (w == null) {
            throw new ScenarioException(where + "the field 'workload' is missing.");
        }
        WorkloadSpec spec = WorkloadSpec.defaults().withLimits(0, 0);
        try {
            spec = spec.withRw(ReadWrite.parse(w.rw() == null ? "randread" : w.rw()));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(where + "workload.rw: " + e.getMessage());
        }
        spec = spec.withBlockSize((int) field(where, "workload.bs", () -> FioUnits.parseSize(w.bs() == null ? "4k" : w.bs())));
        spec = spec.withIodepth(w.iodepth() == null ? 1 : w.iodepth()).withQueues(w.queues() == null ? 1 : w.queues());
        long runtime = w.runtime() == null ? 0 : field(where, "workload.runtime", () -> FioUnits.parseTimeNanos(w.runtime()));
        spec = spec.withLimits(runtime, w.numberIos() == null ? 0 : w.numberIos());
        spec = spec.withRwmixread(w.rwmixread() == null ? 50 : w.rwmixread()).withSeed(w.randseed() == null ? 1 : w.randseed());
        spec = spec.withPlacement(placement(where, w));
        Scenario.Features f = s.features();
        if (f != null) {
            spec = spec.withCoalescing(coalescing(where + "features", f.thr(), f.time()));
            if (f.cdVectors() != null) {
                Set<Integer> cd = new TreeSet<>(f.cdVectors());
                spec = spec.withCdVectors(cd);
            }
        }
        // The window opens a scenario at start: a value no simulator can hold must be a sentence here, not an
        // exception in the JavaFX start method ("queues": 100000 once left no window at all).
        if (spec.queues() < 1 || spec.queues() > MAX_QUEUES) {
            throw new ScenarioException(where + "workload.queues must be 1 to " + MAX_QUEUES + ", not " + spec.queues() + ".");
        }
        if (spec.iodepth() < 1 || spec.iodepth() > MAX_IODEPTH) {
            throw new ScenarioException(where + "workload.iodepth must be 1 to " + MAX_IODEPTH + ", not " + spec.iodepth() + ".");
        }
        List<String> problems = spec.problems();
        if (!problems.isEmpty()) {
            throw new ScenarioException(where + "workload: " + problems.get(0));
        }
        for (int i = 0; i < s.faults().size(); i++) {
            try {
                Faults.parseAll(s.faults().get(i));
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(where + "faults[" + i + "]: " + e.getMessage());
            }
        }
        DriverOptions opts = DriverOptions.DEFAULT.withInterruptMode(mode).withIoQueues(Math.max(1, spec.queues()));

        List<Rerun> reruns = new ArrayList<>();
        for (int i = 0; i < s.reruns().size(); i++) {
            Scenario.Rerun r = s.reruns().get(i);
            InterruptCoalescing ic = coalescing(where + "reruns[" + i + "]", r.thr(), r.time());
            reruns.add(new Rerun(r.label() == null ? ic.describe() : r.label(), ic));
        }
        double speed = s.speed() == null ? 1.0 : s.speed();
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new ScenarioException(where + "speed must be 0 (as fast as possible) or a positive factor, not " + speed + ".");
        }
        List<TimedCaption> caps = new ArrayList<>();
        for (int i = 0; i < s.captions().size(); i++) {
            Scenario.Caption c = s.captions().get(i);
            String at = where + "captions[" + i + "]";
            if (c.text() == null || c.text().isBlank()) {
                throw new ScenarioException(at + " has no text.");
            }
            if ((c.atStep() == null) == (c.atTime() == null)) {
                throw new ScenarioException(at + " needs exactly one of atStep and atTime.");
            }
            if (c.atStep() != null) {
                JourneyStep step = JourneyStep.byName(c.atStep());
                if (step == null) {
                    throw new ScenarioException(at + ".atStep '" + c.atStep() + "' is not a step; use one of "
                            + List.of(JourneyStep.values()) + ".");
                }
                caps.add(new TimedCaption(step, -1, c.text()));
            } else {
                caps.add(new TimedCaption(null, field(at, "atTime", () -> FioUnits.parseTimeNanos(c.atTime())), c.text()));
            }
        }
        return new ScenarioPlan(s, sim, opts, spec, reruns, speed, caps);
    }

    /** The workload's CPU words; a bad one names its field. */
    private static CpuPlacement placement(String where, Scenario.Workload w) {
        try {
            CpuPlacement p = CpuPlacement.ofWords(w.cpusAllowed(), w.cpusAllowedPolicy(), null, null, w.irqAffinity());
            p.allowedOn(HostCpus.DEFAULT.topology());
            return p;
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(where + "workload: " + e.getMessage());
        }
    }

    private interface LongField {
        long get();
    }

    private static long field(String where, String name, LongField f) {
        try {
            return f.get();
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(where + name + ": " + e.getMessage());
        }
    }

    private static InterruptCoalescing coalescing(String where, Integer thr, Integer time) {
        try {
            return new InterruptCoalescing(thr == null ? 0 : thr, time == null ? 0 : time);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(where + ": " + e.getMessage());
        }
    }

    public String name() {
        return scenario.name();
    }

    /** The same plan at another speed (0 for tests and comparisons). */
    public ScenarioPlan withSpeed(double s) {
        return new ScenarioPlan(scenario, simConfig, driverOptions, workload, reruns, s, captions);
    }

    /** The same plan under another interrupt mode. */
    public ScenarioPlan withInterruptMode(InterruptMode m) {
        return new ScenarioPlan(scenario, simConfig, driverOptions.withInterruptMode(m), workload, reruns, speed, captions);
    }

    /** The same plan with another Feature 08h (and no reruns): e.g. coalescing off for a side-by-side. */
    public ScenarioPlan withCoalescing(InterruptCoalescing ic) {
        return new ScenarioPlan(scenario, simConfig, driverOptions, workload.withCoalescing(ic), List.of(), speed, captions);
    }

    /** The same plan with another workload (e.g. fewer I/Os). */
    public ScenarioPlan withWorkload(WorkloadSpec w) {
        return new ScenarioPlan(scenario, simConfig, driverOptions, w, reruns, speed, captions);
    }
}
