package dev.opsbook.cli;

import dev.opsbook.load.Schemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code opsbook schemas}: writes the JSON Schemas of the content format into the content folder's
 * {@code .opsbook/schemas/} (hidden: not content, not published), where the first lines that
 * {@code opsbook new} writes point, so that editors check and complete the files before a build.
 */
@Command(
        name = "schemas",
        mixinStandardHelpOptions = true,
        description = "Writes the JSON Schemas of the content format into DIR/.opsbook/schemas/, for editors.")
final class SchemasCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--content",
            paramLabel = "DIR",
            defaultValue = "content",
            description = "The content folder (default: ${DEFAULT-VALUE}).")
    Path content;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(content)) {
            spec.commandLine().getErr().println("opsbook: there is no content folder " + content);
            return ExitCode.USAGE;
        }
        Path dir = content.resolve(Schemas.IN_CONTENT);
        Schemas.writeTo(dir);
        spec.commandLine().getOut().println("wrote " + Schemas.names().size() + " schemas to " + dir);
        return ExitCode.OK;
    }
}
