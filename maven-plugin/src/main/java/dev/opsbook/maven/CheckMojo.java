package dev.opsbook.maven;

import dev.opsbook.BuildRequest;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Checks the handbook and writes the report files, no site pages (default phase {@code validate}); error
 * findings fail the build.
 */
@Mojo(
        name = "check",
        defaultPhase = LifecyclePhase.VALIDATE,
        threadSafe = true,
        requiresProject = false,
        requiresDependencyResolution = ResolutionScope.COMPILE)
public final class CheckMojo extends AbstractOpsbookMojo {
    @Override
    BuildRequest request(LocalDate asOf, Path baseline) {
        return new BuildRequest(contentDirectory.toPath(), outputDirectory.toPath(), asOf, null, false, baseline);
    }
}
