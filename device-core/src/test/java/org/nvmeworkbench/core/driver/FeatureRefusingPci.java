package org.nvmeworkbench.core.driver;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.nvmeworkbench.core.pci.DmaRegion;
import org.nvmeworkbench.core.pci.PciFunction;
import org.nvmeworkbench.core.pci.VectorSet;
import org.nvmeworkbench.core.spec.Cqe;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.spec.Opcodes;
import org.nvmeworkbench.core.spec.Registers;
import org.nvmeworkbench.core.spec.Sqe;
import org.nvmeworkbench.core.spec.StatusCode;

/**
 * Makes a controller refuse Set Features for one feature with Feature Not Changeable, the way a
 * device that does not implement it answers: the Set Features SQE is turned into a harmless Get
 * Features before the device sees it, and its completion's status is rewritten before the driver does.
 */
final class FeatureRefusingPci extends ForwardingPci {
    private final int refusedFid;
    private final List<DmaRegion> regions = new ArrayList<>();
    private final Set<Integer> refusedCids = new HashSet<>();
    private long asq;
    private long acq;
    private int adminTail;

    FeatureRefusingPci(PciFunction inner, int refusedFid) {
        super(inner);
        this.refusedFid = refusedFid;
    }

    @Override
    public DmaRegion allocateDma(int bytes) {
        DmaRegion r = inner.allocateDma(bytes);
        regions.add(r);
        return r;
    }

    @Override
    public void mmioWrite64(int offset, long value) {
        if (offset == Registers.ASQ) {
            asq = value;
            adminTail = 0;
        } else if (offset == Registers.ACQ) {
            acq = value;
        }
        inner.mmioWrite64(offset, value);
    }

    @Override
    public void mmioWrite32(int offset, int value) {
        if (offset == Registers.sqTailDoorbell(0, 0)) {
            ByteBuffer sq = at(asq);
            int base = offset(asq);
            for (int i = adminTail; i != value; i = (i + 1) % 4096) {
                int e = base + i * Sqe.SIZE;
                if (Sqe.opcode(sq, e) == Opcodes.SET_FEATURES && (Sqe.cdw(sq, e, 10) & 0xFF) == refusedFid) {
                    refusedCids.add(Sqe.cid(sq, e));
                    sq.put(e, (byte) Opcodes.GET_FEATURES);
                    sq.putInt(e + Sqe.CDW10, FeatureId.cdw10Get(refusedFid, FeatureId.SEL_CURRENT));
                }
            }
            adminTail = value;
        }
        inner.mmioWrite32(offset, value);
    }

    @Override
    public int awaitInterrupt(VectorSet vectors, long timeoutNanos) {
        int v = inner.awaitInterrupt(vectors, timeoutNanos);
        patchCompletions();
        return v;
    }

    @Override
    public void relax(long maxNanos) {
        inner.relax(maxNanos);
        patchCompletions();
    }

    private void patchCompletions() {
        if (refusedCids.isEmpty() || acq == 0) {
            return;
        }
        ByteBuffer cq = at(acq);
        int base = offset(acq);
        for (int i = 0; i < 4096 / Cqe.SIZE && base + (i + 1) * Cqe.SIZE <= cq.capacity(); i++) {
            int e = base + i * Cqe.SIZE;
            int cid = Cqe.cid(cq, e);
            int sw = Cqe.statusWord(cq, e);
            if (refusedCids.contains(cid) && Cqe.status(sw) == StatusCode.SUCCESS && sw != 0) {
                Cqe.write(cq, e, 0, Cqe.sqHead(cq, e), 0, cid, StatusCode.FEATURE_NOT_CHANGEABLE, true, sw & 1);
                refusedCids.remove(cid);
            }
        }
    }

    private DmaRegion region(long bus) {
        for (DmaRegion r : regions) {
            if (bus >= r.busAddress() && bus < r.busAddress() + r.size()) {
                return r;
            }
        }
        throw new IllegalStateException("no region at " + Long.toHexString(bus));
    }

    private ByteBuffer at(long bus) {
        return region(bus).buffer();
    }

    private int offset(long bus) {
        return (int) (bus - region(bus).busAddress());
    }
}
