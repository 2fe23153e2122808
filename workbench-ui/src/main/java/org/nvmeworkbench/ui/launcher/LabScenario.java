package org.nvmeworkbench.ui.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import javafx.application.Platform;

import org.nvmeworkbench.core.lab.CommandJourney;
import org.nvmeworkbench.core.lab.LabEvent;
import org.nvmeworkbench.core.lab.ScenarioException;
import org.nvmeworkbench.core.lab.ScenarioLibrary;
import org.nvmeworkbench.core.lab.ScenarioPlan;
import org.nvmeworkbench.core.lab.ScenarioRunner;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.ui.lab.LabSession;
import org.nvmeworkbench.ui.perspective.LayoutModel;

/**
 * {@code --scenario NAME|FILE} for the Lab: opens the Lab perspective, loads the scenario, plays it
 * unpaced to a telling point and pauses there at its own slow-motion speed, ready to step or for a
 * snapshot. The telling point: the first command followed through its eight steps ("one command's
 * journey"), or else the next interrupt after that (one carrying several completions when the scenario
 * coalesces), so the coalescing and mode scenes have something to show.
 */
public final class LabScenario {
    /** Lab events stepped at most before the picture is taken wherever the run is. */
    static final int MAX_EVENTS = 50_000;
    /** With coalescing on, events to let pass first so the scene has gathered a few signals. */
    static final int MIN_EVENTS_COALESCING = 120;

    private LabScenario() {
    }

    /** True for a Lab scenario: a shipped one other than the Tuning perspective's tuning-demo, or a file. */
    public static boolean isLab(String nameOrPath) {
        if (nameOrPath == null || Scenario.TUNING_DEMO.equals(nameOrPath)) {
            return false;
        }
        return ScenarioLibrary.shippedNames().contains(nameOrPath) || nameOrPath.endsWith(".json")
                || Files.isRegularFile(Path.of(nameOrPath));
    }

    /** Call on the FX thread; the future completes (on a worker thread) once the run is paused at the telling point. */
    public static CompletableFuture<Void> play(String nameOrPath, LabSession lab, LayoutModel layout) {
        layout.select("lab"); // a bad file is then said in the Lab player, where the user looks for it
        ScenarioPlan plan;
        try {
            plan = ScenarioLibrary.resolve(nameOrPath);
        } catch (ScenarioException e) {
            return CompletableFuture.failedFuture(e);
        }
        ScenarioRunner r = lab.load(plan);
        double shown = lab.speed().get();
        r.setSpeed(0); // get there unpaced; the scenario's slow motion applies again once paused
        r.pause();
        lab.play();
        CompletableFuture<Void> done = new CompletableFuture<>();
        lab.work().execute(() -> {
            try {
                advance(r, plan);
                r.setSpeed(shown);
                Platform.runLater(lab::frame);
                done.complete(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done.completeExceptionally(e);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    private static void advance(ScenarioRunner r, ScenarioPlan plan) throws InterruptedException {
        InterruptCoalescing ic = plan.workload().coalescing();
        boolean coalescing = ic != null && ic.enabled();
        boolean journey = "journey".equals(plan.scenario().show());
        for (int n = 0; n < MAX_EVENTS; n++) {
            LabEvent e = r.gate().awaitParked(30_000);
            if (e == null) {
                if (r.isPlaying()) {
                    throw new ScenarioException("The scenario " + plan.name() + " stopped making progress before its telling point.");
                }
                return; // it ended first: show the end
            }
            CommandJourney f = r.journeys().followed();
            boolean followedDone = f != null && f.finished();
            if (followedDone && journey) {
                return;
            }
            if (followedDone && e.kind() == LabEvent.Kind.INTERRUPT_RAISED
                    && (!coalescing || (e.value() > 1 && n >= MIN_EVENTS_COALESCING))) {
                return;
            }
            r.step();
        }
    }
}
