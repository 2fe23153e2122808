package org.nvmeworkbench.core.driver;

import org.nvmeworkbench.core.pci.PciFunction;
import org.nvmeworkbench.core.spec.Registers;

/**
 * Loses the next admin submission doorbell write when asked: the command sits in memory and the
 * device never hears of it, so the driver's admin timeout and Abort can be exercised.
 */
final class DoorbellDroppingPci extends ForwardingPci {
    boolean dropNextAdminDoorbell;

    DoorbellDroppingPci(PciFunction inner) {
        super(inner);
    }

    @Override
    public void mmioWrite32(int offset, int value) {
        if (dropNextAdminDoorbell && offset == Registers.sqTailDoorbell(0, 0)) {
            dropNextAdminDoorbell = false;
            return;
        }
        inner.mmioWrite32(offset, value);
    }
}
