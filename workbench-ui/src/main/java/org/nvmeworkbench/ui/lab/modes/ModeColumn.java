package org.nvmeworkbench.ui.lab.modes;

import java.util.List;
import java.util.Locale;

import org.nvmeworkbench.core.lab.InterruptModeComparison.ModeFigures;
import org.nvmeworkbench.core.pci.InterruptMode;

/**
 * One interrupt mode's column, from its real run ({@link ModeFigures}).
 *
 * @param inUse whether the loaded scenario itself runs in this mode
 */
public record ModeColumn(ModeFigures figures, boolean inUse) {

    public InterruptMode mode() {
        return figures.mode();
    }

    public String title() {
        return title(figures.mode());
    }

    static String title(InterruptMode m) {
        switch (m) {
            case PIN: return "Pin-based (INTx)";
            case MSI: return "MSI";
            default: return "MSI-X";
        }
    }

    /** The mechanism in one line (docs/nvme-reference.md, "MSI, MSI-X, pin-based"). */
    public String mechanism() {
        switch (figures.mode()) {
            case PIN: return "one shared line for every queue; host masks it with INTMS, unmasks with INTMC";
            case MSI: return "up to 32 contiguous vectors (a power of two, MME); masked with INTMS/INTMC";
            default: return "a vector per queue: table entry with its mask bit, pending bit in the PBA";
        }
    }

    public String interruptsText() {
        return String.format(Locale.ROOT, "%,d", figures.interrupts());
    }

    public String perSecondText() {
        return String.format(Locale.ROOT, "%,.0f", figures.interruptsPerSecond());
    }

    public String completionsPerInterruptText() {
        return String.format(Locale.ROOT, "%.1f", figures.completionsPerInterrupt());
    }

    public String vectorsText() {
        List<Integer> v = figures.vectorsUsed();
        if (figures.mode() == InterruptMode.PIN) {
            return "1 line (INTx)";
        }
        if (v.isEmpty()) {
            return "none";
        }
        return v.size() + " (IV " + (v.size() == 1 ? v.get(0) : v.get(0) + "-" + v.get(v.size() - 1)) + ")";
    }

    public String p99Text() {
        return String.format(Locale.ROOT, "%.1f us", figures.readP99Nanos() / 1e3);
    }

    /** Interrupts the driver's handler took: signals that arrive before the host wakes are taken as one. */
    public String takenText() {
        return String.format(Locale.ROOT, "%,d", figures.hostWork().interrupts());
    }

    /** CQs the handler examined per interrupt it took, as it counted them. */
    public String cqsExaminedText() {
        return String.format(Locale.ROOT, "%.1f", figures.hostWork().cqsExaminedPerInterrupt());
    }

    /** Of those, the examinations that found nothing. */
    public String emptyText() {
        return String.format(Locale.ROOT, "%.1f empty", figures.hostWork().emptyExaminationsPerInterrupt());
    }

    /** INTMS plus INTMC writes per interrupt taken. */
    public String maskWritesText() {
        return String.format(Locale.ROOT, "%.1f", figures.hostWork().maskWritesPerInterrupt());
    }

    /** CQ head doorbell writes per interrupt taken. */
    public String doorbellsText() {
        return String.format(Locale.ROOT, "%.1f", figures.hostWork().cqHeadDoorbellsPerInterrupt());
    }

    public String cpuText() {
        return String.format(Locale.ROOT, "%.1f %%", figures.hostIrqCpuPct());
    }
}
