package org.nvmeworkbench.core.sim;

/**
 * Everything that decides how a simulated controller behaves. Same config (seed included) gives the
 * same run, bit for bit.
 *
 * @param profile           media model
 * @param seed              the random source's seed
 * @param lbaSize           logical block size in bytes (512..4096, a power of two)
 * @param namespaceBlocks   NSZE of namespace 1
 * @param maxIoQueuePairs   I/O queue pairs the controller supports (queue IDs 1..this)
 * @param mqes              CAP.MQES, 0's based maximum queue entries
 * @param msixTableSize     MSI-X table entries (admin + I/O vectors)
 * @param host              host cost model
 * @param cpus              the host's CPUs and cross-core costs, for runs placed on cores
 * @param dstrd             CAP.DSTRD doorbell stride (4 << DSTRD bytes)
 * @param speed             pacing: 0 as fast as possible, 1.0 paced to the wall clock, below 1 slow motion
 * @param retainedDataBytes written data kept at most; writes to new places beyond it are dropped (reads
 *                          of those places return zeros) and counted in
 *                          {@link SimulatedController#droppedWriteBytes()}
 * @param fixedCoalescing   Features 08h and 09h cannot be changed, as on QEMU's emulated controller: Set
 *                          Features for them completes with Feature Not Changeable and Get Features SEL 3
 *                          reports them as not changeable (false, the default: both changeable)
 */
public record SimConfig(MediaProfile profile, long seed, int lbaSize, long namespaceBlocks, int maxIoQueuePairs,
                        int mqes, int msixTableSize, HostModel host, HostCpus cpus, int dstrd, double speed,
                        long retainedDataBytes, boolean fixedCoalescing) {

    /** 3.84 TB in 512-byte blocks, the size of a common datacenter drive. */
    public static final long DEFAULT_NAMESPACE_BLOCKS = 7_501_476_528L;
    public static final long DEFAULT_RETAINED_DATA_BYTES = 256L << 20;

    public SimConfig {
        if (profile == null || host == null || cpus == null) {
            throw new IllegalArgumentException("A simulator config needs a media profile, a host model and host CPUs.");
        }
        if (lbaSize < 512 || lbaSize > 4096 || Integer.bitCount(lbaSize) != 1) {
            throw new IllegalArgumentException("LBA size must be a power of two from 512 to 4096, not " + lbaSize + ".");
        }
        if (namespaceBlocks < 1) {
            throw new IllegalArgumentException("The namespace needs at least one block.");
        }
        if (maxIoQueuePairs < 1 || maxIoQueuePairs > 1024) {
            throw new IllegalArgumentException("I/O queue pairs must be 1..1024, not " + maxIoQueuePairs + ".");
        }
        if (mqes < 1 || mqes > 0xFFFF) {
            throw new IllegalArgumentException("MQES must be 1..65535 (0's based), not " + mqes + ".");
        }
        if (msixTableSize < 1 || msixTableSize > 2048) {
            throw new IllegalArgumentException("The MSI-X table holds 1..2048 vectors, not " + msixTableSize + ".");
        }
        if (dstrd < 0 || dstrd > 15) {
            throw new IllegalArgumentException("DSTRD must be 0..15, not " + dstrd + ".");
        }
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("Speed must be 0 (as fast as possible) or a positive factor.");
        }
        if (retainedDataBytes < 0) {
            throw new IllegalArgumentException("Retained data cannot be negative.");
        }
    }

    public static SimConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().profile(profile).seed(seed).lbaSize(lbaSize).namespaceBlocks(namespaceBlocks)
                .maxIoQueuePairs(maxIoQueuePairs).mqes(mqes).msixTableSize(msixTableSize).host(host).cpus(cpus).dstrd(dstrd)
                .speed(speed).retainedDataBytes(retainedDataBytes).fixedCoalescing(fixedCoalescing);
    }

    public SimConfig withProfile(MediaProfile p) { return toBuilder().profile(p).build(); }
    public SimConfig withSeed(long s) { return toBuilder().seed(s).build(); }
    public SimConfig withHost(HostModel h) { return toBuilder().host(h).build(); }
    public SimConfig withCpus(HostCpus c) { return toBuilder().cpus(c).build(); }
    public SimConfig withSpeed(double s) { return toBuilder().speed(s).build(); }

    /** Builder with the documented defaults (tlc, seed 1, 512 B LBAs, 64 queue pairs, MQES 1023, 65 vectors). */
    public static final class Builder {
        private MediaProfile profile = MediaProfile.TLC;
        private long seed = 1;
        private int lbaSize = 512;
        private long namespaceBlocks = DEFAULT_NAMESPACE_BLOCKS;
        private int maxIoQueuePairs = 64;
        private int mqes = 1023;
        private int msixTableSize = 65;
        private HostModel host = HostModel.DEFAULT;
        private HostCpus cpus = HostCpus.DEFAULT;
        private int dstrd = 0;
        private double speed = 0;
        private long retainedDataBytes = DEFAULT_RETAINED_DATA_BYTES;
        private boolean fixedCoalescing;

        public Builder profile(MediaProfile v) { profile = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder lbaSize(int v) { lbaSize = v; return this; }
        public Builder namespaceBlocks(long v) { namespaceBlocks = v; return this; }
        public Builder maxIoQueuePairs(int v) { maxIoQueuePairs = v; return this; }
        public Builder mqes(int v) { mqes = v; return this; }
        public Builder msixTableSize(int v) { msixTableSize = v; return this; }
        public Builder host(HostModel v) { host = v; return this; }
        public Builder cpus(HostCpus v) { cpus = v; return this; }
        public Builder dstrd(int v) { dstrd = v; return this; }
        public Builder speed(double v) { speed = v; return this; }
        public Builder retainedDataBytes(long v) { retainedDataBytes = v; return this; }
        public Builder fixedCoalescing(boolean v) { fixedCoalescing = v; return this; }

        public SimConfig build() {
            return new SimConfig(profile, seed, lbaSize, namespaceBlocks, maxIoQueuePairs, mqes, msixTableSize,
                    host, cpus, dstrd, speed, retainedDataBytes, fixedCoalescing);
        }
    }
}
