/**
 * The host's CPUs in fio's words: CPU lists ({@code cpus_allowed}), how jobs share them
 * ({@code cpus_allowed_policy}), NUMA nodes and memory policy, where each vector's interrupt is taken, and
 * the resolved placement of a run's queues and vectors on cores. Below {@code pci}: the seam takes a
 * {@link org.nvmeworkbench.core.host.CorePlan} and gives back {@link org.nvmeworkbench.core.host.CoreFigures}.
 */
package org.nvmeworkbench.core.host;
