package dev.opsbook.load;

import dev.opsbook.finding.Findings;
import dev.opsbook.model.Secret;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the files of one content folder for one load: as YAML or as front matter and Markdown, within
 * the size limits, remembering which files could not be read and scanning every text for secrets.
 * Safe to use from several threads.
 */
final class ContentReader {
    private final Path root;
    private final Findings findings;
    private final Set<String> unreadable = Collections.synchronizedSet(new TreeSet<>());
    private final List<Secret> secrets = Collections.synchronizedList(new ArrayList<>());

    /** The front matter keys of other tools that are accepted: {@link ForeignKeys} and the handbook's own. */
    private volatile Set<String> foreignKeys = ForeignKeys.PAGE_KEYS;

    /** Accepts {@code more} front matter keys too (opsbook.yaml's {@code foreignKeys}). */
    void foreignKeys(java.util.Collection<String> more) {
        Set<String> all = new java.util.HashSet<>(ForeignKeys.PAGE_KEYS);
        all.addAll(more);
        foreignKeys = Set.copyOf(all);
    }

    /** @param root the content folder's real path (no symbolic link in it) */
    ContentReader(Path root, Findings findings) {
        this.root = root;
        this.outsideRoot = root;
        this.findings = findings;
    }

    /** The repository around the content folder, whose rule files opsbook.yaml may name ({@code ../deploy/}). */
    private Path repository;

    /** The folder that {@code ../} paths are from: the content folder, or the organisation's in a merge. */
    private Path outsideRoot;

    void outside(Path folder) {
        this.outsideRoot = folder;
    }

    void repository(Path repository) {
        this.repository = repository;
    }

    /**
     * Where the content file {@code rel} really is. The listing follows a symbolic link only when it
     * leads to a file inside the content folder; this checks it again as the file is opened, so that a
     * link swapped in between is not followed out.
     */
    Path real(String rel) throws IOException {
        Path real = (rel.startsWith("../") ? outsideRoot : root).resolve(rel).toRealPath();
        boolean outside = repository != null && rel.startsWith("../") && real.startsWith(repository);
        if (!real.startsWith(root) && !outside) {
            throw new IOException(
                    "the content file " + rel + " became a link out of the content folder while it was read");
        }
        return real;
    }

    Findings findings() {
        return findings;
    }

