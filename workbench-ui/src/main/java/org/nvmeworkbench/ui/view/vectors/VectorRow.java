package org.nvmeworkbench.ui.view.vectors;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One MSI-X vector in the table; updated in place each sample, with a short history of its rate. */
public final class VectorRow {
    public static final int HISTORY = 90;

    private final int iv;
    private final StringProperty queues = new SimpleStringProperty("");
    private final StringProperty core = new SimpleStringProperty("");
    private final BooleanProperty coalescingDisabled = new SimpleBooleanProperty();
    private final BooleanProperty masked = new SimpleBooleanProperty();
    private final BooleanProperty pending = new SimpleBooleanProperty();
    private final LongProperty count = new SimpleLongProperty();
    private final DoubleProperty rate = new SimpleDoubleProperty();
    private final BooleanProperty fired = new SimpleBooleanProperty();
    /** Rates, oldest first once full; {@link #historySize} of them are valid. */
    private final double[] history = new double[HISTORY];
    private int historyStart;
    private int historySize;
    /** Bumped when the history changes so the sparkline cell knows to redraw. */
    private final LongProperty revision = new SimpleLongProperty();

    public VectorRow(int iv) {
        this.iv = iv;
    }

    public int iv() { return iv; }
    public StringProperty queues() { return queues; }
    /** The host CPU that takes this vector's interrupts, e.g. "CPU 3"; "n/a" when the device does not say. */
    public StringProperty core() { return core; }
    public BooleanProperty coalescingDisabled() { return coalescingDisabled; }
    public BooleanProperty masked() { return masked; }
    public BooleanProperty pending() { return pending; }
    public LongProperty count() { return count; }
    public DoubleProperty rate() { return rate; }
    public BooleanProperty fired() { return fired; }
    public LongProperty revision() { return revision; }

    void addRate(double r) {
        if (historySize < HISTORY) {
            history[(historyStart + historySize++) % HISTORY] = r;
        } else {
            history[historyStart] = r;
            historyStart = (historyStart + 1) % HISTORY;
        }
        revision.set(revision.get() + 1);
    }

    public int historySize() {
        return historySize;
    }

    /** The i-th oldest rate in the history. */
    public double historyAt(int i) {
        return history[(historyStart + i) % HISTORY];
    }
}
