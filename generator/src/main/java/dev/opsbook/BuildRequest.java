package dev.opsbook;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What to build.
 *
 * @param content       the content folder
 * @param output        the site folder (replaced as a whole at the end of a build); for a check, where the
 *                      reports go (null: none are written)
 * @param asOf          the as-of date given by the caller (option or property), or null
 * @param templates     a folder whose templates override the defaults by name, or null
 * @param writeSite     false for {@code check}: the reports only, no site pages
 * @param baseline      an earlier opsbook-report.json to compare with, or null
 * @param sourceRoot    the folder the reports' paths for code hosts (SARIF, GitLab Code Quality) are relative
 *                      to, which must hold the content folder; null: the nearest folder above the content
 *                      folder (itself included) with a {@code .git}, else the content folder
 */
public record BuildRequest(
        Path content, Path output, LocalDate asOf, Path templates, boolean writeSite, Path baseline, Path sourceRoot) {

    public BuildRequest(Path content, Path output, LocalDate asOf, Path templates, boolean writeSite, Path baseline) {
        this(content, output, asOf, templates, writeSite, baseline, null);
    }

    public BuildRequest withSourceRoot(Path dir) {
        return new BuildRequest(content, output, asOf, templates, writeSite, baseline, dir);
    }

    public static BuildRequest build(Path content, Path output) {
        return new BuildRequest(content, output, null, null, true, null);
    }

    public static BuildRequest check(Path content, Path output) {
        return new BuildRequest(content, output, null, null, false, null);
    }

    public BuildRequest withAsOf(LocalDate date) {
        return new BuildRequest(content, output, date, templates, writeSite, baseline, sourceRoot);
    }

    public BuildRequest withTemplates(Path dir) {
        return new BuildRequest(content, output, asOf, dir, writeSite, baseline, sourceRoot);
    }

    public BuildRequest withBaseline(Path file) {
        return new BuildRequest(content, output, asOf, templates, writeSite, file, sourceRoot);
    }
}
