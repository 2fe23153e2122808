/** The kernel baseline: the same workload by fio through the kernel's nvme driver, brought in as a run. */
package org.nvmeworkbench.core.baseline;
