package dev.opsbook.cli;

import dev.opsbook.finding.DidYouMean;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.load.Ids;
import dev.opsbook.load.Schemas;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code opsbook new handbook | team | service | runbook | review | incident}: skeletons that pass the
 * structural checks. Where only the team can say what belongs, a skeleton writes a placeholder starting
 * {@code TODO}; a placeholder left as written fails the rule of what it stands for, with a hint naming it.
 * Nothing that exists is overwritten: a skeleton whose files are there already writes nothing.
 */
@Command(
        name = "new",
        mixinStandardHelpOptions = true,
        description = "Creates a skeleton in the content folder: a handbook, a team, a service, a runbook, a"
                + " review or an incident.",
        subcommands = {
            NewCommand.NewHandbook.class,
            NewCommand.NewTeam.class,
            NewCommand.NewService.class,
            NewCommand.NewRunbook.class,
            NewCommand.NewReview.class,
            NewCommand.NewIncident.class
        })
final class NewCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "say what to create: handbook, team, service, runbook, review or incident");
    }

    /** What every skeleton command has: the content folder, and the files it writes, all or none. */
    abstract static class Skeleton implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--content",
                paramLabel = "DIR",
                defaultValue = "content",
                description = "The content folder (default: ${DEFAULT-VALUE}).")
        Path content;

        @Option(
                names = "--today",
                paramLabel = "DATE",
                hidden = true,
                description = "The day the skeleton is written (for tests; default: today).")
        LocalDate today;

        /** The files to write (content path → text), or null after a message on standard error. */
        abstract Map<String, String> files() throws IOException;

        @Override
        public final Integer call() throws IOException {
            if (today == null) {
                today = LocalDate.now();
            }
            Map<String, String> files = files();
            if (files == null) {
                return ExitCode.USAGE;
            }
            PrintWriter err = spec.commandLine().getErr();
            for (String rel : files.keySet()) {
                if (Files.exists(content.resolve(rel))) {
                    err.println("opsbook: " + content.resolve(rel) + " already exists; nothing was written");
                    return ExitCode.USAGE;
                }
            }
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path file = content.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, withModeline(f.getKey(), f.getValue()), StandardCharsets.UTF_8);
                spec.commandLine().getOut().println("created " + file);
            }
            // the schemas the files' first lines name, for editors: written again, as this opsbook reads them
            Schemas.writeTo(content.resolve(Schemas.IN_CONTENT));
            long todo = files.values().stream()
                    .mapToLong(t -> t.lines()
                            .filter(l -> l.contains("TODO") && !l.strip().startsWith("#"))
                            .count())
                    .sum();
            if (todo > 0) {
                spec.commandLine()
                        .getOut()
                        .println("replace the " + todo + " TODO placeholder" + (todo == 1 ? "" : "s")
                                + "; `opsbook check` names each one that is left");
            }
            return ExitCode.OK;
        }

        /** {@code text} with the line that names its schema first (in a Markdown file, first in its front matter). */
        static String withModeline(String rel, String text) {
            String line = Schemas.modeline(rel);
            if (line == null) {
                return text;
            }
            if (rel.endsWith(".md")) {
                return text.startsWith("---\n") ? "---\n" + line + "\n" + text.substring(4) : text;
            }
            return line + "\n" + text;
        }

        /** Whether each id is a valid id; a message for the first that is not. */
        boolean valid(String... labelsAndIds) {
            for (int i = 0; i < labelsAndIds.length; i += 2) {
                if (!Ids.valid(labelsAndIds[i + 1])) {
                    spec.commandLine()
                            .getErr()
                            .println("opsbook: " + labelsAndIds[i] + " " + Ids.problem(labelsAndIds[i + 1]));
                    return false;
                }
            }
            return true;
        }

        /** Whether the team file of {@code team} exists; a message naming the teams there when not. */
        boolean teamExists(String team) throws IOException {
            if (Files.isRegularFile(content.resolve(ContentPaths.team(team)))) {
                return true;
            }
            List<String> teams = ids(ContentPaths.TEAMS, ".yaml");
            String near = DidYouMean.closest(team, teams);
            spec.commandLine()
                    .getErr()
                    .println("opsbook: there is no team '" + team + "' (" + content.resolve(ContentPaths.team(team))
                            + ")"
                            + (near != null
                                    ? "; did you mean '" + near + "'?"
                                    : teams.isEmpty()
                                            ? "; write it first: opsbook new team " + team
                                            : "; the teams are " + String.join(", ", teams))
                            + "; nothing was written");
            return false;
        }

        /** Whether the folder of {@code service} exists; a message naming the services there when not. */
        boolean serviceExists(String service) throws IOException {
            if (Files.isDirectory(content.resolve(ContentPaths.serviceFolder(service)))) {
                return true;
            }
            List<String> services = ids(ContentPaths.SERVICES, null);
            String near = DidYouMean.closest(service, services);
            spec.commandLine()
                    .getErr()
                    .println("opsbook: there is no service '" + service + "' ("
                            + content.resolve(ContentPaths.serviceFolder(service)) + ")"
                            + (near != null
                                    ? "; did you mean '" + near + "'?"
                                    : "; write it first: opsbook new service")
                            + "; nothing was written");
            return false;
        }

        private List<String> ids(String folder, String extension) throws IOException {
            List<String> out = new ArrayList<>();
            Path dir = content.resolve(folder);
            if (Files.isDirectory(dir)) {
                try (var files = Files.list(dir)) {
                    files.map(f -> f.getFileName().toString())
                            .filter(f -> extension == null || f.endsWith(extension))
                            .map(f -> extension == null ? f : f.substring(0, f.length() - extension.length()))
                            .sorted()
                            .forEach(out::add);
                }
            }
            return out;
        }
    }

    @Command(
            name = "handbook",
            mixinStandardHelpOptions = true,
            description = "Creates a handbook: opsbook.yaml, severities.yaml, a team and a service with a first"
                    + " runbook, which build clean apart from the TODO placeholders.")
    static final class NewHandbook extends Skeleton {
        @Option(names = "--team", paramLabel = "ID", defaultValue = "my-team", description = "The team's id.")
        String team;

        @Option(
                names = "--service",
                paramLabel = "ID",
                defaultValue = "my-service",
                description = "The first service's id.")
        String service;

        @Override
        Map<String, String> files() {
            if (!valid("--team", team, "--service", service)) {
                return null;
            }
            Map<String, String> out = new LinkedHashMap<>();
            out.put(ContentPaths.SETTINGS, Skeletons.settings());
            out.put(ContentPaths.SEVERITIES, Skeletons.severities());
            out.put(ContentPaths.team(team), Skeletons.team(team));
            out.putAll(Skeletons.service(service, team, "P4", today));
            return out;
        }
    }

    @Command(name = "team", mixinStandardHelpOptions = true, description = "Creates teams/ID.yaml.")
    static final class NewTeam extends Skeleton {
        @Parameters(paramLabel = "ID", description = "The team's id.")
        String id;

        @Override
        Map<String, String> files() {
            return valid("ID", id) ? Map.of(ContentPaths.team(id), Skeletons.team(id)) : null;
        }
    }

    @Command(
            name = "service",
            mixinStandardHelpOptions = true,
            description = "Creates services/ID/ with service.yaml and a first runbook.")
    static final class NewService extends Skeleton {
        @Parameters(paramLabel = "ID", description = "The service id.")
        String id;

        @Option(names = "--owner", required = true, paramLabel = "TEAM", description = "The owning team's id.")
        String owner;

        @Override
        Map<String, String> files() throws IOException {
            if (!valid("ID", id, "--owner", owner)) {
                return null;
            }
            if (Files.exists(content.resolve(ContentPaths.serviceFolder(id)))) {
                spec.commandLine()
                        .getErr()
                        .println("opsbook: " + content.resolve(ContentPaths.serviceFolder(id))
                                + " already exists; nothing was written");
                return null;
            }
            // the skeleton is to pass the structural checks, and an owner that does not exist would not
            return teamExists(owner)
                    ? Skeletons.service(
                            id, owner, Skeletons.leastSevere(content.resolve(ContentPaths.SEVERITIES)), today)
                    : null;
        }
    }

    /** A skeleton of one file in a service's folder: {@code SERVICE ID}. */
    abstract static class InService extends Skeleton {
        @Parameters(index = "0", paramLabel = "SERVICE", description = "The service's id.")
        String service;

        @Parameters(
                index = "1",
                paramLabel = "ID",
                description = "The new file's id: a runbook's (the alert's name, say), a review's (osr-2026-001),"
                        + " an incident's (2026-12-04-slow-checkout).")
        String id;

        /** The file of this skeleton in the service's folder, and its text. */
        abstract Map<String, String> file() throws IOException;

        @Override
        final Map<String, String> files() throws IOException {
            return valid("SERVICE", service, "ID", id) && serviceExists(service) ? file() : null;
        }
    }

    @Command(
            name = "runbook",
            mixinStandardHelpOptions = true,
            description = "Creates services/SERVICE/runbooks/ID.md with the required sections.")
    static final class NewRunbook extends InService {
        @Override
        Map<String, String> file() {
            return Map.of(ContentPaths.runbook(service, id), Skeletons.runbook(id, today));
        }
    }

    @Command(
            name = "review",
            mixinStandardHelpOptions = true,
            description = "Creates services/SERVICE/reviews/ID.yaml: an operational support review of a story,"
                    + " before it is committed.")
    static final class NewReview extends InService {
        @Override
        Map<String, String> file() {
            return Map.of(ContentPaths.review(service, id), Skeletons.review(today));
        }
    }

    @Command(
            name = "incident",
            mixinStandardHelpOptions = true,
            description = "Creates services/SERVICE/incidents/ID.md: a post-incident review.")
    static final class NewIncident extends InService {
        @Option(
                names = "--severity",
                paramLabel = "ID",
                description = "The incident's severity (default: the least severe level of severities.yaml).")
        String severity;

        @Override
        Map<String, String> file() throws IOException {
            String level =
                    severity != null ? severity : Skeletons.leastSevere(content.resolve(ContentPaths.SEVERITIES));
            return Map.of(ContentPaths.incident(service, id), Skeletons.incident(level, today));
        }
    }
}
