package org.nvmeworkbench.core.lab;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.sim.SimulatedController;

/**
 * Per vector, a timeline of {@link Gathering}s built from the simulator's trace: completions arriving,
 * the aggregation timer armed at t0 with its deadline t0 + TIME x 100 us, and the one signal that
 * carried them, with what tripped it. The threshold and window are read from the controller's Feature
 * 08h at each completion, so a Set Features between runs shows up in the next gathering.
 *
 * <p>What tripped a signal is the simulator's own cause, as {@link TripCause#fromSimulator} names it.
 *
 * <p>Threading: fed by {@link LabTrace} on the simulator's thread; read from any thread.
 */
public final class CoalescingScene {
    private final SimulatedController sim;
    private final int keep;
    private final Map<Integer, Open> open = new TreeMap<>();
    private final Map<Integer, ArrayDeque<Gathering>> done = new TreeMap<>();
    private final Map<Integer, EnumMap<TripCause, Long>> causes = new TreeMap<>();

    private static final class Open {
        final List<Long> times = new ArrayList<>();
        int threshold;
        long window;
        long armedAt = -1;
        long deadline = -1;
    }

    /** @param keep gatherings kept per vector (the oldest are dropped) */
    public CoalescingScene(SimulatedController sim, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("A coalescing scene keeps at least one gathering, not " + keep + ".");
        }
        this.sim = sim;
        this.keep = keep;
    }

    synchronized void completionPosted(int cqid, long t) {
        if (cqid == 0) {
            return; // admin completions are never coalesced and are not part of the scene
        }
        int v = JourneyTracker.vectorOf(sim, cqid);
        Open o = open.computeIfAbsent(v, x -> new Open());
        InterruptCoalescing ic = InterruptCoalescing.fromCdw11(sim.interruptCoalescingValue());
        boolean applies = ic.enabled() && !sim.coalescingDisabled(v);
        o.threshold = applies ? ic.completions() : 1;
        o.window = applies ? ic.timeNanos() : 0;
        o.times.add(t);
    }

    synchronized void timerArmed(int vector, long deadline) {
        Open o = open.get(vector);
        if (o != null) {
            o.armedAt = deadline - o.window;
            o.deadline = deadline;
        }
    }

    synchronized void interruptRaised(int vector, int carried, TripCause cause, long t) {
        Open o = open.remove(vector);
        if (o == null || o.times.isEmpty()) {
            return;
        }
        ArrayDeque<Gathering> d = done.computeIfAbsent(vector, x -> new ArrayDeque<>());
        d.addLast(new Gathering(vector, o.times, o.threshold, o.window, o.armedAt, o.deadline, t, cause, carried));
        if (d.size() > keep) {
            d.removeFirst();
        }
        causes.computeIfAbsent(vector, x -> new EnumMap<>(TripCause.class)).merge(cause, 1L, Long::sum);
    }


    // --- reading ----------------------------------------------------------------------------------

    /** Vectors that have carried I/O completions, ascending. */
    public synchronized List<Integer> vectors() {
        TreeSet<Integer> s = new TreeSet<>(done.keySet());
        s.addAll(open.keySet());
        return List.copyOf(s);
    }

    /** The kept, finished gatherings of {@code vector}, oldest first. */
    public synchronized List<Gathering> timeline(int vector) {
        ArrayDeque<Gathering> d = done.get(vector);
        return d == null ? List.of() : List.copyOf(d);
    }

    /** What is gathering on {@code vector} now (not tripped yet), or null when nothing is pending. */
    public synchronized Gathering gathering(int vector) {
        Open o = open.get(vector);
        if (o == null || o.times.isEmpty()) {
            return null;
        }
        return new Gathering(vector, o.times, o.threshold, o.window, o.armedAt, o.deadline, -1, null, 0);
    }

    /** How many signals of {@code vector} each cause tripped, over the whole scene. */
    public synchronized Map<TripCause, Long> causeCounts(int vector) {
        EnumMap<TripCause, Long> m = causes.get(vector);
        return m == null ? Map.of() : Map.copyOf(m);
    }

    /** Signals over every vector by cause. */
    public synchronized Map<TripCause, Long> causeCounts() {
        EnumMap<TripCause, Long> all = new EnumMap<>(TripCause.class);
        for (EnumMap<TripCause, Long> m : causes.values()) {
            m.forEach((k, v) -> all.merge(k, v, Long::sum));
        }
        return all;
    }
}
