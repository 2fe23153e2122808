package org.nvmeworkbench.core.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;

/** A PDF read back by PDFBox, an independent reader: its text, and what its charts are made of. */
public record PdfText(String text, int pages, int images, List<Integer> formPathOperators) {
    private static final Set<String> PATH_OPERATORS = Set.of("m", "l", "c", "v", "y", "re", "h");

    public static PdfText read(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            int[] images = {0};
            List<Integer> forms = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                walk(page.getResources(), images, forms);
            }
            return new PdfText(text, doc.getNumberOfPages(), images[0], forms);
        }
    }

    private static void walk(PDResources res, int[] images, List<Integer> forms) throws IOException {
        if (res == null) {
            return;
        }
        for (COSName name : res.getXObjectNames()) {
            PDXObject x = res.getXObject(name);
            if (x instanceof PDImageXObject) {
                images[0]++;
            } else if (x instanceof PDFormXObject form) {
                int paths = 0;
                for (Object token : new PDFStreamParser(form).parse()) {
                    if (token instanceof Operator op && PATH_OPERATORS.contains(op.getName())) {
                        paths++;
                    }
                }
                forms.add(paths);
                walk(form.getResources(), images, forms);
            }
        }
    }
}
