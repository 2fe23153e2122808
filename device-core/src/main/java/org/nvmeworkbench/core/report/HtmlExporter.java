package org.nvmeworkbench.core.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * One self-contained HTML file: styles and SVG charts inline, no script, no fonts or images fetched, so
 * it opens offline in any browser and prints (print CSS keeps tables and charts whole on a page). The
 * markup is well-formed XML (XHTML syntax) so tools and tests can parse it with an XML parser.
 */
public final class HtmlExporter implements ReportExporter {
    static final int CHART_WIDTH = 900;
    static final int CHART_HEIGHT = 420;

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2em auto;max-width:960px;color:#222;padding:0 1em}
            h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
            .meta{color:#666;font-size:.9em}
            table{border-collapse:collapse;margin:.5em 0;font-size:.88em}
            th,td{border:1px solid #ddd;padding:.25em .6em;text-align:left;vertical-align:top}
            td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
            th{background:#f4f4f4}
            tr.nines td{background:#fbfbf2}
            .better{color:#0a7d32}.worse{color:#b3261e}
            figure{margin:1em 0}figcaption{font-size:.85em;color:#555}
            svg{max-width:100%;height:auto}pre{font-size:.8em;overflow-x:auto}
            .swatch{display:inline-block;width:.8em;height:.8em;margin-right:.3em;vertical-align:middle}
            @page{size:A4;margin:14mm}
            @media print{body{margin:0;max-width:none;font-size:10pt}figure,table,pre{break-inside:avoid;page-break-inside:avoid}h2{break-after:avoid;page-break-after:avoid}pre{font-size:7pt;white-space:pre-wrap}}
            """;

    @Override
    public String formatId() {
        return "html";
    }

    @Override
    public String fileExtension() {
        return "html";
    }

    @Override
    public String description() {
        return "HTML: one self-contained, printable file with inline SVG charts";
    }

    @Override
    public void export(ReportModel model, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(html(model));
        w.flush();
    }

    /** A chart as inline SVG (see {@link ChartFactory#svg}) with its caption. */
    public record Figure(String svg, String caption) {
    }

    /**
     * A section placed before the run sections, e.g. a sweep's recommendation and charts.
     *
     * @param id           the element id
     * @param heading      the h2 text
     * @param paragraphs   plain text, escaped here
     * @param preformatted plain text shown as is in a pre block (e.g. a table), or empty
     * @param figures      charts
     */
    public record Section(String id, String heading, List<String> paragraphs, String preformatted, List<Figure> figures) {
        public Section {
            paragraphs = List.copyOf(paragraphs);
            figures = List.copyOf(figures);
        }
    }

    /** {@code s} with its charts rendered as inline SVG. */
    public static Section section(ReportSection s) {
        List<Figure> figures = new java.util.ArrayList<>();
        for (int i = 0; i < s.charts().size(); i++) {
            ReportSection.Chart c = s.charts().get(i);
            figures.add(new Figure(ChartFactory.svg(c.chart(), c.width(), c.height(), s.id() + i + "-"), c.caption()));
        }
        return new Section(s.id(), s.heading(), s.paragraphs(), s.preformatted(), figures);
    }

    /** The whole document. */
    public static String html(ReportModel m) {
        return html(m, List.of());
    }

    /** The whole document with {@code leading} sections before the runs' own. */
    public static String html(ReportModel m, List<Section> leading) {
        StringBuilder b = new StringBuilder(256 * 1024);
        b.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"generator\" content=\"nvme-workbench ").append(esc(m.runs().get(0).toolVersion())).append("\"/>\n")
                .append("<title>").append(esc(m.title())).append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        b.append("<header><h1>").append(esc(m.title())).append("</h1>\n<p class=\"meta\">Generated ")
                .append(esc(m.generatedAt().toString())).append(" by NVMe Workbench ").append(esc(m.runs().get(0).toolVersion()))
                .append(" from ").append(m.size()).append(m.size() == 1 ? " run" : " runs")
                .append(". Latency is submit-to-completion as the host saw it, in device time.</p></header>\n");
        for (Section s : leading) {
            b.append("<section id=\"").append(esc(s.id())).append("\"><h2>").append(esc(s.heading())).append("</h2>\n");
            for (String p : s.paragraphs()) {
                b.append("<p>").append(esc(p)).append("</p>\n");
            }
            if (!s.preformatted().isEmpty()) {
                b.append("<pre>").append(esc(s.preformatted())).append("</pre>\n");
            }
            for (Figure f : s.figures()) {
                figure(b, f.svg(), f.caption());
            }
            b.append("</section>\n");
        }
        provenance(b, m);
        summary(b, m);
        percentiles(b, m);
        charts(b, m);
        vectors(b, m);
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    private static void runHeaders(StringBuilder b, ReportModel m, boolean deltas) {
        for (int i = 0; i < m.size(); i++) {
            b.append("<th class=\"num\"><span class=\"swatch\" style=\"background:")
                    .append(colour(i)).append("\"></span>").append(esc(m.labels().get(i))).append("</th>");
        }
        if (deltas) {
            for (int i = 1; i < m.size(); i++) {
                b.append("<th class=\"num\">").append(esc(m.labels().get(i))).append(" vs ").append(esc(m.labels().get(0))).append("</th>");
            }
        }
    }

    private static void provenance(StringBuilder b, ReportModel m) {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (int i = 0; i < m.size(); i++) {
            for (ReportModel.Field f : m.provenance(i)) {
                rows.computeIfAbsent(f.name(), k -> new String[m.size()])[i] = f.value();
            }
        }
        b.append("<section id=\"provenance\"><h2>Provenance</h2>\n<table>\n<tr><th></th>");
        runHeaders(b, m, false);
        b.append("</tr>\n");
        for (Map.Entry<String, String[]> e : rows.entrySet()) {
            b.append("<tr><th>").append(esc(e.getKey())).append("</th>");
            for (String v : e.getValue()) {
                b.append("<td>").append(esc(v == null ? "" : v)).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table></section>\n");
    }

    private static void summary(StringBuilder b, ReportModel m) {
        b.append("<section id=\"summary\"><h2>").append(m.size() > 1 ? "Comparison" : "Summary").append("</h2>\n<table>\n<tr><th></th>");
        runHeaders(b, m, m.size() > 1);
        b.append("</tr>\n");
        for (ReportModel.Metric x : m.summary()) {
            b.append("<tr><th>").append(esc(x.metric())).append("</th>");
            for (int i = 0; i < m.size(); i++) {
                b.append("<td class=\"num\">").append(esc(x.format(i))).append("</td>");
            }
            for (int i = 1; i < m.size(); i++) {
                b.append(deltaCell(x.delta(i), x.values()[i] - x.values()[0], x.latency()));
            }
            b.append("</tr>\n");
        }
        b.append("</table></section>\n");
    }

    private static String deltaCell(String text, double change, boolean lowerIsBetter) {
        String cls = change == 0 || Double.isNaN(change) || !lowerIsBetter ? "num" : change < 0 ? "num better" : "num worse";
        return "<td class=\"" + cls + "\">" + esc(text) + "</td>";
    }

    private static void percentiles(StringBuilder b, ReportModel m) {
        b.append("<section id=\"percentiles\"><h2>Completion latency percentiles</h2>\n")
                .append("<p class=\"meta\">fio's default percentile list and the nines to 99.9999, from full-resolution HdrHistogram data.</p>\n")
                .append("<table id=\"percentile-table\">\n<tr><th class=\"num\">Percentile</th>");
        runHeaders(b, m, m.size() > 1);
        b.append("</tr>\n");
        for (ReportModel.PercentileRow r : m.percentileTable()) {
            boolean nines = r.percentile() >= 99.9;
            b.append(nines ? "<tr class=\"nines\">" : "<tr>").append("<th class=\"num\">").append(Percentiles.label(r.percentile()))
                    .append("</th>");
            for (long v : r.nanos()) {
                b.append("<td class=\"num\" data-ns=\"").append(v).append("\">").append(esc(Figures.latency(v))).append("</td>");
            }
            for (int i = 1; i < m.size(); i++) {
                long d = r.nanos()[i] - r.nanos()[0];
                b.append(deltaCell(Figures.delta(r.nanos()[0], r.nanos()[i], true), d, true));
            }
            b.append("</tr>\n");
        }
        b.append("</table></section>\n");
    }

    private static void charts(StringBuilder b, ReportModel m) {
        b.append("<section id=\"charts\"><h2>Charts</h2>\n");
        for (ReportChart c : ReportChart.of(m)) {
            int height = c.tall() ? CHART_HEIGHT + 200 : CHART_HEIGHT;
            figure(b, ChartFactory.svg(c.chart(), CHART_WIDTH, height, c.id() + "-"), c.caption());
        }
        b.append("</section>\n");
    }

    private static void figure(StringBuilder b, String svg, String caption) {
        b.append("<figure>\n").append(svg).append("\n<figcaption>").append(esc(caption)).append("</figcaption></figure>\n");
    }

    private static void vectors(StringBuilder b, ReportModel m) {
        b.append("<section id=\"vectors\"><h2>Interrupts per MSI-X vector</h2>\n<table>\n<tr><th>Run</th><th class=\"num\">IV</th>")
                .append("<th class=\"num\">Interrupts</th><th class=\"num\">Interrupts/s</th><th class=\"num\">Completions</th>")
                .append("<th class=\"num\">Completions per interrupt</th><th class=\"num\">Share of interrupts</th></tr>\n");
        List<ReportModel.VectorRow> rows = m.vectorTable();
        for (ReportModel.VectorRow v : rows) {
            b.append("<tr><td>").append(esc(m.labels().get(v.run()))).append("</td><td class=\"num\">").append(v.vector().iv())
                    .append("</td><td class=\"num\">").append(Figures.count(v.vector().interrupts()))
                    .append("</td><td class=\"num\">").append(Figures.count(v.interruptsPerSecond()))
                    .append("</td><td class=\"num\">").append(Figures.count(v.vector().completions()))
                    .append("</td><td class=\"num\">").append(Figures.count(v.vector().completionsPerInterrupt()))
                    .append("</td><td class=\"num\">").append(Figures.percent(v.shareOfInterrupts())).append("</td></tr>\n");
        }
        for (String label : m.labelsNotMeasuringInterrupts()) {
            b.append("<tr><td>").append(esc(label)).append("</td><td colspan=\"6\">").append(ReportModel.NOT_MEASURED)
                    .append(" (its source counts no interrupts)</td></tr>\n");
        }
        if (rows.isEmpty() && m.labelsNotMeasuringInterrupts().isEmpty()) {
            b.append("<tr><td colspan=\"7\">No vector fired (the run polled its completions).</td></tr>\n");
        }
        b.append("</table>\n<p class=\"meta\">");
        for (int i = 0; i < m.size(); i++) {
            b.append(esc(m.labels().get(i))).append(": ").append(esc(m.interruptLine(i))).append(i + 1 < m.size() ? "<br/>" : "");
        }
        b.append("</p></section>\n");
    }

    private static String colour(int run) {
        java.awt.Color c = (java.awt.Color) ChartFactory.runColour(run);
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    /** Escapes text for element content and double-quoted attributes. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        b.append(' '); // not allowed in XML 1.0
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
