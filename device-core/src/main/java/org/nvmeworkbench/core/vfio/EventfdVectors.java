package org.nvmeworkbench.core.vfio;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicLongArray;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

import org.nvmeworkbench.core.pci.InterruptMode;
import org.nvmeworkbench.core.pci.PciException;
import org.nvmeworkbench.core.pci.VectorSet;

/**
 * The function's interrupt vectors as eventfds: VFIO_DEVICE_SET_IRQS binds one eventfd per vector
 * (DATA_EVENTFD | ACTION_TRIGGER), the kernel adds 1 to a vector's counter per message, and a wait is
 * one ppoll over the eventfds of the vectors asked for. Reading a counter (8 bytes) consumes it; the
 * count of the vector grows by its value.
 *
 * <p>Masking is in software: a masked vector's eventfd is left out of the poll, so its messages stay
 * in the counter (pending) until unmask. The CPU time of taking an interrupt is the waiting thread's
 * CPU time across the ppoll that returned a signal (a blocked thread uses none, so what is measured
 * is the syscall, the wake-up and the counter reads), measured once per interrupt, never per I/O.
 *
 * <p>Only the driver's thread waits, masks and enables; counts may be read from any thread.
 */
final class EventfdVectors {
    private static final long UNBOUNDED = Long.MAX_VALUE / 4;

    private final int deviceFd;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean cpuClock;
    private InterruptMode mode;
    private int granted;
    private int[] fds = new int[0];
    private volatile boolean[] masked = new boolean[0];
    private volatile AtomicLongArray counts = new AtomicLongArray(0);
    /** Vectors whose counter was read but not yet returned by a wait. */
    private final long[] ready = new long[VectorSet.MAX_VECTORS / 64];
    private volatile long cpuNanos;

    private Memory pollFds = new Memory(8);
    private ByteBuffer pollView = pollFds.getByteBuffer(0, 8).order(ByteOrder.nativeOrder());
    private int[] pollVector = new int[0];
    private final Memory timespec = new Memory(16);
    private final ByteBuffer timespecView = timespec.getByteBuffer(0, 16).order(ByteOrder.nativeOrder());
    private final Memory counter = new Memory(8);
    private final ByteBuffer counterView = counter.getByteBuffer(0, 8).order(ByteOrder.nativeOrder());
    private final Memory probe = new Memory(8);
    private final Memory zeroTimespec = new Memory(16);

    EventfdVectors(int deviceFd) {
        this.deviceFd = deviceFd;
        boolean supported = threads.isCurrentThreadCpuTimeSupported();
        try {
            if (supported && !threads.isThreadCpuTimeEnabled()) {
                threads.setThreadCpuTimeEnabled(true);
            }
        } catch (UnsupportedOperationException | SecurityException e) {
            supported = false; // interrupt CPU then reads 0: unmeasured, never invented
        }
        this.cpuClock = supported;
        zeroTimespec.clear();
    }

    /** Binds up to {@code wanted} vectors of {@code mode} to fresh eventfds; returns how many. */
    int enable(InterruptMode mode, int wanted) {
        if (mode == null || wanted < 1) {
            throw new PciException("Interrupts need a mode and at least one vector.");
        }
        disable();
        int index = irqIndex(mode);
        int available = irqCount(index);
        if (available < 1) {
            throw new PciException("The device offers no " + mode + " interrupts through VFIO; use another interrupt mode.");
        }
        int n = switch (mode) {
            case PIN -> 1;
            case MSI -> Integer.highestOneBit(Math.min(Math.min(wanted, available), 32));
            case MSIX -> Math.min(Math.min(wanted, available), VectorSet.MAX_VECTORS);
        };
        int[] created = new int[n];
        java.util.Arrays.fill(created, -1);
        try {
            for (int i = 0; i < n; i++) {
                created[i] = Posix.eventfd(0, Posix.EFD_NONBLOCK | Posix.EFD_CLOEXEC);
            }
            setIrqs(index, VfioAbi.IRQ_SET_DATA_EVENTFD | VfioAbi.IRQ_SET_ACTION_TRIGGER, created);
        } catch (LastErrorException e) {
            for (int fd : created) {
                Posix.closeQuietly(fd);
            }
            throw VfioDiagnosis.step("Enabling " + n + " " + mode + " vector(s)", e.getErrorCode());
        }
        fds = created;
        this.mode = mode;
        granted = n;
        masked = new boolean[n];
        counts = new AtomicLongArray(n);
        java.util.Arrays.fill(ready, 0L);
        pollFds = new Memory(8L * n);
        pollView = pollFds.getByteBuffer(0, 8L * n).order(ByteOrder.nativeOrder());
        pollVector = new int[n];
        cpuNanos = 0;
        return n;
    }

