package org.nvmeworkbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.util.Iterator;

import java.util.ServiceConfigurationError;

import org.junit.jupiter.api.Test;

class ReportExportersTest {
    @Test
    void theBuiltInFormatsAreRegisteredInIdOrder() {
        ReportExporters r = ReportExporters.load();
        assertThat(r.all()).extracting(ReportExporter::formatId).containsExactly("csv", "fio-json", "fio-jsonplus", "hlog", "html", "pdf");
        assertThat(r.problems()).isEmpty();
        assertThat(r.find("HTML")).isPresent();
        assertThat(r.find("docx")).isEmpty();
    }

    @Test
    void aBrokenProviderIsSkippedAndReported() {
        ReportExporter good = new CsvExporter();
        ReportExporter nameless = stub(null);
        ReportExporter throwing = new ReportExporter() {
            @Override
            public String formatId() {
                throw new IllegalStateException("boom");
            }

            @Override
            public String fileExtension() {
                return "x";
            }

            @Override
            public void export(ReportModel model, OutputStream out) {
            }
        };
        ReportExporter duplicate = stub("csv");
        Iterator<ReportExporter> it = new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < 5;
            }

            @Override
            public ReportExporter next() {
                switch (i++) {
                    case 0: return good;
                    case 1: throw new ServiceConfigurationError("com.example.Missing not found");
                    case 2: return nameless;
                    case 3: return throwing;
                    default: return duplicate;
                }
            }
        };
        ReportExporters r = ReportExporters.of(it);
        assertThat(r.all()).containsExactly(good);
        assertThat(r.problems()).hasSize(4);
        assertThat(r.problems().get(0)).contains("com.example.Missing");
        assertThat(r.problems().get(3)).contains("'csv', which another exporter already provides");
    }

    private static ReportExporter stub(String id) {
        return new ReportExporter() {
            @Override
            public String formatId() {
                return id;
            }

            @Override
            public String fileExtension() {
                return "x";
            }

            @Override
            public void export(ReportModel model, OutputStream out) {
            }
        };
    }

}
