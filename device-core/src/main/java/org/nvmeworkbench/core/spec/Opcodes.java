package org.nvmeworkbench.core.spec;

/** Admin and NVM I/O command opcodes (NVMe base and NVM command set specs). */
public final class Opcodes {
    private Opcodes() {
    }

    // Admin
    public static final int DELETE_IO_SQ = 0x00;
    public static final int CREATE_IO_SQ = 0x01;
    public static final int GET_LOG_PAGE = 0x02;
    public static final int DELETE_IO_CQ = 0x04;
    public static final int CREATE_IO_CQ = 0x05;
    public static final int IDENTIFY = 0x06;
    public static final int ABORT = 0x08;
    public static final int SET_FEATURES = 0x09;
    public static final int GET_FEATURES = 0x0A;
    public static final int ASYNC_EVENT_REQUEST = 0x0C;

    // NVM I/O
    public static final int FLUSH = 0x00;
    public static final int WRITE = 0x01;
    public static final int READ = 0x02;
    /** Dataset Management (NVM Command Set spec, 3.2.3): ranges in a data buffer; AD deallocates them. */
    public static final int DATASET_MANAGEMENT = 0x09;
    /** Dataset Management CDW11 bit 2, Attribute - Deallocate (AD). */
    public static final int DSM_DEALLOCATE = 1 << 2;
    /** Bytes of one Dataset Management range: context attributes, length in blocks, starting LBA. */
    public static final int DSM_RANGE_BYTES = 16;
    /** Identify Controller ONCS bit 2: the controller supports Dataset Management. */
    public static final int ONCS_DATASET_MANAGEMENT = 1 << 2;

    // Identify CNS values
    public static final int CNS_NAMESPACE = 0x00;
    public static final int CNS_CONTROLLER = 0x01;
    public static final int CNS_ACTIVE_NSID_LIST = 0x02;

    public static String adminName(int opcode) {
        switch (opcode) {
            case DELETE_IO_SQ: return "Delete I/O Submission Queue";
            case CREATE_IO_SQ: return "Create I/O Submission Queue";
            case GET_LOG_PAGE: return "Get Log Page";
            case DELETE_IO_CQ: return "Delete I/O Completion Queue";
            case CREATE_IO_CQ: return "Create I/O Completion Queue";
            case IDENTIFY: return "Identify";
            case ABORT: return "Abort";
            case SET_FEATURES: return "Set Features";
            case GET_FEATURES: return "Get Features";
            case ASYNC_EVENT_REQUEST: return "Asynchronous Event Request";
            default: return String.format("Admin opcode %02xh", opcode);
        }
    }

    public static String ioName(int opcode) {
        switch (opcode) {
            case FLUSH: return "Flush";
            case WRITE: return "Write";
            case READ: return "Read";
            case DATASET_MANAGEMENT: return "Dataset Management";
            default: return String.format("I/O opcode %02xh", opcode);
        }
    }
}
