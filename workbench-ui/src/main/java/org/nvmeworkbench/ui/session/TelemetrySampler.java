package org.nvmeworkbench.ui.session;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.nvmeworkbench.ui.frame.FramePump;

/**
 * Pulls telemetry about 15 times a second, as a client of the window's {@link FramePump}: it asks the
 * session for a snapshot and hands it to every subscribed view (design.md, "Live data and the UI
 * thread"). It runs on the FX thread in the pulse, so a slow sample delays the next one instead of
 * piling up; with no device there is nothing to poll.
 */
public final class TelemetrySampler {
    private static final Logger LOG = Logger.getLogger(TelemetrySampler.class.getName());
    public static final double HZ = 15;

    private final WorkbenchSession session;
    private final FramePump pump;
    private AutoCloseable client;

    public TelemetrySampler(WorkbenchSession session) {
        this(session, new FramePump());
    }

    public TelemetrySampler(WorkbenchSession session, FramePump pump) {
        this.session = session;
        this.pump = pump;
    }

    public void start() {
        if (client == null) {
            client = pump.add("Telemetry sampler", HZ, session::isAttached, this::tick);
        }
    }

    public void stop() {
        if (client != null) {
            try {
                client.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "Stopping the sampler: " + e.getMessage(), e);
            }
            client = null;
        }
    }

    /** One sample; public so tests can step the sampler without waiting for the pump. */
    public void tick() {
        try {
            session.sample();
        } catch (RuntimeException e) {
            // The rings change while a run sets up or tears down its queues; the next tick will do.
            LOG.log(Level.FINE, "Skipped a telemetry sample: " + e.getMessage(), e);
        }
    }
}
