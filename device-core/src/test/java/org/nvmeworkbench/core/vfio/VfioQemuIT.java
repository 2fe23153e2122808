package org.nvmeworkbench.core.vfio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.driver.AdminResult;
import org.nvmeworkbench.core.driver.DriverOptions;
import org.nvmeworkbench.core.driver.IoQueuePair;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.pci.InterruptMode;
import org.nvmeworkbench.core.pci.PciFunction;
import org.nvmeworkbench.core.pci.VectorSet;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.spec.Registers;
import org.nvmeworkbench.core.spec.StatusCode;
import org.nvmeworkbench.core.workload.ReadWrite;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.workload.WorkloadRunner;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * The VFIO backend against a real controller: QEMU's emulated NVMe behind an emulated IOMMU, started by
 * scripts/qemu-vfio/ci-vfio.sh, which sets NVME_BDF. Everything goes through the same driver and
 * workload runner as the simulator. Skipped anywhere else (no NVME_BDF or no /dev/vfio).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VfioQemuIT {
    /**
     * Open/close cycles without the controller (every fd and mapping of an attach), and full attach/detach
     * cycles with the bring-up. Under TCG a full cycle (open, bring-up, Identify, Number of Queues, detach)
     * takes ~280 ms, so the thousand cycles skip the bring-up and 50 full ones cover it. A cycle loop that
     * overruns the budget stops and fails rather than holding CI.
     */
    private static final int CYCLES = Integer.getInteger("vfio.cycles", 1000);
    private static final int FULL_CYCLES = Integer.getInteger("vfio.fullCycles", 50);
    private static final long CYCLE_BUDGET_NANOS = Long.getLong("vfio.cycleBudgetSeconds", 240) * 1_000_000_000L;
    private static final long SCRATCH_LBA = 2048;

    private static String bdf;
    private static PciFunction pci;
    private static NvmeController ctrl;

    @BeforeAll
    static void attach() {
        bdf = System.getenv("NVME_BDF");
        assumeTrue(bdf != null && !bdf.isBlank(), "NVME_BDF is not set: no controller is handed to VFIO here "
                + "(scripts/qemu-vfio/ci-vfio.sh provides one in a QEMU guest)");
        assumeTrue(Files.isDirectory(Path.of("/dev/vfio")), "/dev/vfio does not exist: VFIO is not available on this machine");
        pci = new VfioDeviceProvider().open("vfio:" + bdf, DeviceOptions.DEFAULT);
        ctrl = NvmeController.attach(pci, DriverOptions.DEFAULT.withIoQueues(2));
    }

    @AfterAll
    static void detach() {
        if (ctrl != null) {
            ctrl.close();
        }
        if (pci != null) {
            pci.close();
        }
    }

    @Test
    @Order(1)
    void identifyNamesQemusController() {
        assertThat(ctrl.identifyController().mn().trim()).isEqualTo("QEMU NVMe Ctrl");
        assertThat(ctrl.identifyController().vid()).isEqualTo(0x1B36);
        note("identify: model '" + ctrl.identifyController().mn().trim() + "', BAR0 " + pci.bar0Size() + " bytes, "
                + ((VfioPciFunction) pci).bar0MappedBytes() + " mapped, " + pci.vectorCount() + " MSI-X vectors");
    }

    @Test
    @Order(2)
    void interruptCoalescingReadsZero() {
        AdminResult r = ctrl.getFeature(FeatureId.INTERRUPT_COALESCING, FeatureId.SEL_CURRENT, 0);

        assertThat(r.ok()).as(r.describe()).isTrue();
        assertThat(r.dw0()).isZero();
    }

    @Test
    @Order(3)
    void settingInterruptCoalescingIsRefusedAsNotChangeable() {
        AdminResult r = ctrl.setFeature(FeatureId.INTERRUPT_COALESCING, 0x0207, false);

        assertThat(r.status()).isEqualTo(StatusCode.FEATURE_NOT_CHANGEABLE);
        assertThat(StatusCode.describe(r.status())).isEqualTo("Feature Not Changeable (SCT 1h, SC 0Eh)");
        note("set 08h: " + StatusCode.describe(r.status()));
    }

    @Test
    @Order(4)
    void readWorkloadCompletesAndCountsInterruptsPerVector() {
        WorkloadSpec spec = WorkloadSpec.defaults().withRw(ReadWrite.parse("randread")).withIodepth(16).withLimits(0, 500);

        RunRecord r = new WorkloadRunner().run(ctrl, spec, null);

        assertThat(r.totals().ios()).isEqualTo(500);
        assertThat(r.totals().errors()).isZero();
        assertThat(r.iops()).isPositive();
        assertThat(r.vectors()).anySatisfy(v -> {
            assertThat(v.iv()).isEqualTo(1);
            assertThat(v.interrupts()).isPositive();
        });
        assertThat(pci.interruptCpuNanos()).isPositive();
        note(String.format("randread: %d ios, %.0f IOPS, %d interrupts, %.2f completions per interrupt", r.totals().ios(), r.iops(),
                r.totals().interrupts(), r.completionsPerInterrupt()));
    }

    @Test
    @Order(5)
    void writtenDataReadsBackIdentical() {
        IoQueuePair q = ctrl.createIoQueuePair(1, 8, 1, 4096);
        try {
            int blocks = 4096 / q.lbaSize();
            ByteBuffer data = q.dataRegion().buffer();
            int at = q.slotOffset(0);
            byte[] written = new byte[4096];
            for (int i = 0; i < written.length; i++) {
                written[i] = (byte) (i * 31 + 7);
                data.put(at + i, written[i]);
            }
            assertThat(q.submitWrite(0, SCRATCH_LBA, blocks)).isTrue();
            assertThat(complete(q)).as("write status").isEqualTo(StatusCode.SUCCESS);
            for (int i = 0; i < written.length; i++) {
                data.put(at + i, (byte) 0);
            }
            assertThat(q.submitRead(0, SCRATCH_LBA, blocks)).isTrue();
            assertThat(complete(q)).as("read status").isEqualTo(StatusCode.SUCCESS);

            byte[] read = new byte[4096];
            for (int i = 0; i < read.length; i++) {
                read[i] = data.get(at + i);
            }
            assertThat(read).isEqualTo(written);
        } finally {
            ctrl.deleteIoQueuePair(q);
        }
    }

    /** Rings the doorbell and waits (by interrupt, rechecking the ring) for the one command in flight. */
    private static int complete(IoQueuePair q) {
        int[] status = {-1};
        q.ringSqDoorbell();
        VectorSet vs = VectorSet.of(q.vector());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (status[0] < 0 && System.nanoTime() < deadline) {
            pci.awaitInterrupt(vs, 100_000_000L);
            q.reapCompletions((qid, cid, st, result) -> status[0] = st);
        }
        return status[0];
    }

    @Test
    @Order(6)
    void registersReadAndWriteTheSameThroughTheDeviceFdAsThroughTheMapping() {
        VfioPciFunction f = (VfioPciFunction) pci;
        RegionInfo r = f.bar0Region();
        // No mmappable area: every access takes the pread/pwrite path a sparse BAR uses for its holes.
        BarMapping viaFd = BarMapping.map(f.deviceFd(), new RegionInfo(r.index(), r.flags(), r.size(), r.offset(), List.of()));
        try {
            assertThat(viaFd.mappedBytes()).isZero();
            for (int reg : new int[] {Registers.CAP, Registers.CAP + 4, Registers.VS, Registers.CC, Registers.CSTS, Registers.AQA}) {
                assertThat(viaFd.read32(reg)).as("register 0x%x", reg).isEqualTo(pci.mmioRead32(reg));
            }
            int aqa = pci.mmioRead32(Registers.AQA); // only read at enable time, so safe to change and restore
            viaFd.write32(Registers.AQA, 0x000F_000F);
            assertThat(pci.mmioRead32(Registers.AQA)).isEqualTo(0x000F_000F);
            viaFd.write32(Registers.AQA, aqa);
            assertThat(pci.mmioRead32(Registers.AQA)).isEqualTo(aqa);
        } finally {
            viaFd.close();
        }
    }

    @Test
    @Order(7)
    void waitingAndRegisterReadsAllocateNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        VectorSet vs = VectorSet.of(1);
        long sink = 0;
        for (int i = 0; i < 2_000; i++) { // warm up: class loading and first calls allocate
            sink += pci.awaitInterrupt(vs, 0) + pci.mmioRead32(Registers.CSTS) + pci.interruptCount(1);
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 10_000; i++) {
            sink += pci.awaitInterrupt(vs, 0) + pci.mmioRead32(Registers.CSTS) + pci.interruptCount(1);
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;

        note("hot path: " + allocated + " bytes allocated by 10000 waits and register reads (" + sink % 2 + ")");
        assertThat(allocated).as("bytes allocated by 10000 waits and register reads").isLessThan(1024);
    }

    @Test
    @Order(8)
    void functionResetLeavesTheControllerDisabledAndTheDriverBringsItBack() {
        pci.resetFunction();

        assertThat(Registers.cstsReady(pci.mmioRead32(Registers.CSTS))).isFalse();
        assertThat(ctrl.reset()).isEmpty();
        drain(0);
        long irqs = pci.interruptCount(0);
        assertThat(ctrl.getFeature(FeatureId.INTERRUPT_COALESCING, FeatureId.SEL_CURRENT, 0).ok()).isTrue();
        if (pci.interruptCount(0) == irqs) {
            // The driver found the completion before its interrupt and did not wait: take the signal now.
            assertThat(pci.awaitInterrupt(VectorSet.of(0), 2_000_000_000L)).as("admin vector signalled after a reset").isZero();
        }
        assertThat(pci.interruptCount(0)).as("admin vector count after a reset").isGreaterThan(irqs);
    }

    /** Consumes signals of {@code vector} that nobody waited for: a count moves only when a signal is taken. */
    private static void drain(int vector) {
        while (pci.awaitInterrupt(VectorSet.of(vector), 0) >= 0) {
            Thread.onSpinWait();
        }
    }

    @Test
    @Order(9)
    void maskedVectorHoldsItsSignalUntilUnmasked() {
        drain(0);
        pci.maskVector(0);
        long before = pci.interruptCount(0);
        // The admin command completes anyway: the driver rechecks the ring after its interrupt slice.
        assertThat(ctrl.getFeature(FeatureId.INTERRUPT_COALESCING, FeatureId.SEL_CURRENT, 0).ok()).isTrue();

        assertThat(pci.isMasked(0)).isTrue();
        // QEMU writes the CQE before it signals the vector (on another thread), so the driver can see the
        // completion a moment before the PBA bit is set: give the bit a bounded moment to appear.
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (!pci.isPending(0) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(pci.isPending(0)).as("PBA bit of the masked admin vector").isTrue();
        assertThat(pci.interruptCount(0)).isEqualTo(before);
        pci.unmaskVector(0);
        assertThat(pci.isPending(0)).isFalse();
        assertThat(pci.interruptCount(0)).isGreaterThan(before);
        assertThat(pci.awaitInterrupt(VectorSet.of(0), 0)).isZero();
    }

    @Test
    @Order(10)
    void thousandOpenCloseCyclesLeakNoFdMappingOrPinnedPage() throws IOException {
        detach(); // the group can be open once per process: give it back first
        ctrl = null;
        pci = null;
        VfioDeviceProvider provider = new VfioDeviceProvider();
        lightCycle(provider, false); // loads every class once, so the counts below are steady state
        long t0 = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            lightCycle(provider, false);
        }
        double withResetMs = (System.nanoTime() - t0) / 3e6;
        ResetMethod reset = ResetMethod.disable(bdf);
        try {
            ProcessResources before = ProcessResources.now();
            long start = System.nanoTime();
            int done = 0;
            while (done < CYCLES && System.nanoTime() - start < CYCLE_BUDGET_NANOS) {
                // every 100th cycle also looks at the resources while they are held, so the probes are shown to see them
                lightCycle(provider, done % 100 == 50 || done == CYCLES - 1);
                done++;
            }
            long took = System.nanoTime() - start;
            ProcessResources after = ProcessResources.now();

            note(String.format("open/close (DMA maps, MSI-X eventfds, no controller enable): %d cycles in %.1f s (%.1f ms each; "
                    + "%.0f ms each with the kernel's function reset, %s); before: %s; after: %s", done, took / 1e9,
                    took / 1e6 / Math.max(1, done), withResetMs, reset.what(), before.describe(), after.describe()));
            assertThat(done).as("open/close cycles done in %d s", CYCLE_BUDGET_NANOS / 1_000_000_000L).isEqualTo(CYCLES);
            assertThat(after).as("fds, mappings and pinned memory after %d cycles", done).isEqualTo(before);
        } finally {
            reset.close();
        }
    }

    @Test
    @Order(11)
    void fullBringUpCyclesLeakNothing() throws IOException {
        VfioDeviceProvider provider = new VfioDeviceProvider();
        cycle(provider);
        ProcessResources before = ProcessResources.now();
        long t0 = System.nanoTime();
        int done = 0;
        while (done < FULL_CYCLES && System.nanoTime() - t0 < CYCLE_BUDGET_NANOS) {
            cycle(provider);
            done++;
        }
        long took = System.nanoTime() - t0;
        ProcessResources after = ProcessResources.now();

        note(String.format("attach/detach with controller bring-up: %d cycles in %.1f s (%.1f ms each); before: %s; after: %s",
                done, took / 1e9, took / 1e6 / Math.max(1, done), before.describe(), after.describe()));
        assertThat(done).as("full attach/detach cycles done in %d s", CYCLE_BUDGET_NANOS / 1_000_000_000L).isEqualTo(FULL_CYCLES);
        assertThat(after).as("fds, mappings and pinned memory after %d full cycles", done).isEqualTo(before);
    }

    /**
     * Everything an attach opens except the controller bring-up: container, group, device fd, BAR0 mapping
     * (opened by the provider), two DMA regions through IOMMU_MAP_DMA, MSI-X eventfds bound, unbound and
     * bound again through SET_IRQS; one region is closed by its owner, the rest by close(). With
     * {@code look}, checks that the probes see all of it while held and none of it afterwards.
     */
    private static void lightCycle(VfioDeviceProvider provider, boolean look) throws IOException {
        ProcessResources idle = look ? ProcessResources.now() : null;
        VfioPciFunction f = (VfioPciFunction) provider.open("vfio:" + bdf, DeviceOptions.DEFAULT);
        long[][] dma = new long[2][];
        try {
            VfioDmaRegion sq = (VfioDmaRegion) f.allocateDma(4096);
            VfioDmaRegion data = (VfioDmaRegion) f.allocateDma(64 * 1024);
            dma[0] = new long[] {sq.hostAddress(), sq.mappedLength()};
            dma[1] = new long[] {data.hostAddress(), data.mappedLength()};
            assertThat(f.enableInterrupts(InterruptMode.MSIX, 3)).isEqualTo(3);
            assertThat(f.enableInterrupts(InterruptMode.MSIX, 2)).isEqualTo(2);
            assertThat(f.awaitInterrupt(VectorSet.of(0, 1), 0)).isEqualTo(-1);
            assertThat(Registers.cstsReady(f.mmioRead32(Registers.CSTS))).isFalse();
            if (look) {
                ProcessResources held = ProcessResources.now();
                List<long[]> maps = ProcessResources.mappings();
                assertThat(held.vfioFds()).as("VFIO fds held: container, group, device").isEqualTo(idle.vfioFds() + 3);
                assertThat(held.eventfds()).as("MSI-X eventfds held").isEqualTo(idle.eventfds() + 2);
                assertThat(held.vfioMappings()).as("BAR0 mappings held").isGreaterThan(idle.vfioMappings());
                assertThat(held.lockedKib()).as("KiB pinned by IOMMU_MAP_DMA").isEqualTo(idle.lockedKib() + 68);
                for (long[] r : dma) {
                    assertThat(ProcessResources.anyMapped(maps, r[0], r[1])).as("DMA region at 0x%x mapped", r[0]).isTrue();
                }
            }
            sq.close();
        } finally {
            f.close();
        }
        if (look) {
            List<long[]> maps = ProcessResources.mappings();
            for (long[] r : dma) {
                assertThat(ProcessResources.anyMapped(maps, r[0], r[1])).as("DMA region at 0x%x after close", r[0]).isFalse();
            }
            assertThat(ProcessResources.now()).as("resources after one cycle").isEqualTo(idle);
        }
    }

    private static void cycle(VfioDeviceProvider provider) {
        PciFunction f = provider.open("vfio:" + bdf, DeviceOptions.DEFAULT);
        try {
            NvmeController c = NvmeController.attach(f, DriverOptions.DEFAULT.withIoQueues(1));
            c.close();
        } finally {
            f.close();
        }
    }

    /**
     * The kernel resets the function (FLR, 100 ms by PCIe r4.0 6.6.2) each time the device fd is first
     * opened and last closed: ~200 ms per cycle that is the kernel's, not ours. For the thousand cycles,
     * the function's reset_method is emptied (Linux 5.15+), so vfio-pci skips it; "default" restores it.
     */
    private record ResetMethod(Path file, String was) implements AutoCloseable {
        static ResetMethod disable(String bdf) {
            Path file = Path.of("/sys/bus/pci/devices", bdf, "reset_method");
            try {
                String was = Files.readString(file).trim();
                Files.writeString(file, "\n");
                return new ResetMethod(file, was);
            } catch (IOException e) {
                return new ResetMethod(null, "kept: " + e.getMessage());
            }
        }

        String what() {
            return file == null ? "function reset " + was : "function reset (" + was + ") turned off for these cycles";
        }

        @Override
        public void close() throws IOException {
            if (file != null) {
                Files.writeString(file, "default\n");
            }
        }
    }

    /** A line for ci-vfio.sh's summary, when it gave us a results directory. */
    private static void note(String line) {
        String dir = System.getenv("VFIO_RESULTS");
        if (dir == null) {
            return;
        }
        try {
            Files.writeString(Path.of(dir, "it-notes.txt"), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
