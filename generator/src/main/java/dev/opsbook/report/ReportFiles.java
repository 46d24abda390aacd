package dev.opsbook.report;

import dev.opsbook.site.PageSink;
import java.io.IOException;
import java.util.List;

/** Writes the machine-readable reports. */
public final class ReportFiles {
    public static final String JSON = "opsbook-report.json";
    public static final String JUNIT = "opsbook-report.xml";
    public static final String SARIF = "opsbook-report.sarif";

    private ReportFiles() {
    }

    public static void write(ReportData data, PageSink sink) throws IOException {
        for (String file : List.of(JSON, JUNIT, SARIF)) {
            sink.write(file, bytes(file, data));
        }
    }

    /** One of the reports ({@link #JSON}, {@link #JUNIT} or {@link #SARIF}). */
    public static byte[] bytes(String file, ReportData data) {
        return switch (file) {
            case JSON -> JsonReport.write(data);
            case JUNIT -> JunitReport.write(data);
            case SARIF -> SarifReport.write(data);
            default -> throw new IllegalArgumentException("no report " + file);
        };
    }
}