    /**
     * The start of a content file's text, to tell what it is before it is read (no finding: a file that
     * cannot be read this way is read, and reported, as what it would otherwise be).
     */
    Optional<String> peek(String rel, int chars) {
        try (java.io.Reader in = Files.newBufferedReader(real(rel), StandardCharsets.UTF_8)) {
            char[] buf = new char[chars];
            int n = in.read(buf);
            return Optional.of(n <= 0 ? "" : new String(buf, 0, n));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The top-level mapping of a YAML file, or empty after a finding. */
    Optional<YamlMap> yaml(String rel, String service) throws IOException {
        Optional<String> text = Source.read(real(rel), rel, Limits.MAX_YAML_BYTES, service, findings);
        text.ifPresent(t -> secrets.addAll(SecretScanner.scan(t, rel, service, 0, true)));
        Optional<YamlMap> y = text.flatMap(t -> YamlDocument.parse(t, new YamlDocument.Ctx(rel, 0, service, findings)));
        if (y.isEmpty()) {
            unreadable.add(rel);
            text.ifPresent(unreadableTexts::add);
        }
        return y;
    }

    /** Every document of a YAML file (a Kubernetes manifest may hold several), or empty after a finding. */
    Optional<List<YamlMap>> yamlAll(String rel, String service) throws IOException {
        Optional<String> text = Source.read(real(rel), rel, Limits.MAX_YAML_BYTES, service, findings);
        text.ifPresent(t -> secrets.addAll(SecretScanner.scan(t, rel, service, 0, true)));
        Optional<List<YamlMap>> y =
                text.flatMap(t -> YamlDocument.parseAll(t, new YamlDocument.Ctx(rel, 0, service, findings)));
        if (y.isEmpty()) {
            unreadable.add(rel);
        }
        return y;
    }

    /**
     * The text of a content file that another one names ({@code at}: where), or empty after a finding: a
     * file that is not there is one, at {@code at}.
     */
    Optional<String> text(String rel, String service, dev.opsbook.model.Pos at) throws IOException {
        if (!Files.isRegularFile(root.resolve(rel))) {
            findings.error(
                    dev.opsbook.finding.Rules.BROKEN_REFERENCE,
                    service,
                    at,
                    "there is no file " + rel + " in the content folder",
                    "add it, or correct the path (it is relative to the content folder)");
            return Optional.empty();
        }
        return Source.read(real(rel), rel, Limits.MAX_YAML_BYTES, service, findings);
    }

    /** A Markdown file split into front matter and body, or empty after a finding. */
    Optional<FrontMatter> frontMatter(String rel, String service) throws IOException {
        Optional<String> text = Source.read(real(rel), rel, Limits.MAX_MARKDOWN_BYTES, service, findings);
        Optional<FrontMatter> fm = text.flatMap(t -> FrontMatter.split(t, rel, service, findings));
        fm.ifPresent(f -> {
            secrets.addAll(SecretScanner.scan(f.yaml(), rel, service, 1, true));
            secrets.addAll(SecretScanner.scan(f.body(), rel, service, f.bodyLine() - 1, false));
        });
        if (fm.isEmpty()) {
            unreadable.add(rel);
        }
        return fm;
    }

    /**
     * The front matter of a Markdown file as a mapping (an empty one when the file has none), or null
     * after a finding, the file then counting as not read (rules do not call its lastReviewed missing).
     */
    YamlMap frontMatterYaml(FrontMatter fm, String rel, String service) {
        if (!fm.present()) {
            return YamlMap.empty(new YamlDocument.Ctx(rel, 0, service, findings))
                    .foreign(foreignKeys);
        }
        Optional<YamlMap> y = YamlDocument.parse(fm.yaml(), new YamlDocument.Ctx(rel, 1, service, findings));
        if (y.isEmpty()) {
            unreadable.add(rel);
        }
        return y.map(m -> m.foreign(foreignKeys)).orElse(null);
    }

    /** Files copied to the site are published as they are: text ones are scanned for secrets too. */
    void scanAsset(String rel, String service) throws IOException {
        Path file = real(rel);
        if (Files.size(file) > Limits.MAX_YAML_BYTES) {
            return;
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            secrets.addAll(SecretScanner.scan(text, rel, service, 0, rel.endsWith(".yaml") || rel.endsWith(".yml")));
        } catch (CharacterCodingException e) {
            // binary (an image, a PDF): nothing to scan as text
        }
    }

    /**
     * Notes a file that should be there and is not: what it would define is unknown, as for a file that
     * does not parse (references to what it would define are not reported again).
     */
    void missing(String rel) {
        unreadable.add(rel);
    }

    /** The text of each YAML file that did not parse: what it may define is written in it somewhere. */
    private final List<String> unreadableTexts = Collections.synchronizedList(new java.util.ArrayList<>());

    List<String> unreadableTexts() {
        synchronized (unreadableTexts) {
            return List.copyOf(unreadableTexts);
        }
    }

    Set<String> unreadable() {
        synchronized (unreadable) {
            return Set.copyOf(unreadable);
        }
    }

    /** The secrets found, in file and line order. */
    List<Secret> secrets() {
        synchronized (secrets) {
            List<Secret> copy = new ArrayList<>(secrets);
            copy.sort(Comparator.comparing((Secret s) -> s.pos().file())
                    .thenComparingInt(s -> s.pos().line())
                    .thenComparingInt(s -> s.pos().column()));
            return copy;
        }
    }
}
