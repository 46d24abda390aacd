package dev.opsbook.maven;

import dev.opsbook.BuildRequest;
import dev.opsbook.OpsbookException;
import dev.opsbook.serve.PreviewServer;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.time.LocalDate;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Builds the site, serves it on 127.0.0.1, rebuilds on change and reloads open pages; runs until stopped. */
@Mojo(
        name = "serve",
        threadSafe = true,
        requiresProject = false,
        requiresDependencyResolution = ResolutionScope.COMPILE)
public final class ServeMojo extends OpsbookParameters {
    /** A folder of templates that override the default ones by name. */
    @Parameter(property = "opsbook.templatesDirectory")
    File templatesDirectory;

    /** The port on 127.0.0.1. */
    @Parameter(property = "opsbook.port", defaultValue = "8080")
    int port;

    @Override
    public void execute() throws MojoExecutionException {
        if (skipped()) {
            return;
        }
        LocalDate date = asOfDate();
        PrintWriter log = new PrintWriter(new Writer() {
            private final StringWriter line = new StringWriter();

            @Override
            public void write(char[] c, int off, int len) {
                for (int i = off; i < off + len; i++) {
                    if (c[i] == '\n') {
                        getLog().info(line.toString());
                        line.getBuffer().setLength(0);
                    } else {
                        line.write(c[i]);
                    }
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
        BuildRequest request = new BuildRequest(
                contentDirectory.toPath(),
                outputDirectory.toPath(),
                date,
                templatesDirectory == null ? null : templatesDirectory.toPath(),
                true,
                null);
        try (PreviewServer server = new PreviewServer(request, port, log)) {
            getLog().info("opsbook: serving http://127.0.0.1:" + server.port() + "/index.html — Ctrl-C stops");
            Thread.currentThread().join();
        } catch (OpsbookException | IOException e) {
            throw new MojoExecutionException("opsbook: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
