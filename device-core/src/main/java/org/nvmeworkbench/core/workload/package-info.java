/**
 * Workloads in fio's vocabulary: the spec, the runner that keeps a queue depth in flight through the
 * driver, latency capture in HdrHistogram, and the immutable result a run record is made of.
 */
package org.nvmeworkbench.core.workload;
