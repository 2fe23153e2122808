package org.nvmeworkbench.ui.session;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.nvmeworkbench.core.telemetry.TelemetrySnapshot;

/** The views listening to telemetry; a listener that throws is logged and does not stop the others. */
public final class TelemetryListeners {
    private static final Logger LOG = Logger.getLogger(TelemetryListeners.class.getName());
    private final List<Consumer<TelemetrySnapshot>> listeners = new CopyOnWriteArrayList<>();

    public AutoCloseable add(Consumer<TelemetrySnapshot> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public int size() {
        return listeners.size();
    }

    void publish(TelemetrySnapshot s) {
        for (Consumer<TelemetrySnapshot> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A view failed to draw telemetry: " + e.getMessage(), e);
            }
        }
    }
}
