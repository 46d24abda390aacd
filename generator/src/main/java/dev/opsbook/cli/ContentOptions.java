package dev.opsbook.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options every command that reads a handbook takes: where it is, and what "today" is. */
final class ContentOptions {
    @Option(
            names = "--content",
            paramLabel = "DIR",
            defaultValue = "content",
            description = "The content folder (default: ${DEFAULT-VALUE}).")
    Path content;

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            converter = DateConverter.class,
            description = "The date that \"today\" means (YYYY-MM-DD).")
    LocalDate asOf;

    @Option(
            names = "--stacktrace",
            description =
                    "With an internal or I/O error, print the Java stack trace too" + " (also -Dopsbook.debug=true).")
    boolean stacktrace;

    /** Whether errors are shown with their stack traces. */
    boolean debug() {
        return stacktrace || Boolean.getBoolean("opsbook.debug");
    }

    /** A calendar date, refused in the user's terms (picocli's own message names Java classes). */
    static final class DateConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a date (YYYY-MM-DD, e.g. 2026-11-21)");
            }
        }
    }
}
