package dev.opsbook.maven;

import dev.opsbook.part.Part;
import java.io.File;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** The parameters every goal takes (all also {@code opsbook.*} properties). */
abstract class OpsbookParameters extends AbstractMojo {
    /** The handbook's content folder. */
    @Parameter(property = "opsbook.contentDirectory", defaultValue = "${project.basedir}/content")
    File contentDirectory;

    /** Where the site (generate, serve) or the report files (check) go. */
    @Parameter(property = "opsbook.outputDirectory", defaultValue = "${project.build.directory}/opsbook")
    File outputDirectory;

    /** The date that "today" means for every date check (YYYY-MM-DD). */
    @Parameter(property = "opsbook.asOf")
    String asOf;

    /** The project, whose dependencies of type {@code zip} and classifier {@code opsbook} are parts. */
    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    /**
     * The parts to merge with the content folder: every dependency of the project (direct or not, of scope
     * compile or provided) of type {@code zip} and classifier {@code opsbook}, in the order of their coordinates.
     * Maven has resolved them (a missing one has failed the build, naming it, before the goal ran).
     */
    List<Part> parts() {
        if (project == null || project.getArtifacts() == null) {
            return List.of();
        }
        return project.getArtifacts().stream()
                .filter(a -> PART_CLASSIFIER.equals(a.getClassifier()) && PART_TYPE.equals(a.getType()))
                .filter(a -> a.getFile() != null)
                .sorted(Comparator.comparing(Artifact::getId))
                .map(a ->
                        new Part(a.getFile().toPath(), a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getVersion()))
                .toList();
    }

    /** The classifier of a part's artifact (fixed: other tools rely on it). */
    static final String PART_CLASSIFIER = "opsbook";
    /** The type of a part's artifact (fixed: other tools rely on it). */
    static final String PART_TYPE = "zip";

    /** The project's folder, from which the log names the files of findings. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File basedir;

    /** Skips the goal. */
    @Parameter(property = "opsbook.skip", defaultValue = "false")
    boolean skip;

    /** True (after saying so) when the goal is to be skipped. */
    boolean skipped() {
        if (skip) {
            getLog().info("opsbook: skipped because opsbook.skip is true");
        }
        return skip;
    }

    /** {@code opsbook.asOf} as a date, or null when not given. */
    LocalDate asOfDate() throws MojoExecutionException {
        try {
            return asOf == null || asOf.isBlank() ? null : LocalDate.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            // without the parser's exception: Maven would print its message too, in java.time's terms
            throw new MojoExecutionException(
                    "opsbook.asOf is not a date (YYYY-MM-DD, e.g. 2026-11-21): '" + asOf + "'");
        }
    }
}
