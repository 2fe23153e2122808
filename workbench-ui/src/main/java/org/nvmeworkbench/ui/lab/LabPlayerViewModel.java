package org.nvmeworkbench.ui.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;

import org.nvmeworkbench.core.lab.LabEvent;
import org.nvmeworkbench.core.lab.ScenarioException;
import org.nvmeworkbench.core.lab.ScenarioLibrary;
import org.nvmeworkbench.core.lab.ScenarioPlan;
import org.nvmeworkbench.core.lab.ScenarioRunner;

/**
 * The Lab player's state and logic: which scenario, its title and summary, the speed in words, the
 * caption, device time and the last Lab event in words. The view only draws it; {@link #update()} is
 * called once per frame.
 */
public final class LabPlayerViewModel {
    /** Slowest speed the control offers: 1 us of device time per 100 ms on screen. */
    public static final double SLOWEST = 1e-5;
    /** Fastest paced speed: real time. */
    public static final double FASTEST = 1.0;

    /** A shipped scenario as the picker lists it. */
    public record Choice(String name, String title, String summary) {
        @Override
        public String toString() {
            return title;
        }
    }

    private final LabSession lab;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "No scenario loaded");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary",
            "Pick a scenario or open a scenario file, then press Play.");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private final ReadOnlyStringWrapper deviceTime = new ReadOnlyStringWrapper(this, "deviceTime", "");
    private final ReadOnlyStringWrapper lastEvent = new ReadOnlyStringWrapper(this, "lastEvent", "");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper speedWords = new ReadOnlyStringWrapper(this, "speedWords", "");

    private final ChangeListener<Number> onSpeed = (o, a, b) -> speedWords.set(speedInWords(b.doubleValue()));
    private final ChangeListener<ScenarioPlan> onPlan = (o, a, b) -> showPlan(b);
    private final ChangeListener<LabSession.Phase> onPhase = (o, a, b) -> update();
    private final ChangeListener<String> onMessage = (o, a, b) -> {
        if (!b.isEmpty()) {
            problem.set(b);
        }
    };

    public LabPlayerViewModel(LabSession lab) {
        this.lab = lab;
        lab.speed().addListener(onSpeed);
        speedWords.set(speedInWords(lab.speed().get()));
        lab.plan().addListener(onPlan);
        lab.phase().addListener(onPhase);
        lab.message().addListener(onMessage);
        showPlan(lab.plan().get());
    }

    /** Stops following the session (the view closed). */
    public void dispose() {
        lab.speed().removeListener(onSpeed);
        lab.plan().removeListener(onPlan);
        lab.phase().removeListener(onPhase);
        lab.message().removeListener(onMessage);
    }

    /** The shipped scenarios, in the order a presenter plays them, with their titles and summaries. */
    public static List<Choice> shipped() {
        List<Choice> out = new ArrayList<>();
        for (String name : ScenarioLibrary.shippedNames()) {
            try {
                ScenarioPlan p = ScenarioLibrary.shipped(name);
                out.add(new Choice(name, p.scenario().title() == null ? name : p.scenario().title(),
                        p.scenario().summary() == null ? "" : p.scenario().summary()));
            } catch (ScenarioException e) {
                out.add(new Choice(name, name, e.getMessage()));
            }
        }
        return out;
    }

    /** Loads a shipped scenario; false with {@link #problem()} set when it cannot be used. */
    public boolean choose(String name) {
        try {
            load(ScenarioLibrary.shipped(name));
            return true;
        } catch (ScenarioException e) {
            problem.set(e.getMessage());
            return false;
        }
    }

    /** Loads a scenario file; a bad file leaves the current scenario and says why in one sentence. */
    public boolean open(Path file) {
        try {
            load(ScenarioLibrary.load(file));
            return true;
        } catch (ScenarioException e) {
            problem.set(e.getMessage());
            return false;
        } catch (RuntimeException e) {
            problem.set("The scenario file " + file.getFileName() + " could not be used: " + e.getMessage());
            return false;
        }
    }

    private void load(ScenarioPlan plan) {
        problem.set("");
        lab.load(plan);
        update();
    }

    /** Reads the runner once (a frame). */
    public void update() {
        ScenarioRunner r = lab.runner().get();
        if (r == null) {
            caption.set("");
            deviceTime.set("");
            lastEvent.set("");
            state.set("No scenario loaded.");
            return;
        }
        String c = r.caption();
        caption.set(c == null ? (lab.phase().get() == LabSession.Phase.READY ? "Press Play (space) or Step (right arrow)." : "") : c);
        long start = r.workloadStart();
        long now = r.simulator().nanoTime();
        deviceTime.set(start < 0 ? "Device time " + micros(now) + " us (bringing the controller up)"
                : "Device time " + micros(now) + " us\n(" + micros(now - start) + " us into the workload)");
        LabEvent e = r.journeys().lastEvent();
        lastEvent.set(e == null ? "No Lab event yet." : e.describe());
        boolean parked = r.gate().parkedAt() != null;
        state.set(!parked && r.control().isPaused() && lab.phase().get() == LabSession.Phase.PLAYING ? "Paused"
                : stateText(lab.phase().get(), r.isHeld(), parked));
    }

    static String stateText(LabSession.Phase phase, boolean paused, boolean parked) {
        switch (phase) {
            case READY:
                return "Ready";
            case PLAYING:
                return paused ? (parked ? "Paused at an event" : "Pausing...") : "Playing";
            case FINISHED:
                return "Finished";
            case FAILED:
                return "Failed";
            default:
                return "";
        }
    }

    private void showPlan(ScenarioPlan p) {
        if (p == null) {
            title.set("No scenario loaded");
            summary.set("Pick a scenario or open a scenario file, then press Play.");
        } else {
            title.set(p.scenario().title() == null ? p.name() : p.scenario().title());
            summary.set(p.scenario().summary() == null ? "" : p.scenario().summary());
        }
    }

    // --- speed ----------------------------------------------------------------------------------------

    /** Slider position (log10 of the factor, -5..0) for a speed factor. */
    public static double sliderFor(double factor) {
        double f = Math.max(SLOWEST, Math.min(FASTEST, factor <= 0 ? FASTEST : factor));
        return Math.log10(f);
    }

    /** The speed factor a slider position stands for, rounded to 1, 2 or 5 in its decade so the words stay round. */
    public static double factorFor(double slider) {
        double raw = Math.pow(10, Math.max(Math.log10(SLOWEST), Math.min(0, slider)));
        double decade = Math.pow(10, Math.floor(Math.log10(raw) + 1e-9));
        double m = raw / decade;
        double nice = m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10;
        return Math.min(FASTEST, nice * decade);
    }

    /**
     * A speed factor in a presenter's words: "real time", or how much device time one stretch of screen
     * time shows, e.g. "1 us per 50 ms (50,000x slower)".
     */
    public static String speedInWords(double factor) {
        if (factor <= 0) {
            return "as fast as possible";
        }
        if (factor >= 0.999) {
            return "real time";
        }
        double slower = 1 / factor;
        String times = String.format(Locale.ROOT, "%,.0fx slower", slower);
        if (factor < 1e-3) {
            // 1 us of device time takes 1e-6 / factor seconds of screen time
            return "1 us per " + round(1e-3 / factor) + " ms (" + times + ")";
        }
        return "1 ms per " + round(1.0 / factor) + " ms (" + times + ")";
    }

    private static String round(double v) {
        return v >= 10 || Math.abs(v - Math.rint(v)) < 1e-6 ? String.format(Locale.ROOT, "%,.0f", v)
                : String.format(Locale.ROOT, "%.1f", v);
    }

    static String micros(long nanos) {
        return String.format(Locale.ROOT, "%,.3f", nanos / 1e3);
    }

    // --- properties --------------------------------------------------------------------------------

    public LabSession lab() { return lab; }
    public ReadOnlyStringProperty title() { return title.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summary() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty caption() { return caption.getReadOnlyProperty(); }
    public ReadOnlyStringProperty deviceTime() { return deviceTime.getReadOnlyProperty(); }
    public ReadOnlyStringProperty lastEvent() { return lastEvent.getReadOnlyProperty(); }
    public ReadOnlyStringProperty state() { return state.getReadOnlyProperty(); }
    /** The last problem (a bad scenario file, a failed run), one sentence; empty when none. */
    public ReadOnlyStringProperty problem() { return problem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty speedWords() { return speedWords.getReadOnlyProperty(); }
}
