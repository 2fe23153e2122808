package org.nvmeworkbench.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.cli.Main;
import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.ui.task.CurrentThreadTaskExecutor;

/**
 * The window and the command line go through the same tuning session, so the same situation gets the same
 * sentence on both: pinned here for a device that refuses Set Features 08h (as QEMU's does).
 */
class SameWordsAsTheCommandLineTest {

    private static String[] cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {String.valueOf(code), out.toString(), err.toString().strip()};
    }

    private static WorkbenchSession window() {
        return new WorkbenchSession(DeviceCatalog.load(), new CurrentThreadTaskExecutor(), null);
    }

    @Test
    void aRefusedFeature08hIsTheSameSentenceInTheWindowAndOnTheCommandLine() {
        WorkbenchSession session = window();
        session.attach("fixedsim").join();
        session.applyCoalescing(new InterruptCoalescing(7, 2), null).join();
        String[] cli = cli("set-feature", "-d", "fixedsim", "-f", "8", "-v", "0x0207");
        assertThat(cli[0]).isEqualTo("1");
        assertThat(cli[2]).isEqualTo(session.message().get())
                .isEqualTo("set-feature:0x08 (Interrupt Coalescing) failed: Feature Not Changeable (SCT 1h, SC 0Eh).");
        session.detach().join();
    }
}
