/**
 * The Lab's headless model: what the Lab perspective draws, built only from the simulator's trace
 * ({@link org.nvmeworkbench.core.sim.SimTraceListener}) and the driver's
 * ({@link org.nvmeworkbench.core.driver.HostTraceListener}) while the real driver and workload run, paced by
 * {@link org.nvmeworkbench.core.sim.SimulationControl}. Nothing here is a canned animation.
 */
package org.nvmeworkbench.core.lab;
