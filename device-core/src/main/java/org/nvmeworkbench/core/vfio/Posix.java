package org.nvmeworkbench.core.vfio;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The few C library calls VFIO needs, bound with JNA's direct mapping (no proxy, no allocation per
 * call). Every failure raises {@link LastErrorException} carrying errno. Used for setup and once per
 * interrupt, never per I/O: doorbells and rings are plain memory accesses.
 *
 * <p>Constants are Linux's generic values (x86-64 and arm64 agree on all of them).
 */
final class Posix {
    static final int O_RDWR = 2;
    static final int O_CLOEXEC = 0x80000;
    static final int PROT_READ = 1;
    static final int PROT_WRITE = 2;
    static final int MAP_SHARED = 1;
    static final int MAP_PRIVATE = 2;
    static final int MAP_ANONYMOUS = 0x20;
    static final int EFD_NONBLOCK = 0x800;
    static final int EFD_CLOEXEC = 0x80000;
    static final short POLLIN = 1;

    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int EINTR = 4;
    static final int EIO = 5;
    static final int ENXIO = 6;
    static final int EAGAIN = 11;
    static final int ENOMEM = 12;
    static final int EACCES = 13;
    static final int EBUSY = 16;
    static final int ENODEV = 19;
    static final int EINVAL = 22;
    static final int ENOSPC = 28;

    static {
        Native.register(Posix.class, NativeLibrary.getInstance(com.sun.jna.Platform.C_LIBRARY_NAME));
    }

    private Posix() {
    }

    static native int open(String path, int flags) throws LastErrorException;

    static native int close(int fd) throws LastErrorException;

    /** ioctl with a pointer argument (a struct or a string). */
    static native int ioctl(int fd, long request, Pointer arg) throws LastErrorException;

    /** ioctl with an integer argument (or none). */
    static native int ioctl(int fd, long request, long arg) throws LastErrorException;

    static native long pread(int fd, Pointer buf, long count, long offset) throws LastErrorException;

    static native long pwrite(int fd, Pointer buf, long count, long offset) throws LastErrorException;

    static native long read(int fd, Pointer buf, long count) throws LastErrorException;

    static native long write(int fd, Pointer buf, long count) throws LastErrorException;

    static native Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset) throws LastErrorException;

    static native int munmap(Pointer addr, long length) throws LastErrorException;

    static native int eventfd(int initval, int flags) throws LastErrorException;

    /**
     * syscall(2) with six integer-sized arguments, for the calls glibc does not wrap (mbind lives in libnuma,
     * which the workbench does not require).
     */
    static native long syscall(long number, Pointer a, long b, long c, Pointer d, long e, long f) throws LastErrorException;

    /** ppoll rather than poll: nanosecond timeouts, so a short interrupt wait is not rounded up to 1 ms. */
    static native int ppoll(Pointer fds, long nfds, Pointer timeout, Pointer sigmask) throws LastErrorException;

    /** Closes {@code fd} if it is open, ignoring errors: for clean-up paths. */
    static void closeQuietly(int fd) {
        if (fd >= 0) {
            try {
                close(fd);
            } catch (LastErrorException ignored) {
                // nothing left to do for a descriptor that would not close
            }
        }
    }
}
