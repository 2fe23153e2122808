package org.nvmeworkbench.ui.session;

import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * The one timer that pulls telemetry: about 15 times a second it asks the session for a snapshot
 * and hands it to every subscribed view (design.md, "Live data and the UI thread"). It runs on the
 * FX thread, so a slow tick delays the next one instead of piling up; with no device there is
 * nothing to poll.
 */
public final class TelemetrySampler {
    private static final Logger LOG = Logger.getLogger(TelemetrySampler.class.getName());
    public static final double HZ = 15;

    private final WorkbenchSession session;
    /** Half a period: enough to tell a catch-up tick from a real one. */
    private static final long MIN_SPACING_NANOS = (long) (0.5e9 / HZ);

    private Timeline timeline;
    private long lastTickNanos = Long.MIN_VALUE / 2;

    public TelemetrySampler(WorkbenchSession session) {
        this.session = session;
    }

    public void start() {
        if (timeline != null) {
            return;
        }
        timeline = new Timeline(new KeyFrame(Duration.millis(1000 / HZ), e -> {
            // A Timeline that falls behind (a slow frame, a busy machine) fires every missed cycle in one
            // pulse; samples microseconds apart would show rates of zero, so those catch-up ticks are dropped.
            long now = System.nanoTime();
            if (now - lastTickNanos >= MIN_SPACING_NANOS) {
                lastTickNanos = now;
                tick();
            }
        }));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
    }

    public void stop() {
        if (timeline != null) {
            timeline.stop();
            timeline = null;
        }
    }

    /** One sample; public so tests can step the sampler without waiting for the timer. */
    public void tick() {
        try {
            session.sample();
        } catch (RuntimeException e) {
            // The rings change while a run sets up or tears down its queues; the next tick will do.
            LOG.log(Level.FINE, "Skipped a telemetry sample: " + e.getMessage(), e);
        }
    }
}
