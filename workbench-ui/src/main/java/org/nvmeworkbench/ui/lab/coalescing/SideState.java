package org.nvmeworkbench.ui.lab.coalescing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.nvmeworkbench.core.lab.CoalescingScene;
import org.nvmeworkbench.core.lab.Gathering;
import org.nvmeworkbench.core.lab.TripCause;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.sim.SimulatedController;

/**
 * One side of the scene (coalescing as set, or off) in one frame: its lanes, its signals counted by
 * cause, and its device time. Read from the runner's {@link CoalescingScene} and simulator.
 *
 * @param title      "Coalescing ON" / "Coalescing OFF"
 * @param features   Feature 08h as the simulator has it now, in words
 * @param nowNanos   the simulator's device time
 * @param lanes      one per vector that carried I/O completions, ascending (at most {@link #MAX_LANES})
 * @param hiddenLanes vectors not drawn because there are more than {@link #MAX_LANES}
 * @param causes     signals by cause over every vector
 * @param finished   its runs are over (its clock stopped there)
 */
public record SideState(String title, String features, long nowNanos, List<VectorLane> lanes, int hiddenLanes,
                        Map<TripCause, Long> causes, boolean finished) {
    /** Lanes drawn per side; more vectors are counted, not drawn (sixteen lanes still read on a projector). */
    public static final int MAX_LANES = 16;
    /** Gatherings in a lane's history strip. */
    public static final int HISTORY = 10;
    /** A trip within this much device time of now is drawn lit. */
    static final long FRESH_NANOS = 20_000;

    public SideState {
        lanes = List.copyOf(lanes);
        causes = Map.copyOf(causes);
    }

    static SideState empty(String title, String features) {
        return new SideState(title, features, 0, List.of(), 0, Map.of(), false);
    }

    /** Reads {@code scene} and {@code sim} as they are now. */
    static SideState read(String title, CoalescingScene scene, SimulatedController sim, boolean finished) {
        long now = sim.nanoTime();
        InterruptCoalescing ic = InterruptCoalescing.fromCdw11(sim.interruptCoalescingValue());
        List<Integer> vectors = scene.vectors();
        List<VectorLane> lanes = new ArrayList<>();
        for (int i = 0; i < vectors.size() && i < MAX_LANES; i++) {
            lanes.add(lane(vectors.get(i), scene, ic, sim, now));
        }
        EnumMap<TripCause, Long> causes = new EnumMap<>(TripCause.class);
        causes.putAll(scene.causeCounts());
        return new SideState(title, ic.describe(), now, lanes, Math.max(0, vectors.size() - MAX_LANES), causes, finished);
    }

    private static VectorLane lane(int v, CoalescingScene scene, InterruptCoalescing ic, SimulatedController sim, long now) {
        Gathering open = scene.gathering(v);
        List<Gathering> done = scene.timeline(v);
        Gathering last = done.isEmpty() ? null : done.get(done.size() - 1);
        boolean applies = ic.enabled() && !sim.coalescingDisabled(v);
        // Between gatherings the last one's rule stays drawn: after a run the device's features are reset.
        Gathering rule = open != null ? open : last;
        int threshold = rule != null ? rule.threshold() : applies ? ic.completions() : 1;
        long window = rule != null ? rule.windowNanos() : applies ? ic.timeNanos() : 0;
        long elapsed = open != null && open.timerArmedAt() >= 0 ? now - open.timerArmedAt() : -1;
        List<Gathering> history = done.subList(Math.max(0, done.size() - HISTORY), done.size());
        boolean fresh = last != null && open == null && now - last.trippedAt() <= FRESH_NANOS;
        return new VectorLane(v, open == null ? 0 : open.pending(), threshold, window, elapsed,
                last == null ? 0 : last.carried(), last == null ? null : last.cause(),
                last == null ? -1 : last.trippedAt(), fresh, history);
    }

    SideState withFeatures(String text) {
        return new SideState(title, text, nowNanos, lanes, hiddenLanes, causes, finished);
    }

    /** Signals of {@code cause} over every vector. */
    public long count(TripCause cause) {
        return causes.getOrDefault(cause, 0L);
    }

    public long totalSignals() {
        long n = 0;
        for (long c : causes.values()) {
            n += c;
        }
        return n;
    }

    /** "threshold 12 · timer 3" over the causes seen (or "no interrupts yet"). */
    public String causesText() {
        StringBuilder b = new StringBuilder();
        for (TripCause c : TripCause.values()) {
            long n = count(c);
            if (n > 0) {
                b.append(b.length() == 0 ? "" : "   ").append(shortName(c)).append(' ').append(n);
            }
        }
        return b.length() == 0 ? "no interrupts yet" : "interrupts by cause:  " + b;
    }

    /** A short word for a cause, used in the history strip and the counts. */
    public static String shortName(TripCause c) {
        switch (c) {
            case THRESHOLD: return "threshold";
            case TIMER: return "timer";
            case ERROR: return "error";
            case COALESCING_OFF: return "at once (off)";
            default: return "not coalesced";
        }
    }

    /** Device time in words: "t = 689.7 us". */
    public String timeText() {
        return "t = " + VectorLane.micros(nowNanos) + " us" + (finished ? "  (run finished)" : "");
    }
}
