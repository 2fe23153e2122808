package org.nvmeworkbench.core.workload;

/**
 * Where and how large each I/O of a run is, beyond rw and bs: fio's bssplit/bsrange, the rw modifier
 * ({@code rw=randread:8}: "the number of I/Os to do before getting a new offset"; {@code rw=write:4k}: "the
 * value specified will be added to the generated offset for each I/O", holes) and offset= (HOWTO, "I/O type").
 *
 * @param mix         I/O sizes drawn per I/O; null = every I/O is the spec's block size
 * @param randomRun   I/Os issued sequentially from each new random offset (1 = plain random)
 * @param holeBytes   bytes skipped after each sequential I/O
 * @param offsetBytes where in the namespace the job's I/O starts
 */
public record IoShape(BlockSizeMix mix, int randomRun, long holeBytes, long offsetBytes) {
    /** Every I/O at the block size, fresh random offsets, no holes, from LBA 0. */
    public static final IoShape PLAIN = new IoShape(null, 1, 0, 0);

    public IoShape {
        if (randomRun < 1 || holeBytes < 0 || offsetBytes < 0) {
            throw new IllegalArgumentException("The offset modifier and offset must not be negative.");
        }
    }

    public IoShape withMix(BlockSizeMix v) {
        return new IoShape(v, randomRun, holeBytes, offsetBytes);
    }

    public IoShape withRandomRun(int v) {
        return new IoShape(mix, v, holeBytes, offsetBytes);
    }

    public IoShape withHoleBytes(long v) {
        return new IoShape(mix, randomRun, v, offsetBytes);
    }

    public IoShape withOffsetBytes(long v) {
        return new IoShape(mix, randomRun, holeBytes, v);
    }
}
