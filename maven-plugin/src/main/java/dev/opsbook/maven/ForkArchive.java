package dev.opsbook.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The forked JVM's class archive, as {@code bin/opsbook} keeps one: the classes the first forked build loaded are
 * archived when it exits, in the build cache's folder, and mapped by the next forked builds, which then start in
 * about a third of the time. One archive per Java, classpath (each jar's place, size and time) and JVM options; a
 * new plugin version or another Java makes a new one, and archives of earlier ones are deleted.
 */
final class ForkArchive {
    /** The options that name the archive, its status file and the logging that keeps the JVM quiet about it. */
    private static final String DUMP = "-XX:ArchiveClassesAtExit=";

    private static final String STATUS = "-Dopsbook.statusFile=";

    private ForkArchive() {}

    /**
     * The JVM options that use the archive of this classpath in {@code cache}, or make it at exit when there is none
     * yet; none without a cache folder or when it cannot be written.
     */
    static List<String> options(Path cache, String classpath, String jvmArgs) {
        List<String> opts = new ArrayList<>();
        if (cache == null || Boolean.getBoolean("opsbook.fork.noArchive")) {
            return opts;
        }
        try {
            Files.createDirectories(cache);
            Path archive = cache.resolve("classes-" + key(classpath, jvmArgs) + ".jsa");
            if (Files.isRegularFile(archive)) {
                opts.add("-XX:SharedArchiveFile=" + archive);
            } else {
                // archives of other classpaths (an earlier plugin version) go; another build's in the making stays
                try (var old = Files.newDirectoryStream(cache, "classes-*.jsa")) {
                    for (Path p : old) {
                        Files.deleteIfExists(p);
                    }
                }
                long pid = ProcessHandle.current().pid();
                opts.add(DUMP + archive + ".tmp" + pid);
                opts.add(STATUS + archive + ".status" + pid);
            }
            opts.add("-Xlog:cds=off");
            opts.add("-Xlog:cds+dynamic=off");
        } catch (IOException | RuntimeException e) {
            opts.clear(); // a folder that cannot be written: the build runs without the archive
        }
        return opts;
    }

    /**
     * After the forked run of {@code cmd} ended with {@code code}: the command line's own exit code (written before
     * the JVM archives its classes, which can fail), and the archive kept when the run did the work (0 or 1).
     */
    static int finish(List<String> cmd, int code) {
        String dump = value(cmd, DUMP);
        String status = value(cmd, STATUS);
        if (dump == null || status == null) {
            return code;
        }
        Path tmp = Path.of(dump);
        Path statusFile = Path.of(status);
        int result = code;
        try {
            if (Files.isRegularFile(statusFile)) {
                result = Integer.parseInt(Files.readString(statusFile).strip());
            }
            String name = tmp.getFileName().toString();
            Path archive = tmp.resolveSibling(name.substring(0, name.lastIndexOf(".tmp")));
            if (Files.isRegularFile(tmp) && (result == 0 || result == 1)) {
                Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | RuntimeException e) {
            // no archive this time
        }
        try {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(statusFile);
        } catch (IOException e) {
            // left in the cache folder; the next archive of this classpath replaces it
        }
        return result;
    }

    private static String value(List<String> cmd, String prefix) {
        for (String a : cmd) {
            if (a.startsWith(prefix)) {
                return a.substring(prefix.length());
            }
        }
        return null;
    }

    /** What tells one classpath and JVM from another. */
    private static String key(String classpath, String jvmArgs) {
        StringBuilder sb = new StringBuilder();
        sb.append(System.getProperty("java.home"))
                .append('\n')
                .append(System.getProperty("java.vm.version"))
                .append('\n')
                .append(jvmArgs.strip())
                .append('\n');
        for (String entry : classpath.split(File.pathSeparator)) {
            sb.append(entry);
            try {
                BasicFileAttributes a = Files.readAttributes(Path.of(entry), BasicFileAttributes.class);
                sb.append(' ')
                        .append(a.size())
                        .append(' ')
                        .append(a.lastModifiedTime().toMillis());
            } catch (IOException | RuntimeException e) {
                sb.append(" ?");
            }
            sb.append('\n');
        }
        CRC32 crc = new CRC32();
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        crc.update(bytes);
        return Long.toHexString(crc.getValue())
                + Integer.toHexString(sb.toString().hashCode());
    }
}
