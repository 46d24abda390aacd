package dev.opsbook.output;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;

/** Refuses output folders that a build must never replace. Every path is compared as a real path. */
public final class OutputGuard {
    private OutputGuard() {}

    /**
     * Why {@code out} cannot be the output folder for {@code content}, or null when it can. Paths are
     * compared where they really are: through symbolic links, a site written into the content folder or
     * over the home directory is recognised as such; an output that is a symbolic link is judged by the
     * folder it leads to, which is the one a build replaces.
     *
     * @param replaces whether the build replaces the folder as a whole (a site), rather than writing the
     *     report files into it: then a folder that holds anything but an earlier site (marked by
     *     {@link SiteWriter#MARKER}, which only a build writes) or those report files is refused too, since a
     *     mistyped {@code --out=docs} would otherwise delete the user's files
     * @param reports the names of the report files, which {@code check} writes into a folder it keeps
     */
    public static String refusal(Path content, Path out, boolean replaces, Collection<String> reports) {
        Path c;
        Path o;
        Path home;
        try {
            c = OutputLock.realish(content);
            o = OutputLock.target(out);
            home = OutputLock.realish(Path.of(System.getProperty("user.home")));
        } catch (IOException e) {
            return "the output folder " + out + " cannot be used: " + e.getMessage();
        }
        String shown = o.equals(out.toAbsolutePath().normalize()) ? o.toString() : out + " (" + o + ")";
        if (o.getParent() == null) {
            return "the output folder " + shown + " is a filesystem root";
        }
        if (o.equals(home)) {
            return "the output folder " + shown + " is the home directory";
        }
        if (o.equals(c)) {
            return "the output folder " + shown + " is the content folder";
        }
        if (c.startsWith(o)) {
            return "the output folder " + shown + " contains the content folder " + c;
        }
        if (o.startsWith(c)) {
            return "the output folder " + shown + " is inside the content folder " + c;
        }
        if (Files.exists(o) && !Files.isDirectory(o)) {
            return "the output folder " + shown + " is a file";
        }
        if (replaces && Files.isDirectory(o) && !ours(o, reports)) {
            return "the output folder " + shown + " holds files that are not an earlier site (a site that opsbook"
                    + " built has the file " + SiteWriter.MARKER + ") or opsbook's reports, and a build replaces the"
                    + " folder as a whole";
        }
        return null;
    }

    /**
     * Whether a folder is empty, an earlier site, or holds only the report files that {@code check}
     * writes (the Maven goals share one folder). A site is recognised by the marker that only a build
     * writes; a site of an opsbook that wrote no marker, by its home page's generator tag and its script.
     */
    private static boolean ours(Path folder, Collection<String> reports) {
        if (Files.isRegularFile(folder.resolve(SiteWriter.MARKER), LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        if (olderSite(folder)) {
            return true;
        }
        try (var entries = Files.list(folder)) {
            return entries.allMatch(e ->
                    reports.contains(e.getFileName().toString()) && Files.isRegularFile(e, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return false; // unreadable: not known to be ours
        }
    }

    /** A site written before builds wrote the marker: opsbook's script and a home page that names opsbook. */
    private static boolean olderSite(Path folder) {
        Path index = folder.resolve("index.html");
        if (!Files.isRegularFile(index, LinkOption.NOFOLLOW_LINKS)
                || !Files.isRegularFile(folder.resolve("assets/opsbook.js"), LinkOption.NOFOLLOW_LINKS)
                || !Files.isRegularFile(folder.resolve("opsbook-report.json"), LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(index)) {
            String head = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            return head.contains("<meta name=\"generator\" content=\"opsbook ");
        } catch (IOException e) {
            return false;
        }
    }
}
