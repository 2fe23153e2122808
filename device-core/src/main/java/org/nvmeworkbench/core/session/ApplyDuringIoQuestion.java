package org.nvmeworkbench.core.session;

import org.nvmeworkbench.core.spec.InterruptCoalescing;

/**
 * The question before Set Features 08h/09h while I/O is in flight: the spec advises against changing
 * coalescing during I/O (docs/nvme-reference.md), so the user chooses. The dialog shows these texts only.
 *
 * @param device the attached device
 * @param value  the Feature 08h value to set
 */
public record ApplyDuringIoQuestion(String device, InterruptCoalescing value) {

    public String title() {
        return "Set Features during I/O";
    }

    public String question() {
        return "Apply now, during I/O?";
    }

    public String details() {
        return "A workload is running on " + device + ". The NVMe specification advises against changing Interrupt "
                + "Coalescing while I/O is in flight. Setting " + value.describe() + " now affects the rest of this "
                + "run, whose record keeps the values read back at its start.";
    }

    public String applyNowText() {
        return "Apply now";
    }

    public String afterRunText() {
        return "Apply after this run";
    }

    public String cancelText() {
        return "Cancel";
    }

    /** What the user is told after choosing Cancel. */
    public String cancelled() {
        return "Interrupt Coalescing was not changed: applying during the run was cancelled.";
    }

    /** What the user is told while the value waits for the run to end. */
    public String deferred() {
        return "Interrupt Coalescing (" + value.describe() + ") will be set when the current run ends.";
    }
}
