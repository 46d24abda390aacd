package dev.opsbook.report;

import dev.opsbook.link.SitePaths;
import dev.opsbook.output.PageSink;
import dev.opsbook.parallel.Parallel;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes the machine-readable reports. */
public final class ReportFiles {
    public static final String JSON = SitePaths.REPORT_JSON;
    public static final String JUNIT = SitePaths.REPORT_JUNIT;
    public static final String SARIF = SitePaths.REPORT_SARIF;
    public static final String CODE_QUALITY = SitePaths.REPORT_CODE_QUALITY;
    /** The four, as {@code check} writes them into its folder. */
    public static final List<String> ALL = List.of(JSON, JUNIT, SARIF, CODE_QUALITY);

    private ReportFiles() {}

    /** Writes the four reports side by side on up to {@code threads} threads ({@code sink} must allow that). */
    public static void write(ReportData data, PageSink sink, int threads) throws IOException {
        Parallel.map(ALL, threads, file -> {
            sink.write(file, out -> write(file, data, out));
            return file;
        });
    }

    /** Writes one of the reports ({@link #JSON}, {@link #JUNIT}, {@link #SARIF} or {@link #CODE_QUALITY}) to {@code out}. */
    public static void write(String file, ReportData data, OutputStream out) throws IOException {
        switch (file) {
            case JSON -> JsonReport.write(data, out);
            case JUNIT -> JunitReport.write(data, out);
            case SARIF -> SarifReport.write(data, out);
            case CODE_QUALITY -> CodeQualityReport.write(data, out);
            default -> throw new IllegalArgumentException("no report " + file);
        }
    }
}
