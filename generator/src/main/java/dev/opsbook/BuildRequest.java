package dev.opsbook;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What to build.
 *
 * @param content       the content folder
 * @param output        the site folder (replaced as a whole at the end of a build); null for a check
 * @param asOf          the as-of date given by the caller (option or property), or null
 * @param templates     a folder whose templates override the defaults by name, or null
 * @param writeSite     false for {@code check}: load and check only
 */
public record BuildRequest(Path content, Path output, LocalDate asOf, Path templates, boolean writeSite) {

    public static BuildRequest build(Path content, Path output) {
        return new BuildRequest(content, output, null, null, true);
    }

    public BuildRequest withAsOf(LocalDate date) {
        return new BuildRequest(content, output, date, templates, writeSite);
    }

    public BuildRequest withTemplates(Path dir) {
        return new BuildRequest(content, output, asOf, dir, writeSite);
    }
}
