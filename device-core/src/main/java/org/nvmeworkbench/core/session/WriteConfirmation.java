package org.nvmeworkbench.core.session;

import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * The confirmation a writing workload needs, naming the device and the blocks it may overwrite
 * (design.md: nothing is ever written to a device the user did not name). The dialog shows these
 * texts and nothing else.
 *
 * @param device   the attached device's name, e.g. sim:tlc
 * @param pattern  fio's rw name, e.g. randwrite
 * @param lastLba  the highest LBA the workload may write (it writes from LBA 0)
 * @param lbaSize  the namespace's logical block size in bytes
 */
public record WriteConfirmation(String device, String pattern, long lastLba, int lbaSize) {

    /** Whether {@code spec} writes at all (rw=randrw with rwmixread=100 only reads). */
    public static boolean needed(WorkloadSpec spec) {
        return spec.rw().writes() && !(spec.rw().mixed() && spec.rwmixread() == 100);
    }

    /**
     * The question for {@code spec} on a namespace of {@code namespaceBlocks} blocks: the runner writes
     * whole I/Os from LBA 0 up to the last block-size position that fits.
     */
    public static WriteConfirmation of(String device, WorkloadSpec spec, long namespaceBlocks, int lbaSize) {
        long perIo = Math.max(1, spec.blockSize() / Math.max(1, lbaSize));
        long positions = Math.max(1, namespaceBlocks / perIo);
        return new WriteConfirmation(device, spec.rw().fioName(), positions * perIo - 1, lbaSize);
    }

    public String title() {
        return "Confirm writes to " + device;
    }

    public String question() {
        return "Write to " + device + "?";
    }

    public String details() {
        return "This overwrites LBAs 0.." + lastLba + " on the device (" + pattern + ", " + lbaSize
                + " B blocks): whatever is stored there is lost.";
    }

    /** The confirm button's text names the device, so the click itself names it. */
    public String confirmText() {
        return "Write to " + device;
    }

    public String cancelText() {
        return "Cancel";
    }

    public String refusal() {
        return "The " + pattern + " run was not started: writing to " + device + " was not confirmed, so nothing was written.";
    }
}
