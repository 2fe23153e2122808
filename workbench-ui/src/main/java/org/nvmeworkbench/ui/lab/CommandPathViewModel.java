package org.nvmeworkbench.ui.lab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.nvmeworkbench.core.lab.CommandJourney;
import org.nvmeworkbench.core.lab.JourneyStep;
import org.nvmeworkbench.core.lab.LabEvent;
import org.nvmeworkbench.core.lab.ScenarioRunner;
import org.nvmeworkbench.core.sim.SimulatedController;

/**
 * The command path's state, read once per frame from the runner: for each of the eight stations whether
 * the followed command passed it or stands at it and how many other commands stand there, the followed
 * command's device time per step, and the SQ and CQ of its queue from the simulator's real ring state
 * (head, tail, phase, and the entries in queue memory).
 */
public final class CommandPathViewModel {
    /** Slots a ring picture shows at most; larger rings show a window around head and tail. */
    public static final int MAX_SLOTS = 16;

    /** How the followed command relates to a station. */
    public enum Mark { NOT_YET, PASSED, CURRENT }

    /**
     * One station of the path.
     *
     * @param step      the journey step
     * @param followed  the followed command passed it, stands at it, or not yet
     * @param others    other commands in flight whose furthest step is this one
     * @param justNow   the most recent Lab event lit this station
     */
    public record Station(JourneyStep step, Mark followed, int others, boolean justNow) {
    }

    /** One row of the followed command's timestamps: device time since the workload started, and since its SQE. */
    public record StepTime(JourneyStep step, String at, String sinceSqe) {
        public String text() {
            return (step.ordinal() + 1) + ". " + shortName(step);
        }
    }

    /** A command the user may follow. */
    public record CommandRef(int qid, int cid) {
        @Override
        public String toString() {
            return "Queue " + qid + ", command " + cid;
        }
    }

    private final ReadOnlyObjectWrapper<List<Station>> stations = new ReadOnlyObjectWrapper<>(this, "stations", List.of());
    private final ObservableList<StepTime> times = FXCollections.observableArrayList();
    private final ObservableList<CommandRef> inFlight = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RingPicture> sq = new ReadOnlyObjectWrapper<>(this, "sq", RingPicture.none("SQ"));
    private final ReadOnlyObjectWrapper<RingPicture> cq = new ReadOnlyObjectWrapper<>(this, "cq", RingPicture.none("CQ"));
    private final ReadOnlyStringWrapper followedText = new ReadOnlyStringWrapper(this, "followed", "");
    private CommandJourney followed;
    private ScenarioRunner runner;

    public CommandPathViewModel() {
        stations.set(emptyStations());
    }

    private static List<Station> emptyStations() {
        List<Station> l = new ArrayList<>();
        for (JourneyStep s : JourneyStep.values()) {
            l.add(new Station(s, Mark.NOT_YET, 0, false));
        }
        return List.copyOf(l);
    }

    /** Follow the next command the host writes. */
    public void followNext() {
        if (runner != null) {
            runner.journeys().followNext();
            update(runner);
        }
    }

    /** Follow command {@code cid} of queue {@code qid}. */
    public void follow(CommandRef c) {
        if (runner != null && c != null) {
            runner.journeys().follow(c.qid(), c.cid());
            update(runner);
        }
    }

