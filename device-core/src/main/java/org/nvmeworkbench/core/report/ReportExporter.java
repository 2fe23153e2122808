package org.nvmeworkbench.core.report;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Extension point: writes a {@link ReportModel} in one file format. Implementations are listed in
 * {@code META-INF/services/org.nvmeworkbench.core.report.ReportExporter} and found by
 * {@link ReportExporters}; the CLI's {@code report --format ID} and the workbench's File > Export use
 * the same registry, so a plugin's format appears in both.
 */
public interface ReportExporter {
    /** The id the user types, e.g. {@code html}, {@code fio-jsonplus}; lower case, unique. */
    String formatId();

    /** The file name extension without the dot, e.g. {@code html}. */
    String fileExtension();

    /** One line for menus and {@code --help}. */
    default String description() {
        return formatId();
    }

    /** Whether the format is binary (e.g. PDF), so it goes to a file rather than a terminal. */
    default boolean binary() {
        return false;
    }

    /** Writes the whole report to {@code out}; does not close it. */
    void export(ReportModel model, OutputStream out) throws IOException;
}
