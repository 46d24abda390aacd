package dev.opsbook.maven;

import dev.opsbook.BuildRequest;
import java.io.File;
import java.time.LocalDate;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Checks the handbook and writes the site and reports; error findings fail the build after writing. */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true, requiresProject = false)
public final class GenerateMojo extends AbstractOpsbookMojo {
    /** Where the site goes; replaced as a whole when the build is complete. */
    @Parameter(property = "opsbook.outputDirectory", defaultValue = "${project.build.directory}/opsbook")
    File outputDirectory;

    /** A folder of templates that override the default ones by name. */
    @Parameter(property = "opsbook.templatesDirectory")
    File templatesDirectory;

    @Override
    BuildRequest request(LocalDate asOf) {
        return new BuildRequest(contentDirectory.toPath(), outputDirectory.toPath(), asOf,
                templatesDirectory == null ? null : templatesDirectory.toPath(), true);
    }
}
