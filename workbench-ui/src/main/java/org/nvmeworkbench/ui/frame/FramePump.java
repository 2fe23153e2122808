package org.nvmeworkbench.ui.frame;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.animation.AnimationTimer;

/**
 * The window's one clock for live drawing (design.md, "Live data and the UI thread"; style pattern 9):
 * one {@link AnimationTimer}, so work happens once per pulse, right before the scene is laid out and
 * drawn, never as a pile of timer events. Each client asks for a rate and may say when it has nothing to
 * show (its view is not on screen); it is then skipped. A pulse that comes late runs a client once, never
 * once per missed period. Used on the FX thread only.
 */
public final class FramePump {
    private static final Logger LOG = Logger.getLogger(FramePump.class.getName());

    /** One client of the pump. */
    private static final class Client {
        final String name;
        final long periodNanos;
        final BooleanSupplier wanted;
        final Runnable work;
        long last = Long.MIN_VALUE / 2;

        Client(String name, double hz, BooleanSupplier wanted, Runnable work) {
            this.name = name;
            // A little under the period: pulses are ~16.7 ms apart, so 15 Hz must not turn into 12 Hz.
            this.periodNanos = hz <= 0 ? 0 : (long) (0.9e9 / hz);
            this.wanted = wanted;
            this.work = work;
        }
    }

    private final List<Client> clients = new ArrayList<>();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulse(now);
        }
    };
    private boolean running;
    private long pulses;

    /**
     * Runs {@code work} at about {@code hz} times a second (0: every pulse) whenever {@code wanted} says so;
     * returns its remover. The pump runs while it has clients.
     */
    public AutoCloseable add(String name, double hz, BooleanSupplier wanted, Runnable work) {
        Client c = new Client(name, hz, wanted, work);
        clients.add(c);
        if (!running) {
            running = true;
            timer.start();
        }
        return () -> remove(c);
    }

    private void remove(Client c) {
        clients.remove(c);
        if (clients.isEmpty() && running) {
            running = false;
            timer.stop();
        }
    }

    /** One pulse at {@code now} (System.nanoTime()); public so tests can drive the pump without a clock. */
    public void pulse(long now) {
        pulses++;
        for (Client c : List.copyOf(clients)) {
            if (now - c.last < c.periodNanos || !c.wanted.getAsBoolean()) {
                continue;
            }
            c.last = now;
            try {
                c.work.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, c.name + " failed in a frame: " + e.getMessage(), e);
            }
        }
    }

    public boolean isRunning() {
        return running;
    }

    /** Pulses seen so far. */
    public long pulses() {
        return pulses;
    }

    public int clients() {
        return clients.size();
    }

    /** Stops the clock for good (the window closes). */
    public void stop() {
        clients.clear();
        running = false;
        timer.stop();
    }
}
