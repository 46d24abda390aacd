package dev.opsbook.cli;

import dev.opsbook.finding.DidYouMean;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.load.Ids;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code opsbook new service ID --owner TEAM}: a skeleton that passes the structural checks. */
@Command(
        name = "new",
        mixinStandardHelpOptions = true,
        description = "Creates a skeleton in the content folder.",
        subcommands = NewCommand.NewService.class)
final class NewCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to create: service");
    }

    @Command(
            name = "service",
            mixinStandardHelpOptions = true,
            description = "Creates services/ID/ with service.yaml and a first runbook.")
    static final class NewService implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The service id (lower-case kebab case).")
        String id;

        @Option(names = "--owner", required = true, paramLabel = "TEAM", description = "The owning team's id.")
        String owner;

        @Option(
                names = "--content",
                paramLabel = "DIR",
                defaultValue = "content",
                description = "The content folder (default: ${DEFAULT-VALUE}).")
        Path content;

        @Override
        public Integer call() throws IOException {
            var err = spec.commandLine().getErr();
            for (String[] v : new String[][] {{"ID", id}, {"--owner", owner}}) {
                if (!Ids.valid(v[1])) {
                    err.println("opsbook: " + v[0] + " " + Ids.problem(v[1]));
                    return ExitCode.USAGE;
                }
            }
            Path dir = content.resolve(ContentPaths.serviceFolder(id));
            if (Files.exists(dir)) {
                err.println("opsbook: " + dir + " already exists; nothing was written");
                return ExitCode.USAGE;
            }
            if (!Files.isRegularFile(content.resolve(ContentPaths.team(owner)))) {
                // the skeleton is to pass the structural checks, and an owner that does not exist would not
                List<String> teams = new ArrayList<>();
                if (Files.isDirectory(content.resolve(ContentPaths.TEAMS))) {
                    try (var files = Files.list(content.resolve(ContentPaths.TEAMS))) {
                        files.map(f -> f.getFileName().toString())
                                .filter(f -> f.endsWith(".yaml"))
                                .map(f -> f.substring(0, f.length() - 5))
                                .sorted()
                                .forEach(teams::add);
                    }
                }
                String near = DidYouMean.closest(owner, teams);
                err.println("opsbook: there is no team '" + owner + "' ("
                        + content.resolve(ContentPaths.team(owner))
                        + ")"
                        + (near != null
                                ? "; did you mean '" + near + "'?"
                                : teams.isEmpty()
                                        ? "; write the team first"
                                        : "; the teams are " + String.join(", ", teams))
                        + "; nothing was written");
                return ExitCode.USAGE;
            }
            Files.createDirectories(content.resolve(ContentPaths.runbooks(id)));
            Files.writeString(
                    content.resolve(ContentPaths.serviceFile(id)),
                    """
                    name: %s
                    description: What the service does, in one sentence.
                    owner: %s
                    tier: 3
                    lifecycle: experimental
                    supportModel: developer-managed
                    supportHours: business-hours
                    dependsOn: []
                    alerts: []
                    """
                            .formatted(id, owner),
                    StandardCharsets.UTF_8);
            Files.writeString(
                    content.resolve(ContentPaths.runbook(id, "service-down")),
                    """
                    ---
                    title: %s is down
                    summary: The service does not answer.
                    ---
                    ## Symptoms

                    ## Impact

                    ## Diagnosis

                    ## Mitigation

                    ## Escalation
                    """
                            .formatted(id),
                    StandardCharsets.UTF_8);
            spec.commandLine()
                    .getOut()
                    .println("created " + content.resolve(ContentPaths.serviceFile(id)) + " and "
                            + content.resolve(ContentPaths.runbook(id, "service-down")));
            return ExitCode.OK;
        }
    }
}
