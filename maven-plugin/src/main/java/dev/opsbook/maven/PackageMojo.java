package dev.opsbook.maven;

import dev.opsbook.BuildRequest;
import dev.opsbook.Opsbook;
import dev.opsbook.OpsbookException;
import dev.opsbook.finding.Finding;
import dev.opsbook.part.Part;
import java.io.File;
import java.time.LocalDate;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Checks the team's content folder, merged with the project's parts (the organisation's shared facts, declared as
 * a dependency of type {@code zip} and classifier {@code opsbook}), and attaches the folder as the project's part:
 * an artifact of type {@code zip} and classifier {@code opsbook} holding the content and its manifest
 * ({@code opsbook-part.json}: the services it defines, its content digest, the opsbook version), which
 * {@code mvn deploy} publishes. References to services of other repositories are left to the organisation's
 * build; every other finding counts, and an error (with {@code failOnWarning}, a warning) fails the build with
 * nothing attached. Default phase {@code package}.
 */
@Mojo(
        name = "package",
        defaultPhase = LifecyclePhase.PACKAGE,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE)
public final class PackageMojo extends OpsbookParameters {
    /** The part's zip. */
    @Parameter(
            property = "opsbook.partFile",
            defaultValue = "${project.build.directory}/${project.build.finalName}-opsbook.zip")
    File partFile;

    /** Warnings fail the build too, and nothing is attached. */
    @Parameter(property = "opsbook.failOnWarning", defaultValue = "false")
    boolean failOnWarning;

    @Component
    MavenProjectHelper projectHelper;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        LocalDate date = asOfDate();
        List<Part> parts = parts();
        parts.forEach(p -> getLog().info("opsbook: checked with the part " + p.label()));
        String artifact = project.getGroupId() + ":" + project.getArtifactId() + ":" + project.getVersion();
        Opsbook.Packed packed;
        try {
            packed = new Opsbook()
                    .pack(
                            new BuildRequest(
                                            contentDirectory.toPath(),
                                            outputDirectory.toPath(),
                                            date,
                                            null,
                                            false,
                                            null)
                                    .withParts(parts),
                            partFile.toPath(),
                            artifact,
                            failOnWarning);
        } catch (OpsbookException e) {
            throw new MojoExecutionException("opsbook: " + e.getMessage(), e);
        }
        String prefix = AbstractOpsbookMojo.pathPrefix(contentDirectory, basedir, false);
        for (Finding f : packed.result().findings()) {
            f.lines(prefix).forEach(line -> AbstractOpsbookMojo.log(getLog(), f.level(), line));
        }
        packed.result().deferredLine(prefix).ifPresent(l -> getLog().info("opsbook: " + Finding.printable(l)));
        getLog().info("opsbook: " + packed.result().summary());
        if (packed.manifest() == null) {
            throw new MojoFailureException("opsbook: " + packed.result().summary()
                    + (packed.result().hasErrors() ? "" : " (failOnWarning is set)")
                    + "; see the findings above; no part is attached");
        }
        projectHelper.attachArtifact(project, PART_TYPE, PART_CLASSIFIER, partFile);
        getLog().info("opsbook: attached the part " + artifact + " (" + partFile.getName() + "): "
                + packed.manifest().files() + " files, " + packed.services() + ", "
                + packed.manifest().digest());
    }
}
