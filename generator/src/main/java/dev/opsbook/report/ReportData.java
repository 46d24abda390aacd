package dev.opsbook.report;

import dev.opsbook.check.Assessment;
import dev.opsbook.finding.Finding;
import dev.opsbook.finding.Level;
import dev.opsbook.model.Pos;
import dev.opsbook.part.PartInfo;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Everything the reports say: the same for the JSON, JUnit XML, SARIF and HTML reports.
 *
 * @param digest  the content digest, which may still be being computed (see {@link #contentDigest})
 * @param changes the comparison with a baseline report, or null without one
 * @param contentPrefix where the content folder is in its repository, as a path prefix ({@code "content/"};
 *                "" when the content folder is the repository's root or in no repository), so that code hosts
 *                can place a finding: they know files by their path from the repository's root
 * @param baseUrl the address the site is served from (opsbook.yaml), or null
 * @param sourceCommit the git commit the content folder's repository is at (its HEAD), or null
 * @param parts   the parts merged with the content folder (each with its digest and the services it gave), none
 *                for a handbook of one folder
 * @param deferred in a part's build, the references to services of other repositories, left to the organisation's
 *                build (not findings); none otherwise
 */
public record ReportData(
        String generator,
        String version,
        LocalDate asOf,
        CompletableFuture<String> digest,
        List<Finding> findings,
        Assessment assessment,
        Changes changes,
        String contentPrefix,
        String baseUrl,
        String sourceCommit,
        List<PartInfo> parts,
        List<Finding> deferred) {

    public ReportData {
        parts = parts == null ? List.of() : List.copyOf(parts);
        deferred = deferred == null ? List.of() : List.copyOf(deferred);
    }

    public ReportData(
            String generator,
            String version,
            LocalDate asOf,
            CompletableFuture<String> digest,
            List<Finding> findings,
            Assessment assessment,
            Changes changes) {
        this(generator, version, asOf, digest, findings, assessment, changes, "", null, null, null, null);
    }

    /**
     * These data, with the content folder at {@code contentPrefix} in its repository, the site at {@code baseUrl}
     * and the commit the content is at ({@code sourceCommit}, or null outside git).
     */
    public ReportData placed(String contentPrefix, String baseUrl, String sourceCommit) {
        return new ReportData(
                generator,
                version,
                asOf,
                digest,
                findings,
                assessment,
                changes,
                contentPrefix,
                baseUrl,
                sourceCommit,
                parts,
                deferred);
    }

    /** These data, with the parts merged with the content folder. */
    public ReportData withParts(List<PartInfo> list) {
        return new ReportData(
                generator,
                version,
                asOf,
                digest,
                findings,
                assessment,
                changes,
                contentPrefix,
                baseUrl,
                sourceCommit,
                list,
                deferred);
    }

    /** These data, with the references a part's build left to the organisation's build. */
    public ReportData withDeferred(List<Finding> list) {
        return new ReportData(
                generator,
                version,
                asOf,
                digest,
                findings,
                assessment,
                changes,
                contentPrefix,
                baseUrl,
                sourceCommit,
                parts,
                list);
    }

    /** The part that gave the service {@code id}, or null: the content folder's own. */
    public PartInfo partOf(String id) {
        for (PartInfo p : parts) {
            if (p.services().contains(id)) {
                return p;
            }
        }
        return null;
    }

    /**
     * A content file's path from the root of its repository; a file inside a part ({@code label!/path}) is in
     * the part's repository, and named as it is.
     */
    public String repositoryPath(String contentFile) {
        return Pos.isInsidePart(contentFile) ? contentFile : contentPrefix + contentFile;
    }

    public ReportData(
            String generator,
            String version,
            LocalDate asOf,
            String contentDigest,
            List<Finding> findings,
            Assessment assessment,
            Changes changes) {
        this(generator, version, asOf, CompletableFuture.completedFuture(contentDigest), findings, assessment, changes);
    }

    /** {@code sha256:…} over the content; waits for it if it is still being computed. */
    public String contentDigest() {
        try {
            return digest.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u;
            }
            throw e;
        }
    }

    public long count(Level level) {
        return findings.stream().filter(f -> f.level() == level).count();
    }
}
