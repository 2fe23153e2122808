package org.nvmeworkbench.core.vfio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IovaAllocatorTest {

    @Test
    void rangesArePageAlignedAndNeverZero() {
        IovaAllocator a = new IovaAllocator();
        long x = a.allocate(1);
        long y = a.allocate(4097);

        assertThat(x).isPositive().isEqualTo(IovaAllocator.FIRST);
        assertThat(x % 4096).isZero();
        assertThat(y).isEqualTo(x + 4096);
        assertThat(a.allocate(10)).isEqualTo(y + 8192);
    }

    @Test
    void noRangeTouchesTheMsiWindow() {
        IovaAllocator a = new IovaAllocator();
        long below = IovaAllocator.MSI_WINDOW_START - IovaAllocator.FIRST;
        long first = a.allocate(below - 4096);
        long next = a.allocate(8192); // does not fit in the last page below the window

        assertThat(first + below - 4096).isLessThanOrEqualTo(IovaAllocator.MSI_WINDOW_START);
        assertThat(next).isGreaterThanOrEqualTo(IovaAllocator.MSI_WINDOW_END);
        assertThat(next + 8192).isLessThanOrEqualTo(IovaAllocator.LIMIT);
    }

    @Test
    void freedRangesMergeAndAreReused() {
        IovaAllocator a = new IovaAllocator();
        long before = a.freeBytes();
        long x = a.allocate(4096);
        long y = a.allocate(4096);
        long z = a.allocate(4096);
        a.release(y, 4096);
        a.release(x, 4096);
        a.release(z, 4096);

        assertThat(a.freeBytes()).isEqualTo(before);
        assertThat(a.allocate(3 * 4096)).isEqualTo(x);
    }

    @Test
    void everythingStaysBelowTwoToThe39() {
        IovaAllocator a = new IovaAllocator();
        long big = a.allocate(1L << 38);

        assertThat(big + (1L << 38)).isLessThanOrEqualTo(1L << 39);
    }
}
