package org.nvmeworkbench.core.workload;

/**
 * Steele, Lea and Flood's SplitMix64: a seeded, allocation-free random source, fast enough for the
 * per-I/O path; the same seed gives the same LBAs.
 */
final class SplitMix64 {
    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Uniform in [0, bound) for 0 < bound: the high 64 bits of an unsigned 64x64 product (Lemire's
     * method without the rejection step; the bias is below 2^-40 for any namespace size).
     */
    long nextBelow(long bound) {
        long x = nextLong();
        return Math.multiplyHigh(x, bound) + ((x >> 63) & bound);
    }

    /** Uniform in [0, bound) for 0 < bound <= 2^31. */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }
}