    InterruptMode mode() {
        return mode;
    }

    int granted() {
        return granted;
    }

    /**
     * Waits for one of {@code vectors}; returns it, or -1 after {@code timeoutNanos}. No allocation: the
     * pollfd array, timespec and counter buffer are reused.
     */
    int await(VectorSet vectors, long timeoutNanos) {
        int v = takeReady(vectors);
        if (v >= 0) {
            return v;
        }
        int n = 0;
        for (int i = vectors.next(0); i >= 0 && i < granted; i = vectors.next(i + 1)) {
            if (!masked[i]) {
                pollView.putInt(n * 8, fds[i]);
                pollView.putShort(n * 8 + 4, Posix.POLLIN);
                pollView.putShort(n * 8 + 6, (short) 0);
                pollVector[n++] = i;
            }
        }
        long deadline = System.nanoTime() + Math.max(0, timeoutNanos);
        boolean unbounded = timeoutNanos >= UNBOUNDED;
        while (true) {
            long left = Math.max(0, deadline - System.nanoTime());
            timespecView.putLong(0, left / 1_000_000_000L);
            timespecView.putLong(8, left % 1_000_000_000L);
            long cpu0 = cpuClock ? threads.getCurrentThreadCpuTime() : 0;
            int r;
            try {
                r = Posix.ppoll(pollFds, n, unbounded ? null : timespec, null);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != Posix.EINTR) {
                    throw VfioDiagnosis.step("Waiting for an interrupt", e.getErrorCode());
                }
                r = 0; // a signal for the JVM: wait again for what is left
            }
            if (r > 0) {
                for (int k = 0; k < n; k++) {
                    if ((pollView.getShort(k * 8 + 6) & Posix.POLLIN) != 0) {
                        pollView.putShort(k * 8 + 6, (short) 0);
                        consume(pollVector[k]);
                    }
                }
                v = takeReady(vectors);
                if (cpuClock) {
                    cpuNanos += threads.getCurrentThreadCpuTime() - cpu0;
                }
                if (v >= 0) {
                    return v;
                }
            }
            if (!unbounded && System.nanoTime() - deadline >= 0) {
                return -1;
            }
        }
    }

    /** Reads vector {@code v}'s counter (if it has one) into its count and marks it ready. */
    private void consume(int v) {
        long c;
        try {
            long got = Posix.read(fds[v], counter, 8);
            c = got == 8 ? counterView.getLong(0) : 0;
        } catch (LastErrorException e) {
            c = 0; // EAGAIN: someone else drained it
        }
        if (c > 0) {
            AtomicLongArray cs = counts;
            cs.lazySet(v, cs.get(v) + c);
            ready[v >>> 6] |= 1L << v;
            if (mode == InterruptMode.PIN) {
                unmaskIntx(); // VFIO masks INTx at each trigger until told otherwise
            }
        }
    }

    private int takeReady(VectorSet vectors) {
        for (int w = 0; w < ready.length; w++) {
            if (ready[w] == 0) {
                continue;
            }
            long bits = ready[w];
            while (bits != 0) {
                int v = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                if (vectors.contains(v) && !masked[v]) {
                    ready[w] &= ~(1L << v);
                    return v;
                }
            }
        }
        return -1;
    }

    long count(int v) {
        AtomicLongArray cs = counts;
        return v >= 0 && v < cs.length() ? cs.get(v) : 0;
    }

    void resetCounts() {
        AtomicLongArray cs = counts;
        for (int i = 0; i < cs.length(); i++) {
            cs.set(i, 0);
        }
        cpuNanos = 0;
    }

    long cpuNanos() {
        return cpuNanos;
    }

    void mask(int v) {
        check(v);
        masked[v] = true;
    }

    /** Unmasks {@code v}; messages that arrived meanwhile become ready for the next wait. */
    void unmask(int v) {
        check(v);
        if (masked[v]) {
            masked[v] = false;
            if (readable(v)) {
                consume(v);
            }
        }
    }

    boolean isMasked(int v) {
        boolean[] m = masked;
        return v >= 0 && v < m.length && m[v];
    }

    /** A masked vector whose eventfd holds messages not yet taken. */
    boolean isPending(int v) {
        return isMasked(v) && readable(v);
    }

    private boolean readable(int v) {
        synchronized (probe) {
            probe.setInt(0, fds[v]);
            probe.setShort(4, Posix.POLLIN);
            probe.setShort(6, (short) 0);
            try {
                return Posix.ppoll(probe, 1, zeroTimespec, null) > 0;
            } catch (LastErrorException e) {
                return false;
            }
        }
    }

    private void check(int v) {
        if (v < 0 || v >= granted) {
            throw new PciException("Interrupt vector " + v + " does not exist; " + granted + " vector(s) are enabled.");
        }
    }

    private void unmaskIntx() {
        try {
            setIrqs(VfioAbi.PCI_INTX_IRQ_INDEX, VfioAbi.IRQ_SET_DATA_NONE | VfioAbi.IRQ_SET_ACTION_UNMASK, new int[1]);
        } catch (LastErrorException e) {
            throw VfioDiagnosis.step("Unmasking the INTx line", e.getErrorCode());
        }
    }

    /** Turns the current vectors off in the kernel (DATA_NONE | ACTION_TRIGGER, count 0) and closes their eventfds. */
    void disable() {
        if (mode != null) {
            try {
                setIrqs(irqIndex(mode), VfioAbi.IRQ_SET_DATA_NONE | VfioAbi.IRQ_SET_ACTION_TRIGGER, new int[0]);
            } catch (LastErrorException e) {
                // the device fd may already be unusable; closing the eventfds is what matters here
            }
        }
        for (int fd : fds) {
            Posix.closeQuietly(fd);
        }
        fds = new int[0];
        mode = null;
        granted = 0;
        masked = new boolean[0];
        java.util.Arrays.fill(ready, 0L);
    }

    private void setIrqs(int index, int flags, int[] data) {
        boolean eventfds = (flags & VfioAbi.IRQ_SET_DATA_EVENTFD) != 0;
        int count = data.length;
        int argsz = VfioAbi.IRQ_SET_HEADER_SIZE + (eventfds ? 4 * count : 0);
        Memory m = new Memory(Math.max(argsz, VfioAbi.IRQ_SET_HEADER_SIZE + 4));
        m.setInt(0, argsz);
        m.setInt(4, flags);
        m.setInt(8, index);
        m.setInt(12, 0);
        m.setInt(16, count);
        if (eventfds) {
            for (int i = 0; i < count; i++) {
                m.setInt(VfioAbi.IRQ_SET_HEADER_SIZE + 4L * i, data[i]);
            }
        }
        Posix.ioctl(deviceFd, VfioAbi.DEVICE_SET_IRQS, m);
    }

    private int irqCount(int index) {
        Memory m = new Memory(VfioAbi.IRQ_INFO_SIZE);
        m.clear();
        m.setInt(0, VfioAbi.IRQ_INFO_SIZE);
        m.setInt(8, index);
        try {
            Posix.ioctl(deviceFd, VfioAbi.DEVICE_GET_IRQ_INFO, m);
        } catch (LastErrorException e) {
            throw VfioDiagnosis.step("Reading the device's interrupt information", e.getErrorCode());
        }
        return m.getInt(12);
    }

    private static int irqIndex(InterruptMode mode) {
        return switch (mode) {
            case PIN -> VfioAbi.PCI_INTX_IRQ_INDEX;
            case MSI -> VfioAbi.PCI_MSI_IRQ_INDEX;
            case MSIX -> VfioAbi.PCI_MSIX_IRQ_INDEX;
        };
    }
}
