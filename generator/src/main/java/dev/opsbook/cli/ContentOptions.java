package dev.opsbook.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** The options every command that reads a handbook takes: where it is, and what "today" is. */
final class ContentOptions {
    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
            description = "The content folder (default: ${DEFAULT-VALUE}).")
    Path content;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The date that \"today\" means (YYYY-MM-DD).")
    LocalDate asOf;
}
