package dev.opsbook.maven;

import dev.opsbook.BuildRequest;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Checks the handbook and writes the site and reports (default phase {@code package}); error findings
 * fail the build after writing, so people can read why.
 */
@Mojo(
        name = "generate",
        defaultPhase = LifecyclePhase.PACKAGE,
        threadSafe = true,
        requiresProject = false,
        requiresDependencyResolution = ResolutionScope.COMPILE)
public final class GenerateMojo extends AbstractOpsbookMojo {
    /** A folder of templates that override the default ones by name. */
    @Parameter(property = "opsbook.templatesDirectory")
    File templatesDirectory;

    @Override
    BuildRequest request(LocalDate asOf, Path baseline) {
        return new BuildRequest(
                contentDirectory.toPath(),
                outputDirectory.toPath(),
                asOf,
                templatesDirectory == null ? null : templatesDirectory.toPath(),
                true,
                baseline);
    }
}
