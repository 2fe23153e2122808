package org.nvmeworkbench.core.lab;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Lab scenario as its JSON file states it: the device, the workload in fio's words, the feature
 * values, the interrupt mode, the speed and the captions. {@link ScenarioLibrary} reads and checks it;
 * {@link #problems()} names what is wrong, one sentence each.
 *
 * @param name          file name without .json, used by {@code --scenario}
 * @param title         shown above the stage
 * @param summary       one paragraph: what the scenario demonstrates
 * @param show          which view it is made for: journey, coalescing, interrupt-modes, sixteen-vectors, tuning,
 *                      seed-claims
 * @param device        the simulated device
 * @param interruptMode msix, msi or pin
 * @param workload      the workload
 * @param features      Feature 08h/09h values to run with; null leaves the device's
 * @param reruns        feature values to run the same workload again with, in order (a tuning session)
 * @param speed         pacing: 0 as fast as possible, 1 real time (the default), 1e-5 = 10 us of device time per wall second
 * @param captions      text shown at a step or a device time
 * @param faults        simulator faults armed before the first run, in run --fault's words (lost-interrupt@3)
 */
@JsonIgnoreProperties(value = {"$comment"})
public record Scenario(String name, String title, String summary, String show, Device device, String interruptMode,
                       Workload workload, Features features, List<Rerun> reruns, Double speed, List<Caption> captions,
                       List<String> faults) {

    public Scenario {
        faults = faults == null ? List.of() : List.copyOf(faults);
        reruns = reruns == null ? List.of() : List.copyOf(reruns);
        captions = captions == null ? List.of() : List.copyOf(captions);
    }

    /**
     * @param profile media profile name (tlc, optane, null)
     * @param seed    the simulator's seed
     * @param host    host cost model: "default" or "free"
     */
    public record Device(String profile, Long seed, String host) {
    }

    /**
     * fio's words: rw, bs ("4k"), iodepth, queues (numjobs with one queue each), runtime ("2s") and/or
     * number_ios, rwmixread, randseed; cpus_allowed ("0-15"), cpus_allowed_policy (shared, split) and where the
     * vectors' interrupts are taken, irq_affinity (spread or a CPU list).
     */
    public record Workload(String rw, String bs, Integer iodepth, Integer queues, String runtime,
                           @JsonProperty("number_ios") Long numberIos, Integer rwmixread,
                           @JsonProperty("randseed") Long randseed,
                           @JsonProperty("cpus_allowed") String cpusAllowed,
                           @JsonProperty("cpus_allowed_policy") String cpusAllowedPolicy,
                           @JsonProperty("irq_affinity") String irqAffinity) {
    }

    /**
     * @param thr        Feature 08h THR, 0's based (THR 3 = signal after 4 completions)
     * @param time       Feature 08h TIME in 100 us units
     * @param cdVectors  vectors to set Coalescing Disable on (09h); the run's other vectors get CD=0
     */
    public record Features(Integer thr, Integer time, List<Integer> cdVectors) {
    }

    /** Run the same workload again after setting these features; {@code label} names the run. */
    public record Rerun(String label, Integer thr, Integer time) {
    }

    /**
     * Text shown from a moment on: the first time a command reaches {@code atStep} (a {@link JourneyStep}
     * name), or once {@code atTime} of device time (fio units: "150us") has passed since the workload
     * started. Exactly one of the two.
     */
    public record Caption(String atStep, String atTime, String text) {
    }
}
