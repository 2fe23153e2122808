/**
 * The seam: a PCI function as the driver sees it (config space, BAR0 MMIO, DMA memory, interrupt
 * vectors, a clock). The simulator ({@code core.sim}) and VFIO ({@code core.vfio}) implement it; the
 * driver ({@code core.driver}) is written only against it.
 */
package org.nvmeworkbench.core.pci;
