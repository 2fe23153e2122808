package org.nvmeworkbench.core.driver;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

import org.nvmeworkbench.core.spec.InterruptCoalescing;

/**
 * The features a session wants on the device, remembered whenever they are set through the driver,
 * so a controller reset (which returns them to their defaults) can set them again.
 *
 * @param coalescing   Feature 08h as last set, or null when never set through the driver
 * @param vectorConfig Feature 09h CD per vector as last set (IV -> CD)
 */
public record DesiredFeatures(InterruptCoalescing coalescing, SortedMap<Integer, Boolean> vectorConfig) {
    public static final DesiredFeatures NONE = new DesiredFeatures(null, new TreeMap<>());

    public DesiredFeatures {
        vectorConfig = Collections.unmodifiableSortedMap(new TreeMap<>(vectorConfig));
    }

    public DesiredFeatures withCoalescing(InterruptCoalescing value) {
        return new DesiredFeatures(value, vectorConfig);
    }

    public DesiredFeatures withVector(int iv, boolean coalescingDisabled) {
        TreeMap<Integer, Boolean> m = new TreeMap<>(vectorConfig);
        m.put(iv, coalescingDisabled);
        return new DesiredFeatures(coalescing, m);
    }

    public boolean coalescingDisabled(int iv) {
        return vectorConfig.getOrDefault(iv, Boolean.FALSE);
    }
}
