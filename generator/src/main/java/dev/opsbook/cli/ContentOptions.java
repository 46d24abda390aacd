package dev.opsbook.cli;

import dev.opsbook.part.Part;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options every command that reads a handbook takes: where it is, and what "today" is. */
final class ContentOptions {
    @Option(
            names = "--content",
            paramLabel = "DIR|ZIP",
            defaultValue = "content",
            description = "The content folder (default: ${DEFAULT-VALUE}). Repeated: the first is the handbook's own"
                    + " folder and each other one a part merged with it, an opsbook zip (opsbook package) or a"
                    + " content folder.")
    List<Path> contents;

    /** The handbook's own content folder: the first {@code --content}. */
    Path content() {
        return contents.get(0);
    }

    /** The parts merged with it: every other {@code --content}. */
    List<Part> parts() {
        return contents.subList(1, contents.size()).stream().map(Part::of).toList();
    }

    /** The content folder of a command that reads one only: a second {@code --content} is refused. */
    Path only(CommandLine cl) {
        if (contents.size() > 1) {
            throw new CommandLine.ParameterException(
                    cl,
                    "this command reads one content folder: give --content once (build, check and serve merge parts)");
        }
        return content();
    }

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
