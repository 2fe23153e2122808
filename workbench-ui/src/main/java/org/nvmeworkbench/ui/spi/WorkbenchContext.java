package org.nvmeworkbench.ui.spi;

import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;

import org.nvmeworkbench.core.driver.AdminLogEntry;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.telemetry.TelemetrySnapshot;

/** What a contribution may see and do. Everything here is used on the FX thread. */
public interface WorkbenchContext {

    /**
     * Delivers telemetry snapshots on the FX thread at the sampler's rate (about 15 Hz) while a device
     * is attached. Close the returned subscription when the view closes.
     */
    AutoCloseable subscribe(Consumer<TelemetrySnapshot> listener);

    /** Every admin command of the attached device, oldest first; appended once per sample, never per command. */
    ObservableList<AdminLogEntry> adminLog();

    /** The run history, oldest first. */
    ObservableList<RunRecord> runs();

    /** The attached device's name ({@code sim:tlc}), empty when none is attached. */
    ReadOnlyStringProperty device();

    /** Puts a Feature 08h value into the Coalescing editor for the user to review and apply. */
    void proposeCoalescing(InterruptCoalescing value, String why);
}
