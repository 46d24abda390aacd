package dev.opsbook.report;

import dev.opsbook.site.PageSink;
import java.io.IOException;

/** Writes the machine-readable reports. */
public final class ReportFiles {
    public static final String JSON = "opsbook-report.json";
    public static final String JUNIT = "opsbook-report.xml";
    public static final String SARIF = "opsbook-report.sarif";

    private ReportFiles() {
    }

    public static void write(ReportData data, PageSink sink) throws IOException {
        sink.write(JSON, JsonReport.write(data));
        sink.write(JUNIT, JunitReport.write(data));
        sink.write(SARIF, SarifReport.write(data));
    }
}
