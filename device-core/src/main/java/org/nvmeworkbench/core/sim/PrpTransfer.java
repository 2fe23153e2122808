package org.nvmeworkbench.core.sim;

import java.nio.ByteBuffer;

import org.nvmeworkbench.core.spec.StatusCode;

/**
 * Moves a command's data between host memory and the device along its PRPs (NVMe base spec, "Physical
 * Region Page Entry and List"): PRP1 may carry a dword-aligned offset into its page; a transfer that
 * ends within the next page takes PRP2 as that page; a longer one takes PRP2 as a pointer to a PRP
 * list, whose entries are page aligned and whose last entry chains to the next list page when more
 * entries are needed. Any violation is Invalid PRP Offset; memory the host never allocated is a Data
 * Transfer Error.
 *
 * <p>Each walk either only validates, or copies; callers validate first so a bad PRP never leaves a
 * transfer half done.
 */
final class PrpTransfer {
    static final int VALIDATE = 0;
    /** Namespace data to host memory (Read). */
    static final int STORE_TO_HOST = 1;
    /** Host memory to namespace data (Write). */
    static final int HOST_TO_STORE = 2;
    /** A controller structure (Identify, log page) to host memory. */
    static final int ARRAY_TO_HOST = 3;
    /** Host memory to a controller structure (the ranges of a Dataset Management). */
    static final int HOST_TO_ARRAY = 4;

    private final DmaSpace dma;
    private final NamespaceStore store;

    PrpTransfer(DmaSpace dma, NamespaceStore store) {
        this.dma = dma;
        this.store = store;
    }

    /**
     * Walks {@code length} bytes. {@code storeOffset} is the namespace byte offset (store operations);
     * {@code array} the source for {@link #ARRAY_TO_HOST}, the destination for {@link #HOST_TO_ARRAY}. Returns a status code (0 = success).
     */
    int walk(int op, long prp1, long prp2, int length, int pageSize, long storeOffset, byte[] array) {
        long pageMask = pageSize - 1;
        if ((prp1 & 3) != 0) {
            return StatusCode.INVALID_PRP_OFFSET;
        }
        int first = (int) Math.min(length, pageSize - (prp1 & pageMask));
        int st = segment(op, prp1, first, 0, storeOffset, array);
        if (st != 0) {
            return st;
        }
        int done = first;
        int remaining = length - first;
        if (remaining == 0) {
            return 0;
        }
        if (remaining <= pageSize) {
            if ((prp2 & pageMask) != 0) {
                return StatusCode.INVALID_PRP_OFFSET;
            }
            return segment(op, prp2, remaining, done, storeOffset, array);
        }
        long list = prp2;
        if ((list & 7) != 0) {
            return StatusCode.INVALID_PRP_OFFSET;
        }
        while (remaining > 0) {
            int entriesHere = (int) ((pageSize - (list & pageMask)) >>> 3);
            int region = dma.find(list, entriesHere * 8);
            if (region < 0) {
                return StatusCode.DATA_TRANSFER_ERROR;
            }
            ByteBuffer lb = dma.buffer(region);
            int at = dma.offset(region, list);
            boolean chained = false;
            for (int i = 0; i < entriesHere && remaining > 0; i++) {
                long entry = lb.getLong(at + i * 8);
                if ((entry & pageMask) != 0) {
                    return StatusCode.INVALID_PRP_OFFSET;
                }
                if (i == entriesHere - 1 && remaining > pageSize) {
                    list = entry; // the last entry points to the next list page
                    chained = true;
                    break;
                }
                int n = Math.min(remaining, pageSize);
                st = segment(op, entry, n, done, storeOffset, array);
                if (st != 0) {
                    return st;
                }
                done += n;
                remaining -= n;
            }
            if (!chained && remaining > 0) {
                return StatusCode.INVALID_PRP_OFFSET;
            }
        }
        return 0;
    }

    private int segment(int op, long bus, int length, int done, long storeOffset, byte[] array) {
        int region = dma.find(bus, length);
        if (region < 0) {
            return StatusCode.DATA_TRANSFER_ERROR;
        }
        if (op == VALIDATE) {
            return 0;
        }
        ByteBuffer b = dma.buffer(region);
        int at = dma.offset(region, bus);
        switch (op) {
            case STORE_TO_HOST:
                store.read(storeOffset + done, b, at, length);
                break;
            case HOST_TO_STORE:
                store.write(storeOffset + done, b, at, length);
                break;
            case ARRAY_TO_HOST: {
                int n = Math.max(0, Math.min(length, array.length - done));
                if (n > 0) {
                    b.put(at, array, done, n);
                }
                for (int i = n; i < length; i++) {
                    b.put(at + i, (byte) 0);
                }
                break;
            }
            case HOST_TO_ARRAY:
                b.get(at, array, done, Math.min(length, array.length - done));
                break;
            default:
                throw new IllegalStateException("Unknown transfer " + op);
        }
        return 0;
    }
}
