package org.nvmeworkbench.core.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.DefaultFontMapper;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import org.jfree.chart.JFreeChart;

/**
 * A {@link ChartFactory} chart drawn into a PDF form XObject through OpenPDF's Graphics2D: lines, areas
 * and text stay vectors (no bitmap), so the chart prints sharp at any zoom, and its labels are text a
 * reader can search.
 */
final class PdfChart {
    private PdfChart() {
    }

    /**
     * The chart drawn at {@code width} x {@code height} points, as an element the document flows like an
     * image (OpenPDF's ImgTemplate, written as a form XObject, not an image XObject).
     */
    static Image of(PdfContentByte canvas, JFreeChart chart, float width, float height) throws BadElementException {
        PdfTemplate form = canvas.createTemplate(width, height);
        Graphics2D g = form.createGraphics(width, height, new DefaultFontMapper());
        try {
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return Image.getInstance(form);
    }
}
