package dev.opsbook.cli;

import dev.opsbook.BuildRequest;
import dev.opsbook.BuildResult;
import dev.opsbook.Opsbook;
import dev.opsbook.OpsbookException;
import dev.opsbook.finding.Finding;
import dev.opsbook.serve.PreviewServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code opsbook build | check | new service}. */
@Command(
        name = "opsbook",
        mixinStandardHelpOptions = true,
        versionProvider = OpsbookCommand.Version.class,
        description = "Builds a checked, cross-linked operations handbook from YAML and Markdown.",
        subcommands = {
            OpsbookCommand.Build.class,
            OpsbookCommand.Check.class,
            OpsbookCommand.Serve.class,
            OpsbookCommand.Package.class,
            NewCommand.class,
            RunbookUrlsCommand.class,
            SchemasCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no error findings",
            "1:error findings (the site and reports are still written)",
            "2:unusable arguments or configuration",
            "3:internal error"
        })
public final class OpsbookCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: build, check or new");
    }

    public static void main(String[] args) {
        // java -jar with the JVM's defaults: the work is done in a JVM tuned for it (TunedJvm)
        var tuned = TunedJvm.command(args);
        if (tuned.isPresent()) {
            Integer exit = TunedJvm.run(tuned.get());
            if (exit != null) {
                System.exit(exit);
            }
        }
        TunedJvm.followFirst();
        int code;
        try {
            code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        } catch (OutOfMemoryError e) {
            System.err.println(
                    "opsbook: out of memory; give the JVM more with -Xmx (the previous site is left as it was)");
            code = ExitCode.INTERNAL;
        } catch (Throwable e) { // an Error (a stack overflow, say) is not a content finding: never exit 1 for it
            System.err.println("opsbook: internal error: " + e + " (the previous site is left as it was)");
            e.printStackTrace();
            code = ExitCode.INTERNAL;
        }
        String statusFile = System.getProperty("opsbook.statusFile");
        if (statusFile != null) {
            // for bin/opsbook: the JVM may still fail after this (archiving its classes at exit), and then
            // its own exit code is not the build's
            try {
                Files.writeString(Path.of(statusFile), code + "\n");
            } catch (IOException | RuntimeException e) {
                // the launcher falls back on the JVM's exit code
            }
        }
        System.exit(code);
    }

    /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new OpsbookCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("opsbook: " + ex.getMessage());
            ex.getCommandLine().usage(err);
            return ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("opsbook: internal error: " + ex);
            ex.printStackTrace(err);
            return ExitCode.INTERNAL;
        });
        return cl.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Opsbook.GENERATOR};
        }
    }

    /** The options that build and check share. */
    abstract static class Run implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        ContentOptions input;

        @Option(
                names = "--source-root",
                paramLabel = "DIR",
                description = "The folder that holds the content folder and that the paths of the SARIF and GitLab"
                        + " Code Quality reports start from (default: the nearest folder with a .git, else the"
                        + " content folder).")
        Path sourceRoot;

        @Option(names = "--fail-on-warning", description = "Warnings fail the run too (exit 1).")
        boolean failOnWarning;

        @Option(
                names = "--out",
                paramLabel = "DIR",
                defaultValue = "site",
                description = "The site folder, replaced as a whole when a build is complete; check writes only the"
                        + " report files there (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(
                names = "--baseline",
                paramLabel = "FILE",
                description = "An earlier opsbook-report.json: report what is new, gone, and which levels moved.")
        Path baseline;

        @Option(names = "--fail-on-new", description = "Fail only on error findings that the baseline did not have.")
        boolean failOnNew;

        @Option(
                names = "--part",
                description = "The content is one part of a larger handbook (a team's, with the organisation's shared"
                        + " facts as --content ZIP): a reference to a service that is not in this build is left to"
                        + " the organisation's build, as opsbook package does.")
        boolean part;

        @Option(
                names = "--cache",
                paramLabel = "DIR",
                description = "A folder where the build keeps what it read and wrote for the next one (a CI job's"
                        + " cache, target/…): a build after a small change parses only the Markdown that changed"
                        + " and renders only the pages whose data changed. The output is the same without it.")
        Path cache;

        abstract BuildRequest request();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (failOnNew && baseline == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--fail-on-new needs --baseline FILE");
            }
            BuildResult result;
            try {
                result = new Opsbook().build(request());
            } catch (OpsbookException e) {
                return failed(e, input, spec.commandLine());
            }
            for (Finding f : result.findings()) {
                f.lines().forEach(out::println);
            }
            if (result.report().changes() != null) {
                var c = result.report().changes();
                out.println("since the baseline of " + c.baselineAsOf() + ": "
                        + c.added().size() + " new, " + c.removed().size() + " gone"
                        + c.moves().stream().map(m -> "; " + m).reduce("", String::concat));
            }
            result.deferredLine(null).ifPresent(l -> out.println(Finding.printable(l)));
            out.println(result.summary());
            return result.fails(failOnWarning, failOnNew) ? ExitCode.FINDINGS : ExitCode.OK;
        }
    }

    /**
     * A build that could not start or finish, as one line (file names and text from the content printed as
     * findings are, control characters shown escaped): exit 2 when the options or configuration are at
     * fault, else 3. An error of the environment (a full disk, a folder that cannot be written) needs no
     * stack trace to be understood; a bug gets one; {@code --stacktrace} shows it in every case.
     */
    static int failed(OpsbookException e, ContentOptions input, CommandLine cl) {
        PrintWriter err = cl.getErr();
        err.println("opsbook: " + Finding.printable(e.getMessage()));
        if (e.isUsage()) {
            cl.usage(err);
            return ExitCode.USAGE;
        }
        Throwable cause = e.getCause();
        boolean environment = cause instanceof IOException
                || cause instanceof UncheckedIOException
                || cause instanceof InvalidPathException;
        if (cause != null && (input.debug() || !environment)) {
            cause.printStackTrace(err);
        }
        return ExitCode.INTERNAL;
    }

    @Command(
            name = "build",
            mixinStandardHelpOptions = true,
            description = "Checks the content and writes the site (also when there are error findings).")
    static final class Build extends Run {
        @Option(
                names = "--templates",
                paramLabel = "DIR",
                description = "A folder of templates that override the default ones by name.")
        Path templates;

        @Override
        BuildRequest request() {
            return new BuildRequest(input.content(), out, input.asOf, templates, true, baseline, sourceRoot)
                    .withParts(input.parts())
                    .asPart(part)
                    .withCache(cache);
        }
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = "Checks the content and writes the report files (JSON, JUnit XML, SARIF, GitLab Code"
                    + " Quality); no site pages.")
    static final class Check extends Run {
        @Override
        BuildRequest request() {
            return new BuildRequest(input.content(), out, input.asOf, null, false, baseline, sourceRoot)
                    .withParts(input.parts())
                    .asPart(part)
                    .withCache(cache);
        }
    }

    @Command(
            name = "serve",
            mixinStandardHelpOptions = true,
            description =
                    "Builds the site, serves it on 127.0.0.1, rebuilds when content changes and reloads open pages.")
    static final class Serve implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        ContentOptions input;

        @Option(
                names = "--out",
                paramLabel = "DIR",
                defaultValue = "site",
                description = "The site folder (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(
                names = "--port",
                paramLabel = "PORT",
                defaultValue = "8080",
                description = "The port (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(
                names = "--templates",
                paramLabel = "DIR",
                description = "Templates that override the defaults by name.")
        Path templates;

        @Option(
                names = "--part",
                description = "The content is one part of a larger handbook: a reference to a service that is not in"
                        + " this build is left to the organisation's build.")
        boolean part;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (var server = new PreviewServer(
                    new BuildRequest(input.content(), this.out, input.asOf, templates, true, null)
                            .withParts(input.parts())
                            .asPart(part),
                    port,
                    out)) {
                out.println("opsbook: serving http://127.0.0.1:" + server.port() + "/index.html — Ctrl-C stops");
                out.flush();
                Thread.currentThread().join();
            } catch (OpsbookException e) {
                return failed(e, input, spec.commandLine());
            } catch (BindException e) {
                spec.commandLine().getErr().println("opsbook: port " + port + " is in use; choose another with --port");
                return ExitCode.USAGE;
            }
            return ExitCode.OK;
        }
    }

    @Command(
            name = "package",
            mixinStandardHelpOptions = true,
            description = "Checks the content (merged with the parts given after it, such as the organisation's"
                    + " shared facts) and writes the content folder as a part: an opsbook zip that an"
                    + " organisation's handbook merges (--content ZIP). Nothing is written when the check fails.")
    static final class Package implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        ContentOptions input;

        @Option(
                names = "--out",
                paramLabel = "FILE",
                required = true,
                description = "The zip to write (such as target/payments-opsbook.zip).")
        Path out;

        @Option(
                names = "--artifact",
                paramLabel = "GROUP:ARTIFACT:VERSION",
                description = "The artifact the part is published as, which findings and reports name it by.")
        String artifact;

        @Option(
                names = "--reports",
                paramLabel = "DIR",
                description = "Where to write the check's report files too (default: none).")
        Path reports;

        @Option(
                names = "--fail-on-warning",
                description = "Warnings fail the check too (exit 1), and no part is written.")
        boolean failOnWarning;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (artifact != null && !artifact.matches("[^:\\s]+:[^:\\s]+:[^:\\s]+")) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--artifact must be GROUP:ARTIFACT:VERSION, found '" + artifact + "'");
            }
            Opsbook.Packed packed;
            try {
                packed = new Opsbook()
                        .pack(
                                new BuildRequest(input.content(), reports, input.asOf, null, false, null)
                                        .withParts(input.parts()),
                                this.out,
                                artifact,
                                failOnWarning);
            } catch (OpsbookException e) {
                return failed(e, input, spec.commandLine());
            }
            for (Finding f : packed.result().findings()) {
                f.lines().forEach(out::println);
            }
            packed.result().deferredLine(null).ifPresent(l -> out.println("opsbook: " + Finding.printable(l)));
            out.println(packed.result().summary());
            if (packed.manifest() == null) {
                out.println("opsbook: no part written: the check failed");
                return ExitCode.FINDINGS;
            }
            out.println("opsbook: wrote the part " + this.out + ": "
                    + packed.manifest().files() + " files, "
                    + packed.services() + ", "
                    + packed.manifest().digest());
            return ExitCode.OK;
        }
    }
}
