package dev.opsbook.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Refuses output folders that a build must never replace. */
public final class OutputGuard {
    private OutputGuard() {
    }

    /**
     * Why {@code out} cannot be the output folder for {@code content}, or null when it can.
     *
     * @param replaces whether the build replaces the folder as a whole (a site), rather than writing the
     *     report files into it: then a folder that holds anything but an earlier site or those report files
     *     is refused too, since a mistyped {@code --out=docs} would otherwise delete the user's files
     * @param reports the names of the report files, which {@code check} writes into a folder it keeps
     */
    public static String refusal(Path content, Path out, boolean replaces, java.util.Collection<String> reports) {
        Path c = content.toAbsolutePath().normalize();
        Path o = out.toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        if (o.getParent() == null) {
            return "the output folder " + o + " is a filesystem root";
        }
        if (o.equals(home)) {
            return "the output folder " + o + " is the home directory";
        }
        if (o.equals(c)) {
            return "the output folder " + o + " is the content folder";
        }
        if (c.startsWith(o)) {
            return "the output folder " + o + " contains the content folder " + c;
        }
        if (o.startsWith(c)) {
            return "the output folder " + o + " is inside the content folder " + c;
        }
        if (Files.exists(o) && !Files.isDirectory(o)) {
            return "the output folder " + o + " is a file";
        }
        if (replaces && Files.isDirectory(o) && !ours(o, reports)) {
            return "the output folder " + o + " holds files that are not an earlier site (index.html and"
                    + " opsbook-report.json) or opsbook's reports, and a build replaces the folder as a whole";
        }
        return null;
    }

    /**
     * Whether a folder is empty, an earlier site (it has both index.html and opsbook-report.json), or
     * holds only the report files that {@code check} writes (the Maven goals share one folder).
     */
    private static boolean ours(Path folder, java.util.Collection<String> reports) {
        if (Files.isRegularFile(folder.resolve("index.html")) && Files.isRegularFile(folder.resolve("opsbook-report.json"))) {
            return true;
        }
        try (var entries = Files.list(folder)) {
            return entries.allMatch(e -> reports.contains(e.getFileName().toString()) && Files.isRegularFile(e));
        } catch (IOException e) {
            return false; // unreadable: not known to be ours
        }
    }
}
