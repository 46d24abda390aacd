package dev.opsbook.maven;

import dev.opsbook.BuildRequest;
import java.time.LocalDate;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Checks the handbook without writing the site; error findings fail the build. */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true, requiresProject = false)
public final class CheckMojo extends AbstractOpsbookMojo {
    @Override
    BuildRequest request(LocalDate asOf) {
        return new BuildRequest(contentDirectory.toPath(), null, asOf, null, false);
    }
}
