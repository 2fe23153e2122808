package org.nvmeworkbench.core.vfio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Platform;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JNA binding on this machine: an eventfd round trip and errno on failure (Linux only). */
class PosixBindingTest {

    @BeforeAll
    static void linuxOnly() {
        assumeTrue(Platform.isLinux(), "eventfd and VFIO exist only on Linux");
    }

    @Test
    void eventfdCounterAddsUpAndReadsOnce() {
        int fd = Posix.eventfd(0, Posix.EFD_NONBLOCK | Posix.EFD_CLOEXEC);
        try {
            Memory m = new Memory(8);
            m.setLong(0, 3);
            Posix.write(fd, m, 8);
            m.setLong(0, 2);
            Posix.write(fd, m, 8);
            m.setLong(0, 0);

            assertThat(Posix.read(fd, m, 8)).isEqualTo(8);
            assertThat(m.getLong(0)).isEqualTo(5);
            assertThatThrownBy(() -> Posix.read(fd, m, 8))
                    .isInstanceOfSatisfying(LastErrorException.class, e -> assertThat(e.getErrorCode()).isEqualTo(Posix.EAGAIN));
        } finally {
            Posix.close(fd);
        }
    }

    @Test
    void failedIoctlCarriesErrno() {
        assertThatThrownBy(() -> Posix.ioctl(-1, VfioAbi.GET_API_VERSION, 0L))
                .isInstanceOfSatisfying(LastErrorException.class, e -> assertThat(e.getErrorCode()).isEqualTo(9)); // EBADF
    }
}
