package org.nvmeworkbench.core.vfio;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

import org.nvmeworkbench.core.host.CpuSet;

/**
 * The calling thread's CPU affinity through sched_setaffinity(2)/sched_getaffinity(2) (glibc, pid 0 = the calling
 * thread), for pinning the thread that drives a real device. Linux only; bound on first use, in its own class so
 * that a platform without these calls loses only this. Setup only, never per I/O.
 */
public final class ThreadAffinity {
    /** Bytes of the CPU mask: 4096 CPUs, {@link CpuSet#MAX_CPU} + 1. */
    private static final int MASK_BYTES = (CpuSet.MAX_CPU + 1) / 8;

    static {
        Native.register(ThreadAffinity.class, NativeLibrary.getInstance(com.sun.jna.Platform.C_LIBRARY_NAME));
    }

    private ThreadAffinity() {
    }

    private static native int sched_setaffinity(int pid, long size, Pointer mask) throws LastErrorException;

    private static native int sched_getaffinity(int pid, long size, Pointer mask) throws LastErrorException;

    /** The CPUs the calling thread may run on. */
    public static CpuSet current() {
        Memory mask = new Memory(MASK_BYTES);
        mask.clear();
        sched_getaffinity(0, MASK_BYTES, mask);
        int[] ids = new int[CpuSet.MAX_CPU + 1];
        int n = 0;
        for (int cpu = 0; cpu <= CpuSet.MAX_CPU; cpu++) {
            if ((mask.getByte(cpu / 8) & (1 << (cpu % 8))) != 0) {
                ids[n++] = cpu;
            }
        }
        return CpuSet.of(java.util.Arrays.copyOf(ids, n));
    }

    /**
     * Lets the calling thread run only on {@code cpus}; returns what it may run on now (the kernel drops CPUs that
     * are offline or outside the process's cpuset).
     *
     * @throws IllegalArgumentException one sentence, when the kernel refuses (none of the CPUs is usable)
     */
    public static CpuSet pin(CpuSet cpus) {
        Memory mask = new Memory(MASK_BYTES);
        mask.clear();
        for (int i = 0; i < cpus.size(); i++) {
            int cpu = cpus.get(i);
            mask.setByte(cpu / 8, (byte) (mask.getByte(cpu / 8) | (1 << (cpu % 8))));
        }
        try {
            sched_setaffinity(0, MASK_BYTES, mask);
        } catch (LastErrorException e) {
            throw new IllegalArgumentException("The I/O thread cannot be pinned to CPUs " + cpus + " (errno " + e.getErrorCode()
                    + "): none of them is online and allowed to this process.");
        }
        return current();
    }
}
