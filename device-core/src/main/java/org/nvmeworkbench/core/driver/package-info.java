/**
 * The userspace NVMe driver, written only against the PCI seam ({@code core.pci}): controller
 * bring-up and reset, synchronous admin commands with an event log, and I/O queue pairs whose
 * submit/reap path allocates nothing and takes no locks.
 */
package org.nvmeworkbench.core.driver;
