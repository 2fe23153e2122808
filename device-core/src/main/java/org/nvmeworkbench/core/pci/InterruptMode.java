package org.nvmeworkbench.core.pci;

/** How a function signals the host. */
public enum InterruptMode {
    /** Pin-based (INTx): one level-triggered line, masked with the controller's INTMS/INTMC. */
    PIN,
    /** MSI: up to 32 contiguous vectors, a power of two. */
    MSI,
    /** MSI-X: up to 2048 independent vectors with a table and a pending-bit array. */
    MSIX
}
