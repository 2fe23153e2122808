package org.nvmeworkbench.core.host;

import java.util.Locale;

/**
 * Where each vector's interrupt is taken: {@code spread}, the run's vectors spread evenly over the host's
 * CPUs as Linux spreads a driver's managed vectors ({@code irq_create_affinity_masks}: vector k of n gets
 * CPU k*cpus/n when there are more CPUs than vectors); or an explicit CPU list, the run's k-th vector on the
 * list's k-th CPU, going round the list again when it is shorter: one CPU puts every vector on that core,
 * the "all interrupts on CPU 0" of a host without irqbalance.
 *
 * @param cpus the explicit list; null for spread
 */
public record InterruptAffinity(CpuSet cpus) {
    public static final InterruptAffinity SPREAD = new InterruptAffinity(null);

    public InterruptAffinity {
        if (cpus != null && cpus.isEmpty()) {
            throw new IllegalArgumentException("An interrupt affinity list needs at least one CPU.");
        }
    }

    public boolean spread() {
        return cpus == null;
    }

    /** Every vector on one core. */
    public boolean oneCore() {
        return cpus != null && cpus.size() == 1;
    }

    /** The CPU of the {@code k}-th of {@code n} vectors on a host of {@code hostCpus}. */
    public int cpuOf(int k, int n, int hostCpus) {
        if (cpus != null) {
            return cpus.get(k % cpus.size());
        }
        return n <= hostCpus ? (int) ((long) k * hostCpus / n) : k % hostCpus;
    }

    /** {@code spread}, or a CPU list such as {@code 0} or {@code 0-15}. */
    public static InterruptAffinity parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("spread")) {
            return SPREAD;
        }
        if (t.isEmpty() || !Character.isDigit(t.charAt(0))) {
            throw new IllegalArgumentException("irq_affinity=" + (text == null ? "" : text.strip())
                    + " is not spread or a CPU list such as 0 or 0-15.");
        }
        return new InterruptAffinity(CpuSet.parse(t, "irq_affinity"));
    }

    @Override
    public String toString() {
        return cpus == null ? "spread" : cpus.toString();
    }
}
