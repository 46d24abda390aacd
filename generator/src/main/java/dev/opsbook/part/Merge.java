package dev.opsbook.part;

import dev.opsbook.finding.Findings;
import dev.opsbook.finding.Rules;
import dev.opsbook.model.Pos;
import dev.opsbook.parallel.Parallel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Lays the organisation's content folder and the parts out as one content folder, in a folder of its own
 * (deleted by {@link Merged#close}), which the build then reads as any other. The organisation's files come
 * first, then the parts' in the order of their labels, so that the result does not depend on the order the
 * parts were given in. A service folder ({@code services/ID/}) is one unit: found in two places, the first
 * is used whole and the other is a {@code duplicate-id} error that names both; so is any other file found in
 * two places with different bytes (the same file twice, such as a copy of the organisation's
 * {@code severities.yaml}, is used once). A part that cannot be used is a {@code part-refused} error, and
 * nothing of it is used.
 */
public final class Merge {
    private Merge() {}

    /** A merged content folder. */
    public record Merged(Path root, Origins origins, List<PartInfo> parts, Path work) implements AutoCloseable {
        /** The parts with the services of {@code handbook} each gave: the services whose folder or file came from it. */
        public List<PartInfo> parts(Map<String, String> serviceFiles) {
            Map<String, List<String>> byPart = new HashMap<>();
            serviceFiles.forEach((id, file) -> {
                String p = origins.partOf(file);
                if (p != null) {
                    byPart.computeIfAbsent(p, k -> new ArrayList<>()).add(id);
                }
            });
            return parts.stream()
                    .map(p -> p.refused() != null
                            ? p
                            : p.withServices(new TreeSet<>(byPart.getOrDefault(p.label(), List.of()))
                                    .stream().toList()))
                    .toList();
        }

        @Override
        public void close() {
            delete(work);
        }
    }

    /** One source of files: the organisation's folder, or a part's (a zip unpacked, or a folder as it is). */
    private record Source(String label, Path folder, String description, boolean organisation) {}

    /**
     * Merges {@code main} (the organisation's content folder, a real path) with {@code parts}; refusals and
     * clashes are added to {@code findings} with the parts' names ({@code label!/path}).
     */
    public static Merged merge(Path main, List<Part> parts, Findings findings) throws IOException {
        return merge(main, parts, findings, null, 1);
    }

    /**
     * {@link #merge(Path, List, Findings)} in a hidden folder made in {@code near} (the folder the site goes to:
     * the disk the user chose for the build's files, often far faster than the system's temporary folder), or in
     * the system's temporary folder when {@code near} is null; the parts are read on {@code threads} threads.
     */
    public static Merged merge(Path main, List<Part> parts, Findings findings, Path near, int threads)
            throws IOException {
        Path work;
        if (near != null) {
            Files.createDirectories(near);
            work = Files.createTempDirectory(near, ".opsbook-merge-");
        } else {
            work = Files.createTempDirectory("opsbook-merge-");
        }
        try {
            Path root = Files.createDirectory(work.resolve("content"));
            List<Integer> order =
                    java.util.stream.IntStream.range(0, parts.size()).boxed().toList();
            // each part read on its own (unpacked, checked, its digest worked out), on the build's threads
            List<Prepared> prepared =
                    Parallel.map(order, threads, i -> prepare(parts.get(i), work.resolve("part-" + i)));
            List<Source> sources = new ArrayList<>();
            List<PartInfo> infos = new ArrayList<>();
            for (Prepared p : prepared) {
                if (p.source() != null) {
                    sources.add(p.source());
                }
                infos.add(p.info());
                if (p.info().refused() != null) {
                    String label = p.info().label();
                    String file = p.info().file();
                    findings.error(
                            Rules.PART_REFUSED,
                            null,
                            Pos.file(Pos.insidePart(label, "")), // the zip itself
                            "the part " + label + (label.equals(file) ? "" : " (" + file + ")") + " is refused: "
                                    + p.info().refused() + "; nothing of it is used",
                            "package the part with mvn opsbook:package (or opsbook package) and publish that zip");
                }
            }
            sources.sort(Comparator.comparing(Source::label));
            sources.add(0, new Source(null, main, "the organisation's content", true));
            infos.sort(Comparator.comparing(PartInfo::label));
            Map<String, String> origin = new HashMap<>();
            Map<String, Source> claimed = new HashMap<>();
            for (Source s : sources) {
                Map<String, List<String>> units = units(files(s.folder()));
                for (Map.Entry<String, List<String>> u : units.entrySet()) {
                    String unit = u.getKey();
                    Source first = claimed.get(unit);
                    if (first != null) {
                        if (!unit.endsWith("/")
                                && sameBytes(
                                        first.folder().resolve(unit), s.folder().resolve(unit))) {
                            continue;
                        }
                        clash(unit, u.getValue().get(0), first, s, findings);
                        continue;
                    }
                    claimed.put(unit, s);
                    for (String rel : u.getValue()) {
                        Path target = root.resolve(rel);
                        Files.createDirectories(target.getParent());
                        if (s.folder().startsWith(work)) {
                            Files.move(s.folder().resolve(rel), target); // a zip's, unpacked
                        } else {
                            copy(s.folder(), rel, target);
                        }
                        if (!s.organisation()) {
                            origin.put(rel, s.label());
                        }
                    }
                    if (!s.organisation() && unit.endsWith("/")) {
                        origin.put(unit.substring(0, unit.length() - 1), s.label());
                    }
                }
            }
            return new Merged(root, new Origins(Map.copyOf(origin)), List.copyOf(infos), work);
        } catch (IOException | RuntimeException e) {
            delete(work);
            throw e;
        }
    }

    /** A part read: where its files are (null: refused), and what the reports say of it. */
    private record Prepared(Source source, PartInfo info) {}

    private static Prepared prepare(Part part, Path staging) throws IOException {
        Path path = part.path();
        String file = path.getFileName() == null
                ? path.toString()
                : path.getFileName().toString();
        if (Files.isDirectory(path)) {
            String label = part.label() != null ? part.label() : slashes(path.toString());
            Path real = path.toRealPath();
            return new Prepared(
                    new Source(label, real, label, false),
                    new PartInfo(label, file, ContentDigest.of(real, files(real)), null, List.of(), null));
        }
        Files.createDirectory(staging);
        String label = part.label() != null ? part.label() : file;
        try {
            if (!Files.isRegularFile(path)) {
                throw new PartZip.Refused("there is no such file");
            }
            PartManifest m = PartZip.unpack(path, staging);
            if (m.artifact() != null) {
                label = m.artifact(); // as it was published, the same in Maven's JVM and a forked one
            }
            return new Prepared(
                    new Source(label, staging, label + " (" + file + ")", false),
                    new PartInfo(label, file, m.digest(), m.opsbook(), m.services(), null));
        } catch (PartZip.Refused e) {
            delete(staging);
            return new Prepared(null, new PartInfo(label, file, null, null, List.of(), e.getMessage()));
        }
    }

    private static void clash(String unit, String rel, Source first, Source second, Findings findings) {
        String where = second.organisation() ? rel : Pos.insidePart(second.label(), rel);
        String firstName = first.organisation() ? unit : Pos.insidePart(first.label(), unit);
        String secondName = Pos.insidePart(second.label(), unit);
        if (unit.endsWith("/")) {
            String id = unit.substring("services/".length(), unit.length() - 1);
            findings.error(
                    Rules.DUPLICATE_ID,
                    id,
                    Pos.file(where),
                    "service '" + id + "' is defined twice: by " + first.description() + " at " + firstName + " and by "
                            + second.description() + " at " + secondName + "; the first is used",
                    "define each service in one repository: remove it from one of them, or rename one");
        } else {
            findings.error(
                    Rules.DUPLICATE_ID,
                    null,
                    Pos.file(where),
                    unit + " is in " + first.description() + " (" + firstName + ") and, different, in "
                            + second.description() + " (" + secondName + "); the first is used",
                    "keep the file in one repository, or give one of them another name");
        }
    }

    /**
     * The units of a source's files, in path order: a service's folder ({@code services/ID/}) with its files,
     * every other file on its own.
     */
    private static Map<String, List<String>> units(List<String> files) {
        Map<String, List<String>> units = new TreeMap<>();
        for (String rel : files) {
            String[] seg = rel.split("/", 3);
            String unit = seg.length == 3 && seg[0].equals("services") ? "services/" + seg[1] + "/" : rel;
            units.computeIfAbsent(unit, k -> new ArrayList<>()).add(rel);
        }
        return units;
    }

    /** The files of a folder as the loader reads them (hidden ones left out), relative and sorted. */
    public static List<String> files(Path folder) throws IOException {
        List<String> out = new ArrayList<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(folder) && dir.getFileName().toString().startsWith(".")
                        ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!file.getFileName().toString().startsWith(".")
                        && (attrs.isRegularFile() || attrs.isSymbolicLink())) {
                    out.add(slashes(folder.relativize(file).toString()));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        out.sort(null);
        return out;
    }

    /**
     * Copies a file of a folder (the organisation's, or a part's): its bytes, or, for a symbolic link that leads out of the
     * folder, the link itself, which the loader then refuses as it would have in the folder; a link to a folder inside
     * it is left out, as the loader leaves it out.
     */
    private static void copy(Path folder, String rel, Path target) throws IOException {
        Path from = folder.resolve(rel);
        if (Files.isSymbolicLink(from)) {
            Path real;
            try {
                real = from.toRealPath();
            } catch (IOException e) {
                real = null;
            }
            if (real != null && real.startsWith(folder) && !Files.isRegularFile(real)) {
                return; // a link to a folder inside it: the loader reads no such link, in the folder or here
            }
            if (real == null || !real.startsWith(folder)) {
                Files.copy(from, target, LinkOption.NOFOLLOW_LINKS);
                return;
            }
        }
        Files.copy(from, target, StandardCopyOption.COPY_ATTRIBUTES);
    }

    private static boolean sameBytes(Path a, Path b) {
        try {
            return Files.mismatch(a, b) == -1;
        } catch (IOException e) {
            return false;
        }
    }

    private static String slashes(String path) {
        return path.replace('\\', '/');
    }

    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is not worth failing a build for
        }
    }
}