    /** Reads the runner (a frame); null clears the picture. */
    public void update(ScenarioRunner r) {
        runner = r;
        if (r == null) {
            followed = null;
            stations.set(emptyStations());
            times.clear();
            inFlight.clear();
            sq.set(RingPicture.none("SQ"));
            cq.set(RingPicture.none("CQ"));
            followedText.set("");
            return;
        }
        CommandJourney f = r.journeys().followed();
        List<CommandJourney> active = r.journeys().activeJourneys();
        LabEvent last = r.journeys().lastEvent();
        followed = f;

        Map<JourneyStep, Integer> counts = new EnumMap<>(JourneyStep.class);
        for (CommandJourney j : active) {
            if (f != null && j.qid() == f.qid() && j.cid() == f.cid() && j.generation() == f.generation()) {
                continue;
            }
            JourneyStep s = j.currentStep();
            if (s != null) {
                counts.merge(s, 1, Integer::sum);
            }
        }
        JourneyStep current = f == null ? null : f.currentStep();
        List<Station> st = new ArrayList<>();
        for (JourneyStep s : JourneyStep.values()) {
            Mark m = f == null || !f.reached(s) ? Mark.NOT_YET : s == current ? Mark.CURRENT : Mark.PASSED;
            st.add(new Station(s, m, counts.getOrDefault(s, 0), last != null && last.step() == s));
        }
        stations.set(List.copyOf(st));

        long start = r.workloadStart();
        List<StepTime> rows = new ArrayList<>();
        for (JourneyStep s : JourneyStep.values()) {
            long t = f == null ? CommandJourney.NOT_REACHED : f.at(s);
            boolean reached = t != CommandJourney.NOT_REACHED;
            rows.add(new StepTime(s, reached ? us(t - Math.max(0, start)) : "-",
                    reached ? "+" + us(t - f.at(JourneyStep.HOST_WRITES_SQE)) : "-"));
        }
        if (!rows.equals(times)) {
            times.setAll(rows); // only on change: a table refilled every frame relays itself out every frame
        }

        List<CommandRef> refs = new ArrayList<>();
        for (CommandJourney j : active) {
            refs.add(new CommandRef(j.qid(), j.cid()));
        }
        refs.sort(Comparator.comparingInt(CommandRef::qid).thenComparingInt(CommandRef::cid));
        if (!refs.equals(inFlight)) {
            inFlight.setAll(refs);
        }

        followedText.set(f == null ? "Following: the next command the host writes"
                : "Following command " + f.cid() + " on queue " + f.qid() + (f.finished()
                        ? String.format(Locale.ROOT, ": done, %s us from SQE to CQ head doorbell", us(f.totalNanos()))
                        : ": at \"" + current.text() + "\""));

        int qid = f != null ? f.qid() : active.isEmpty() ? 1 : active.get(0).qid();
        List<LabEvent> recent = r.trace().recentEvents();
        sq.set(sqPicture(r.simulator(), qid, hostSqTail(recent, qid), f));
        cq.set(cqPicture(r.simulator(), qid, hostCqHead(recent, qid), f));
    }

    /** The SQ tail after the host's last SQE write on {@code qid}, or -1 when none is in the recent events. */
    static int hostSqTail(List<LabEvent> recent, int qid) {
        for (int i = recent.size() - 1; i >= 0; i--) {
            LabEvent e = recent.get(i);
            if (e.qid() == qid && e.kind() == LabEvent.Kind.HOST_WRITES_SQE) {
                return (int) e.value();
            }
        }
        return -1;
    }

    /** The host's CQ head after its last consumption on {@code qid}, or -1. */
    static int hostCqHead(List<LabEvent> recent, int qid) {
        for (int i = recent.size() - 1; i >= 0; i--) {
            LabEvent e = recent.get(i);
            if (e.qid() == qid && e.kind() == LabEvent.Kind.HOST_CONSUMES_CQE) {
                return (int) e.value();
            }
        }
        return -1;
    }

