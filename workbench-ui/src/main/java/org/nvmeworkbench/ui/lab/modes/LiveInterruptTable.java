package org.nvmeworkbench.ui.lab.modes;

import java.util.ArrayList;
import java.util.List;

import org.nvmeworkbench.core.pci.InterruptMode;
import org.nvmeworkbench.core.sim.SimulatedController;

/**
 * The interrupt table of a simulator as it is now, for the mode it runs in: MSI-X table entries (mask
 * bit, PBA pending bit), MSI vectors (INTMS mask) or the one pin (INTMS bit 0). Read once per frame.
 *
 * @param mode    the mode enabled, or null before the driver enabled interrupts
 * @param title   what the table is, in words
 * @param entries one per vector granted
 */
public record LiveInterruptTable(InterruptMode mode, String title, List<VectorEntry> entries) {

    public LiveInterruptTable {
        entries = List.copyOf(entries);
    }

    static final LiveInterruptTable NONE = new LiveInterruptTable(null,
            "Interrupts are not enabled yet: the driver sets them up when the scenario starts.", List.of());

    static LiveInterruptTable read(SimulatedController sim) {
        InterruptMode mode = sim.interruptMode();
        int granted = sim.vectorCount();
        if (mode == null || granted == 0) {
            return NONE;
        }
        List<VectorEntry> rows = new ArrayList<>();
        for (int v = 0; v < granted; v++) {
            rows.add(new VectorEntry(v, mode == InterruptMode.PIN ? "INTx" : "IV " + v, sim.isMasked(v), sim.isPending(v),
                    sim.interruptCount(v)));
        }
        String title;
        switch (mode) {
            case PIN:
                title = "Live, pin-based: one line; masked = INTMS bit 0 (INTMC clears it)";
                break;
            case MSI:
                title = "Live, MSI: " + granted + " vector(s) granted (MME " + Integer.numberOfTrailingZeros(granted)
                        + "); masked = INTMS bit";
                break;
            default:
                title = "Live MSI-X table: " + granted + " entries; masked = Vector Control bit 0, pending = PBA bit";
                break;
        }
        return new LiveInterruptTable(mode, title, rows);
    }
}
