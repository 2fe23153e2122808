package org.nvmeworkbench.core.driver;

import java.time.Instant;

import org.nvmeworkbench.core.spec.Opcodes;
import org.nvmeworkbench.core.spec.StatusCode;

/**
 * One admin command as the Event Log shows it.
 *
 * @param sequence     position in the log, from 1
 * @param wallTime     when it was submitted, on the wall clock
 * @param deviceNanos  when it was submitted, on the device clock
 * @param opcode       admin opcode
 * @param cid          command identifier
 * @param cdw10        CDW10 as submitted
 * @param cdw11        CDW11 as submitted
 * @param status       completion status (SCT/SC packed), or {@link #TIMED_OUT} when none came
 * @param dw0          completion DW0
 * @param durationNanos submit to completion (or to giving up) on the device clock
 * @param note         what the driver made of it, e.g. "late completion of an aborted command"; may be empty
 */
public record AdminLogEntry(long sequence, Instant wallTime, long deviceNanos, int opcode, int cid, int cdw10,
                            int cdw11, int status, int dw0, long durationNanos, String note) {

    /** Status of an entry whose command never completed. */
    public static final int TIMED_OUT = -1;

    public boolean ok() {
        return status == StatusCode.SUCCESS;
    }

    /** e.g. "Set Features cdw10=0x00000008 cdw11=0x00000707: Successful Completion (SCT 0h, SC 00h)". */
    public String describe() {
        String outcome = status == TIMED_OUT ? "no completion (timed out)" : StatusCode.describe(status);
        String text = Opcodes.adminName(opcode) + String.format(" cid=%d cdw10=0x%08x cdw11=0x%08x: ", cid, cdw10, cdw11)
                + outcome + String.format(", DW0 0x%08x", dw0);
        return note.isEmpty() ? text : text + " (" + note + ")";
    }
}