    /**
     * The SQ from the device's head and tail; entries past the doorbell's tail up to the host's own tail
     * are written but not yet handed over.
     */
    static RingPicture sqPicture(SimulatedController sim, int qid, int hostTail, CommandJourney f) {
        if (!sim.sqExists(qid)) {
            return RingPicture.none("SQ " + qid);
        }
        int size = sim.sqSize(qid);
        int head = sim.sqHead(qid);
        int tail = sim.sqTail(qid);
        int written = hostTail < 0 ? tail : hostTail;
        int followedSlot = f != null && f.qid() == qid ? f.sqSlot() : -1;
        int first = window(size, head, written, followedSlot);
        int n = Math.min(size, MAX_SLOTS);
        List<RingPicture.Slot> slots = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            int i = (first + k) % size;
            RingPicture.Content c = between(i, head, tail, size) ? RingPicture.Content.FILLED
                    : between(i, tail, written, size) ? RingPicture.Content.WRITTEN : RingPicture.Content.EMPTY;
            int cid = c == RingPicture.Content.EMPTY ? -1 : sim.sqEntryCommandId(qid, i);
            slots.add(new RingPicture.Slot(i, c, cid, -1, i == followedSlot && c != RingPicture.Content.EMPTY));
        }
        return new RingPicture("SQ " + qid, size, head, tail, -1, slots, first);
    }

    /**
     * The CQ from the doorbell's head and the device's tail; entries the host consumed but has not yet
     * released (head doorbell not yet written) show apart from those it has still to read.
     */
    static RingPicture cqPicture(SimulatedController sim, int qid, int hostHead, CommandJourney f) {
        if (!sim.cqExists(qid)) {
            return RingPicture.none("CQ " + qid);
        }
        int size = sim.cqSize(qid);
        int head = sim.cqHead(qid);
        int tail = sim.cqTail(qid);
        int consumed = hostHead < 0 || !between(hostHead, head, tail, size) && hostHead != tail ? head : hostHead;
        int followedSlot = f != null && f.qid() == qid ? f.cqSlot() : -1;
        int first = window(size, head, tail, followedSlot);
        int n = Math.min(size, MAX_SLOTS);
        List<RingPicture.Slot> slots = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            int i = (first + k) % size;
            RingPicture.Content c = between(i, head, consumed, size) ? RingPicture.Content.CONSUMED
                    : between(i, consumed, tail, size) ? RingPicture.Content.FILLED : RingPicture.Content.EMPTY;
            int cid = c == RingPicture.Content.EMPTY ? -1 : sim.cqEntryCommandId(qid, i);
            slots.add(new RingPicture.Slot(i, c, cid, sim.cqEntryPhase(qid, i),
                    i == followedSlot && c != RingPicture.Content.EMPTY));
        }
        return new RingPicture("CQ " + qid, size, head, tail, sim.cqPhase(qid), slots, first);
    }

    /** True when {@code i} lies in the ring interval [from, to). */
    static boolean between(int i, int from, int to, int size) {
        if (size <= 0) {
            return false;
        }
        return Math.floorMod(i - from, size) < Math.floorMod(to - from, size);
    }

    /** First slot of the window: the whole ring when it fits, else a few slots before the head. */
    static int window(int size, int head, int tail, int followedSlot) {
        if (size <= MAX_SLOTS) {
            return 0;
        }
        int used = Math.floorMod(tail - head, size);
        int lead = used >= MAX_SLOTS - 2 ? 0 : Math.min(3, (MAX_SLOTS - 1 - used) / 2);
        return Math.floorMod(head - lead, size);
    }

    /** The step's name short enough for a station on a projector ({@link JourneyStep#text()} is the sentence). */
    public static String shortName(JourneyStep s) {
        switch (s) {
            case HOST_WRITES_SQE: return "Host writes SQE";
            case SQ_TAIL_DOORBELL: return "Host rings SQ tail doorbell";
            case CONTROLLER_FETCHES: return "Controller fetches SQE";
            case EXECUTES: return "Controller executes";
            case CONTROLLER_WRITES_CQE: return "Controller writes CQE";
            case INTERRUPT_RAISED: return "Controller raises interrupt";
            case HOST_CONSUMES_CQE: return "Host consumes CQE";
            default: return "Host rings CQ head doorbell";
        }
    }

    private static String us(long nanos) {
        return String.format(Locale.ROOT, "%,.3f", nanos / 1e3);
    }

    // --- reading --------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<List<Station>> stations() { return stations.getReadOnlyProperty(); }
    public ObservableList<StepTime> times() { return times; }
    public ObservableList<CommandRef> inFlight() { return inFlight; }
    public ReadOnlyObjectProperty<RingPicture> sq() { return sq.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<RingPicture> cq() { return cq.getReadOnlyProperty(); }
    public ReadOnlyStringProperty followedText() { return followedText.getReadOnlyProperty(); }

    /** The followed command's journey as of the last frame, or null. */
    public CommandJourney followed() {
        return followed;
    }

    /** The station of {@code step}. */
    public Station station(JourneyStep step) {
        return stations.get().get(step.ordinal());
    }
}
