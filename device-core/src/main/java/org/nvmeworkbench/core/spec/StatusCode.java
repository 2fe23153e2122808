package org.nvmeworkbench.core.spec;

/**
 * Completion status: Status Code Type (SCT) and Status Code (SC) packed as {@code (sct << 8) | sc},
 * the 11 bits of the CQE status field without the phase tag. Names follow the NVMe base spec.
 */
public final class StatusCode {
    private StatusCode() {
    }

    public static final int SCT_GENERIC = 0;
    public static final int SCT_COMMAND_SPECIFIC = 1;
    public static final int SCT_MEDIA = 2;

    public static int code(int sct, int sc) {
        return ((sct & 0x7) << 8) | (sc & 0xFF);
    }

    public static int sct(int status) { return (status >>> 8) & 0x7; }
    public static int sc(int status) { return status & 0xFF; }

    // Generic (SCT 0h)
    public static final int SUCCESS = code(0, 0x00);
    public static final int INVALID_OPCODE = code(0, 0x01);
    public static final int INVALID_FIELD = code(0, 0x02);
    public static final int COMMAND_ID_CONFLICT = code(0, 0x03);
    public static final int DATA_TRANSFER_ERROR = code(0, 0x04);
    public static final int INTERNAL_ERROR = code(0, 0x06);
    public static final int ABORT_REQUESTED = code(0, 0x07);
    public static final int ABORTED_SQ_DELETION = code(0, 0x08);
    public static final int INVALID_NAMESPACE = code(0, 0x0B);
    public static final int COMMAND_SEQUENCE_ERROR = code(0, 0x0C);
    public static final int INVALID_PRP_OFFSET = code(0, 0x13);
    public static final int LBA_OUT_OF_RANGE = code(0, 0x80);

    // Command specific (SCT 1h)
    public static final int COMPLETION_QUEUE_INVALID = code(1, 0x00);
    public static final int INVALID_QUEUE_IDENTIFIER = code(1, 0x01);
    public static final int INVALID_QUEUE_SIZE = code(1, 0x02);
    public static final int ABORT_COMMAND_LIMIT_EXCEEDED = code(1, 0x03);
    public static final int INVALID_INTERRUPT_VECTOR = code(1, 0x08);
    public static final int INVALID_QUEUE_DELETION = code(1, 0x0C);
    public static final int FEATURE_NOT_SAVEABLE = code(1, 0x0D);
    public static final int FEATURE_NOT_CHANGEABLE = code(1, 0x0E);
    public static final int FEATURE_NOT_NAMESPACE_SPECIFIC = code(1, 0x0F);

    // Media and data integrity (SCT 2h)
    public static final int UNRECOVERED_READ_ERROR = code(2, 0x81);

    public static boolean isSuccess(int status) {
        return status == SUCCESS;
    }

    /** The spec's name, e.g. "Invalid Field in Command". */
    public static String name(int status) {
        switch (status) {
            case 0x000: return "Successful Completion";
            case 0x001: return "Invalid Command Opcode";
            case 0x002: return "Invalid Field in Command";
            case 0x003: return "Command ID Conflict";
            case 0x004: return "Data Transfer Error";
            case 0x006: return "Internal Error";
            case 0x007: return "Command Abort Requested";
            case 0x008: return "Command Aborted due to SQ Deletion";
            case 0x00B: return "Invalid Namespace or Format";
            case 0x00C: return "Command Sequence Error";
            case 0x013: return "Invalid PRP Offset";
            case 0x080: return "LBA Out of Range";
            case 0x100: return "Completion Queue Invalid";
            case 0x101: return "Invalid Queue Identifier";
            case 0x102: return "Invalid Queue Size";
            case 0x103: return "Abort Command Limit Exceeded";
            case 0x108: return "Invalid Interrupt Vector";
            case 0x10C: return "Invalid Queue Deletion";
            case 0x10D: return "Feature Identifier Not Saveable";
            case 0x10E: return "Feature Not Changeable";
            case 0x10F: return "Feature Not Namespace Specific";
            case 0x281: return "Unrecovered Read Error";
            default: return String.format("Status SCT %Xh SC %02Xh", sct(status), sc(status));
        }
    }

    /** e.g. "Invalid Field in Command (SCT 0h, SC 02h)". */
    public static String describe(int status) {
        return String.format("%s (SCT %Xh, SC %02Xh)", name(status), sct(status), sc(status));
    }
}
