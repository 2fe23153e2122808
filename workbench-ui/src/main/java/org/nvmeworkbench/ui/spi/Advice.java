package org.nvmeworkbench.ui.spi;

import org.nvmeworkbench.core.spec.InterruptCoalescing;

/**
 * A tuning suggestion.
 *
 * @param coalescing the Feature 08h value to try
 * @param reason     one or two sentences citing the runs it is based on
 */
public record Advice(InterruptCoalescing coalescing, String reason) {
}
