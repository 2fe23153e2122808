package org.nvmeworkbench.core.driver;

import org.nvmeworkbench.core.pci.DmaRegion;
import org.nvmeworkbench.core.pci.InterruptMode;
import org.nvmeworkbench.core.pci.PciFunction;
import org.nvmeworkbench.core.pci.VectorSet;

/** A PCI function that passes everything through to another one; tests override what they interpose on. */
class ForwardingPci implements PciFunction {
    protected final PciFunction inner;

    ForwardingPci(PciFunction inner) {
        this.inner = inner;
    }

    @Override public void mmioWrite32(int offset, int value) { inner.mmioWrite32(offset, value); }

    @Override public String name() { return inner.name(); }
    @Override public int configRead8(int offset) { return inner.configRead8(offset); }
    @Override public int configRead16(int offset) { return inner.configRead16(offset); }
    @Override public int configRead32(int offset) { return inner.configRead32(offset); }
    @Override public void configWrite16(int offset, int value) { inner.configWrite16(offset, value); }
    @Override public void configWrite32(int offset, int value) { inner.configWrite32(offset, value); }
    @Override public long bar0Size() { return inner.bar0Size(); }
    @Override public int mmioRead32(int offset) { return inner.mmioRead32(offset); }
    @Override public long mmioRead64(int offset) { return inner.mmioRead64(offset); }
    @Override public void mmioWrite64(int offset, long value) { inner.mmioWrite64(offset, value); }
    @Override public DmaRegion allocateDma(int bytes) { return inner.allocateDma(bytes); }
    @Override public int enableInterrupts(InterruptMode mode, int vectors) { return inner.enableInterrupts(mode, vectors); }
    @Override public InterruptMode interruptMode() { return inner.interruptMode(); }
    @Override public int vectorCount() { return inner.vectorCount(); }
    @Override public int awaitInterrupt(VectorSet vectors, long timeoutNanos) { return inner.awaitInterrupt(vectors, timeoutNanos); }
    @Override public void relax(long maxNanos) { inner.relax(maxNanos); }
    @Override public long interruptCount(int vector) { return inner.interruptCount(vector); }
    @Override public void resetInterruptCounts() { inner.resetInterruptCounts(); }
    @Override public void maskVector(int vector) { inner.maskVector(vector); }
    @Override public void unmaskVector(int vector) { inner.unmaskVector(vector); }
    @Override public boolean isMasked(int vector) { return inner.isMasked(vector); }
    @Override public boolean isPending(int vector) { return inner.isPending(vector); }
    @Override public long interruptCpuNanos() { return inner.interruptCpuNanos(); }
    @Override public long nanoTime() { return inner.nanoTime(); }
    @Override public void resetFunction() { inner.resetFunction(); }
    @Override public void close() { inner.close(); }
}
