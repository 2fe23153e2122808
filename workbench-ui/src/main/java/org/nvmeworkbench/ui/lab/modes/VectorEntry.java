package org.nvmeworkbench.ui.lab.modes;

/**
 * One row of the live interrupt table of the loaded scenario's simulator.
 *
 * @param vector  the vector (0 for the pin)
 * @param name    "IV 3", or "INTx" for the pin
 * @param masked  MSI-X: the entry's Vector Control mask bit (or the function mask); pin/MSI: the INTMS bit
 * @param pending a signal held while masked (MSI-X: the PBA bit)
 * @param count   interrupts delivered on it
 */
public record VectorEntry(int vector, String name, boolean masked, boolean pending, long count) {
}
