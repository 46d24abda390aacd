package dev.opsbook;

import dev.opsbook.part.Part;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

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
 * @param parts         the parts merged with the content folder (opsbook zips or folders), none for a handbook of
 *                      one folder
 * @param part          the content folder is one part of a larger handbook (a team's, checked with the
 *                      organisation's shared facts): a reference to a service that is not in this build is one of
 *                      another repository, left to the organisation's build instead of being an error
 * @param cache         a folder where a build keeps what it read and wrote for the next (a CI job's cache, or
 *                      {@code target/}), so that a build after a small change redoes only what changed; null for
 *                      none. The output is the same without it
 */
public record BuildRequest(
        Path content,
        Path output,
        LocalDate asOf,
        Path templates,
        boolean writeSite,
        Path baseline,
        Path sourceRoot,
        List<Part> parts,
        boolean part,
        Path cache) {

    public BuildRequest {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /** The same build with the cache folder {@code dir} (null: none): see {@link dev.opsbook.cache.BuildCache}. */
    public BuildRequest withCache(Path dir) {
        return new BuildRequest(content, output, asOf, templates, writeSite, baseline, sourceRoot, parts, part, dir);
    }

    public BuildRequest(
            Path content,
            Path output,
            LocalDate asOf,
            Path templates,
            boolean writeSite,
            Path baseline,
            Path sourceRoot) {
        this(content, output, asOf, templates, writeSite, baseline, sourceRoot, List.of(), false, null);
    }

    public BuildRequest(Path content, Path output, LocalDate asOf, Path templates, boolean writeSite, Path baseline) {
        this(content, output, asOf, templates, writeSite, baseline, null);
    }

    /** This request with {@code list} merged with the content folder. */
    public BuildRequest withParts(List<Part> list) {
        return new BuildRequest(content, output, asOf, templates, writeSite, baseline, sourceRoot, list, part, cache);
    }

    /** This request with the content folder as a part of a larger handbook ({@code part}). */
    public BuildRequest asPart(boolean value) {
        return new BuildRequest(content, output, asOf, templates, writeSite, baseline, sourceRoot, parts, value, cache);
    }

    public BuildRequest withSourceRoot(Path dir) {
        return new BuildRequest(content, output, asOf, templates, writeSite, baseline, dir, parts, part, cache);
    }

    public static BuildRequest build(Path content, Path output) {
        return new BuildRequest(content, output, null, null, true, null);
    }

    public static BuildRequest check(Path content, Path output) {
        return new BuildRequest(content, output, null, null, false, null);
    }

    public BuildRequest withAsOf(LocalDate date) {
        return new BuildRequest(content, output, date, templates, writeSite, baseline, sourceRoot, parts, part, cache);
    }

    public BuildRequest withTemplates(Path dir) {
        return new BuildRequest(content, output, asOf, dir, writeSite, baseline, sourceRoot, parts, part, cache);
    }

    public BuildRequest withBaseline(Path file) {
        return new BuildRequest(content, output, asOf, templates, writeSite, file, sourceRoot, parts, part, cache);
    }
}
