package org.nvmeworkbench.core.report;

import java.util.List;

import org.jfree.chart.JFreeChart;

/**
 * A section placed before a report's run sections (e.g. a sweep's recommendation and charts), in no
 * particular format: each exporter draws the charts its own way (inline SVG in HTML, vector paths in PDF).
 *
 * @param id           a short key, e.g. {@code sweep}; HTML uses it as the element id
 * @param heading      the section's title
 * @param paragraphs   plain text
 * @param preformatted text shown as is in a fixed-width font (e.g. a table), or empty
 * @param charts       charts with their captions
 */
public record ReportSection(String id, String heading, List<String> paragraphs, String preformatted, List<Chart> charts) {
    public ReportSection {
        paragraphs = List.copyOf(paragraphs);
        charts = List.copyOf(charts);
    }

    /**
     * One chart of a section.
     *
     * @param chart   drawn by {@link ChartFactory}
     * @param width   its width in CSS pixels at 100 % (PDF scales it to the page)
     * @param height  its height in the same units
     * @param caption one sentence under it
     */
    public record Chart(JFreeChart chart, int width, int height, String caption) {
    }
}
