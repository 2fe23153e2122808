package org.nvmeworkbench.core.report;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.jfree.chart.JFreeChart;

/**
 * A printable A4 PDF with the same content as the HTML report: provenance, summary (with deltas when
 * several runs are compared), the percentile table, the charts of {@link ChartFactory} drawn as vectors
 * ({@link PdfChart}), and the interrupts of every MSI-X vector.
 */
public final class PdfExporter implements ReportExporter {
    /** Charts are laid out at this width and scaled to the text column, so their fonts print at about 8 to 11 pt. */
    static final float CHART_LAYOUT_WIDTH = 680;

    private static final Color GREY = new Color(0x666666);
    private static final Color HEADER = new Color(0xF0F0F0);
    private static final Color NINES = new Color(0xFBFBF2);
    private static final Color BETTER = new Color(0x0A7D32);
    private static final Color WORSE = new Color(0xB3261E);
    private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 12, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 9);
    private static final Font META = new Font(Font.HELVETICA, 8, Font.NORMAL, GREY);
    private static final Font CELL = new Font(Font.HELVETICA, 7.5f);
    private static final Font CELL_BOLD = new Font(Font.HELVETICA, 7.5f, Font.BOLD);
    private static final Font MONO = new Font(Font.COURIER, 6.5f);

    @Override
    public String formatId() {
        return "pdf";
    }

    @Override
    public String fileExtension() {
        return "pdf";
    }

    @Override
    public String description() {
        return "PDF: printable A4 document with vector charts";
    }

    @Override
    public boolean binary() {
        return true;
    }

    @Override
    public void export(ReportModel model, OutputStream out) throws IOException {
        write(model, List.of(), out);
    }

    /** The whole document with {@code leading} sections (e.g. a sweep's) before the runs' own. */
    public static void write(ReportModel m, List<ReportSection> leading, OutputStream out) throws IOException {
        Document doc = new Document(PageSize.A4, 36, 36, 40, 40);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setCloseStream(false); // the SPI leaves closing to the caller
            writer.setStrictImageSequence(true); // a chart too tall for the page must not leave its caption behind
            doc.addTitle(m.title());
            doc.addCreator("NVMe Workbench " + m.runs().get(0).toolVersion());
            doc.open();
            Layout l = new Layout(doc, writer, m);
            l.header();
            for (ReportSection s : leading) {
                l.section(s);
            }
            l.provenance();
            l.summary();
            l.percentiles();
            l.charts();
            l.vectors();
            doc.close();
        } catch (DocumentException e) {
            throw new IOException("The PDF could not be laid out: " + e.getMessage(), e);
        }
    }

    /** One document being written. */
    private static final class Layout {
        private final Document doc;
        private final PdfWriter writer;
        private final ReportModel m;

        Layout(Document doc, PdfWriter writer, ReportModel m) {
            this.doc = doc;
            this.writer = writer;
            this.m = m;
        }

        void header() throws DocumentException {
            doc.add(new Paragraph(m.title(), TITLE));
            doc.add(new Paragraph("Generated " + m.generatedAt() + " by NVMe Workbench " + m.runs().get(0).toolVersion()
                    + " from " + m.size() + (m.size() == 1 ? " run" : " runs")
                    + ". Latency is submit-to-completion as the host saw it, in device time.", META));
        }

        void section(ReportSection s) throws DocumentException {
            heading(s.heading());
            for (String p : s.paragraphs()) {
                doc.add(new Paragraph(p, BODY));
            }
            if (!s.preformatted().isEmpty()) {
                Paragraph pre = new Paragraph(s.preformatted(), MONO);
                pre.setSpacingBefore(4);
                doc.add(pre);
            }
            for (ReportSection.Chart c : s.charts()) {
                chart(c.chart(), (float) c.height() / c.width(), c.caption());
            }
        }

        void provenance() throws DocumentException {
            Map<String, String[]> rows = new LinkedHashMap<>();
            for (int i = 0; i < m.size(); i++) {
                for (ReportModel.Field f : m.provenance(i)) {
                    rows.computeIfAbsent(f.name(), k -> new String[m.size()])[i] = f.value();
                }
            }
            heading("Provenance");
            PdfPTable t = table(1 + m.size(), 1.3f);
            t.addCell(head(""));
            runHeaders(t, false);
            t.setHeaderRows(1);
            for (Map.Entry<String, String[]> e : rows.entrySet()) {
                t.addCell(head(e.getKey()));
                for (String v : e.getValue()) {
                    t.addCell(cell(v == null ? "" : v, Element.ALIGN_LEFT, null, null));
                }
            }
            doc.add(t);
        }

        void summary() throws DocumentException {
            heading(m.size() > 1 ? "Comparison" : "Summary");
            PdfPTable t = table(1 + m.size() + (m.size() - 1), 1.2f);
            t.addCell(head(""));
            runHeaders(t, m.size() > 1);
            t.setHeaderRows(1);
            for (ReportModel.Metric x : m.summary()) {
                t.addCell(head(x.metric()));
                for (int i = 0; i < m.size(); i++) {
                    t.addCell(number(x.format(i), null));
                }
                for (int i = 1; i < m.size(); i++) {
                    t.addCell(delta(x.delta(i), x.values()[i] - x.values()[0], x.latency()));
                }
            }
            doc.add(t);
        }

        void percentiles() throws DocumentException {
            heading("Completion latency percentiles");
            doc.add(new Paragraph("fio's default percentile list and the nines to 99.9999, from full-resolution "
                    + "HdrHistogram data.", META));
            PdfPTable t = table(1 + m.size() + (m.size() - 1), 0.6f);
            t.addCell(head("Percentile"));
            runHeaders(t, m.size() > 1);
            t.setHeaderRows(1);
            for (ReportModel.PercentileRow r : m.percentileTable()) {
                Color bg = r.percentile() >= 99.9 ? NINES : null;
                PdfPCell p = cell(Percentiles.label(r.percentile()), Element.ALIGN_RIGHT, CELL_BOLD, bg);
                t.addCell(p);
                for (long v : r.nanos()) {
                    t.addCell(number(Figures.latency(v), bg));
                }
                for (int i = 1; i < m.size(); i++) {
                    t.addCell(delta(Figures.delta(r.nanos()[0], r.nanos()[i], true), r.nanos()[i] - r.nanos()[0], true));
                }
            }
            doc.add(t);
        }

        void charts() throws DocumentException {
            heading("Charts");
            for (ReportChart c : ReportChart.of(m)) {
                chart(c.chart(), c.tall() ? 0.62f : 0.42f, c.caption());
            }
        }

        void vectors() throws DocumentException {
            heading("Interrupts per MSI-X vector");
            PdfPTable t = table(7, 0);
            t.setWidths(new float[] {2.4f, 0.6f, 1.2f, 1.2f, 1.2f, 1.3f, 1.2f});
            for (String h : List.of("Run", "IV", "Interrupts", "Interrupts/s", "Completions", "Completions per interrupt",
                    "Share of interrupts")) {
                t.addCell(head(h));
            }
            t.setHeaderRows(1);
            List<ReportModel.VectorRow> rows = m.vectorTable();
            for (ReportModel.VectorRow v : rows) {
                t.addCell(cell(m.labels().get(v.run()), Element.ALIGN_LEFT, null, null));
                t.addCell(number(Integer.toString(v.vector().iv()), null));
                t.addCell(number(Figures.count(v.vector().interrupts()), null));
                t.addCell(number(Figures.count(v.interruptsPerSecond()), null));
                t.addCell(number(Figures.count(v.vector().completions()), null));
                t.addCell(number(Figures.count(v.vector().completionsPerInterrupt()), null));
                t.addCell(number(Figures.percent(v.shareOfInterrupts()), null));
            }
            for (String label : m.labelsNotMeasuringInterrupts()) {
                t.addCell(cell(label, Element.ALIGN_LEFT, null, null));
                PdfPCell not = cell(ReportModel.NOT_MEASURED + " (its source counts no interrupts)", Element.ALIGN_LEFT, null, null);
                not.setColspan(6);
                t.addCell(not);
            }
            if (rows.isEmpty() && m.labelsNotMeasuringInterrupts().isEmpty()) {
                PdfPCell none = cell("No vector fired (the run polled its completions).", Element.ALIGN_LEFT, null, null);
                none.setColspan(7);
                t.addCell(none);
            }
            doc.add(t);
            for (int i = 0; i < m.size(); i++) {
                doc.add(new Paragraph(m.labels().get(i) + ": " + m.interruptLine(i), BODY));
            }
        }

        private void heading(String text) throws DocumentException {
            Paragraph h = new Paragraph(text, HEADING);
            h.setSpacingBefore(12);
            h.setSpacingAfter(4);
            h.setKeepTogether(true);
            doc.add(h);
        }

        /** A chart {@code aspect} (height / width) as tall as wide, scaled to the text column, with its caption. */
        private void chart(JFreeChart c, float aspect, String caption) throws DocumentException {
            float column = doc.getPageSize().getWidth() - doc.leftMargin() - doc.rightMargin();
            Image img = PdfChart.of(writer.getDirectContent(), c, CHART_LAYOUT_WIDTH, CHART_LAYOUT_WIDTH * aspect);
            img.scaleAbsolute(column, column * aspect);
            img.setSpacingBefore(6);
            doc.add(img);
            Paragraph p = new Paragraph(caption, META);
            p.setSpacingAfter(6);
            doc.add(p);
        }

        /** A full-width table whose first column is {@code firstWeight} times as wide as the others (0: set later). */
        private PdfPTable table(int columns, float firstWeight) throws DocumentException {
            PdfPTable t = new PdfPTable(columns);
            t.setWidthPercentage(100);
            t.setSpacingBefore(4);
            if (firstWeight > 0) {
                float[] w = new float[columns];
                java.util.Arrays.fill(w, 1f);
                w[0] = firstWeight;
                t.setWidths(w);
            }
            return t;
        }

        private void runHeaders(PdfPTable t, boolean deltas) {
            for (int i = 0; i < m.size(); i++) {
                Font f = new Font(Font.HELVETICA, 7.5f, Font.BOLD, (Color) ChartFactory.runColour(i));
                PdfPCell c = new PdfPCell(new Phrase(m.labels().get(i), f));
                style(c, Element.ALIGN_RIGHT, HEADER);
                t.addCell(c);
            }
            if (deltas) {
                for (int i = 1; i < m.size(); i++) {
                    t.addCell(head(m.labels().get(i) + " vs " + m.labels().get(0)));
                }
            }
        }
    }

    private static PdfPCell head(String text) {
        return cell(text, Element.ALIGN_LEFT, CELL_BOLD, HEADER);
    }

    private static PdfPCell number(String text, Color background) {
        return cell(text, Element.ALIGN_RIGHT, null, background);
    }

    /** Latency deltas green when lower, red when higher; other deltas plain. */
    private static PdfPCell delta(String text, double change, boolean lowerIsBetter) {
        Color c = change == 0 || Double.isNaN(change) || !lowerIsBetter ? Color.BLACK : change < 0 ? BETTER : WORSE;
        PdfPCell cell = new PdfPCell(new Phrase(new Chunk(text, new Font(Font.HELVETICA, 7.5f, Font.NORMAL, c))));
        style(cell, Element.ALIGN_RIGHT, null);
        return cell;
    }

    private static PdfPCell cell(String text, int align, Font font, Color background) {
        PdfPCell c = new PdfPCell(new Phrase(text, font == null ? CELL : font));
        style(c, align, background);
        return c;
    }

    private static void style(PdfPCell c, int align, Color background) {
        c.setHorizontalAlignment(align);
        c.setPadding(3);
        c.setBorderColor(new Color(0xDDDDDD));
        if (background != null) {
            c.setBackgroundColor(background);
        }
    }
}
