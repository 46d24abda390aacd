package dev.opsbook.maven;

import java.io.File;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

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
