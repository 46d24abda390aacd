package dev.opsbook.cache;

import dev.opsbook.markdown.MarkdownMemo;
import dev.opsbook.output.PageSink;
import dev.opsbook.render.PageMemo;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A build's cache folder ({@code --cache}, {@code opsbook.cache}): the readings of Markdown bodies by a
 * digest of their text ({@code bodies.bin}), and the pages of the last build by a digest of their view
 * ({@code pages.bin}), both made by the code that is running ({@link CodeFingerprint}). A build takes what
 * is there and remembers what it used; {@link #save} keeps it for the next build. A cache that is damaged,
 * made by other code, or in use by another build is not used (the build is as without one, only slower),
 * and nothing in it changes what a build writes: every entry is the result of the same code on the same
 * input.
 */
public final class BuildCache implements MarkdownMemo, PageMemo, AutoCloseable {
    static final String BODIES = "bodies.bin";
    static final String PAGES = "pages.bin";
    private static final String LOCK = "lock";
    private static final byte[] MAGIC = "opsbook-cache/1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int KEY = 16;

    private final Path dir;
    private final String fingerprint;
    private final FileChannel lockChannel;
    private final FileLock lock;

    /** The bodies the folder holds, and how many records its file has (a body remembered twice counts twice). */
    private final Map<Key, byte[]> bodiesBefore;

    private int bodyRecords;
    private boolean bodiesDamaged;
    private final Map<Key, byte[]> bodiesUsed = new ConcurrentHashMap<>();
    private final Map<Key, byte[]> bodiesNew = new ConcurrentHashMap<>();

    private final Map<String, Page> pagesBefore;
    private final Map<String, Page> pagesNow = new ConcurrentHashMap<>();

    private record Key(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }

    private record Page(byte[] key, PageMemo.Entry entry) {}

    private BuildCache(Path dir, String fingerprint, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.fingerprint = fingerprint;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.bodiesBefore = readBodies();
        this.pagesBefore = readPages();
    }

    /**
     * The cache in {@code dir} (made if it is not there), or null when it cannot be used: the folder cannot be
     * made or written, or another build holds it.
     */
    public static BuildCache open(Path dir, String version) {
        String fingerprint = CodeFingerprint.of(
                version,
                BuildCache.class,
                org.commonmark.parser.Parser.class,
                freemarker.template.Template.class,
                org.yaml.snakeyaml.Yaml.class,
                com.fasterxml.jackson.core.JsonFactory.class,
                net.fortuna.ical4j.model.Calendar.class);
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock held = channel.tryLock();
            if (held == null) {
                channel.close();
                return null;
            }
            return new BuildCache(dir, fingerprint, channel, held);
        } catch (IOException | OverlappingFileLockException | SecurityException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing was written
                }
            }
            return null;
        }
    }

    /** The cache's folder. */
    public Path folder() {
        return dir;
    }

    /** How many bodies and pages were taken from the cache in this build (for the timings and tests). */
    public String usage() {
        long pagesTaken = pagesNow.entrySet().stream()
                .filter(e -> {
                    Page was = pagesBefore.get(e.getKey());
                    return was != null && was.entry() == e.getValue().entry();
                })
                .count();
        return (bodiesUsed.size() - bodiesNew.size()) + " of " + bodiesUsed.size() + " bodies, " + pagesTaken + " of "
                + pagesNow.size() + " pages from the cache";
    }

    // bodies

    @Override
    public byte[] find(byte[] key) {
        return bodiesBefore.get(new Key(key));
    }

    @Override
    public void put(byte[] key, byte[] value) {
        Key k = new Key(key);
        bodiesUsed.put(k, value);
        if (!bodiesBefore.containsKey(k)) {
            bodiesNew.put(k, value);
        }
    }

    // pages

    @Override
    public Entry find(String path, byte[] key) {
        Page p = pagesBefore.get(path);
        return p != null && Arrays.equals(p.key(), key) ? p.entry() : null;
    }

    @Override
    public void put(String path, byte[] key, Entry entry) {
        pagesNow.put(path, new Page(key, entry));
    }

    /**
     * Keeps what this build used for the next: new bodies added to the file (the file written again with
     * only the bodies used when most of it is no longer), the pages written again when any changed.
     */
    public void save() throws IOException {
        saveBodies();
        if (pagesChanged()) {
            writePages();
        }
    }

    private boolean pagesChanged() {
        if (pagesNow.size() != pagesBefore.size()) {
            return true;
        }
        for (var e : pagesNow.entrySet()) {
            Page was = pagesBefore.get(e.getKey());
            if (was == null || was.entry() != e.getValue().entry()) {
                return true;
            }
        }
        return false;
    }

    private void saveBodies() throws IOException {
        int unused = bodyRecords - (bodiesUsed.size() - bodiesNew.size());
        Path file = dir.resolve(BODIES);
        if (!bodiesDamaged && Files.isRegularFile(file) && unused <= bodiesUsed.size()) {
            if (!bodiesNew.isEmpty()) {
                try (OutputStream out =
                        new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.APPEND), 1 << 16)) {
                    writeBodies(new DataOutputStream(out), sorted(bodiesNew));
                }
            }
            return;
        }
        replace(file, out -> {
            out.write(MAGIC);
            writeString(out, fingerprint);
            writeBodies(out, sorted(bodiesUsed));
        });
    }

    /** In the order of their keys: the same build writes the same file. */
    private static List<Map.Entry<Key, byte[]>> sorted(Map<Key, byte[]> bodies) {
        List<Map.Entry<Key, byte[]>> list = new ArrayList<>(bodies.entrySet());
        list.sort(
                (a, b) -> Arrays.compareUnsigned(a.getKey().bytes(), b.getKey().bytes()));
        return list;
    }

    private static void writeBodies(DataOutputStream out, List<Map.Entry<Key, byte[]>> bodies) throws IOException {
        for (var e : bodies) {
            out.write(e.getKey().bytes());
            out.writeInt(e.getValue().length);
            out.write(e.getValue());
        }
        out.flush();
    }

    private Map<Key, byte[]> readBodies() {
        Map<Key, byte[]> bodies = new HashMap<>();
        ByteBuffer b = readHeader(BODIES);
        if (b == null) {
            bodiesDamaged = true;
            return bodies;
        }
        try {
            while (b.hasRemaining()) {
                byte[] key = new byte[KEY];
                b.get(key);
                int n = b.getInt();
                if (n < 0 || n > b.remaining()) {
                    bodiesDamaged = true; // the end of a write that did not finish
                    break;
                }
                byte[] value = new byte[n];
                b.get(value);
                bodies.put(new Key(key), value);
                bodyRecords++;
            }
        } catch (BufferUnderflowException e) {
            bodiesDamaged = true;
        }
        return bodies;
    }

    private void writePages() throws IOException {
        TreeMap<String, Page> pages = new TreeMap<>(pagesNow);
        Map<String, Integer> index = new HashMap<>();
        List<String> table = new ArrayList<>();
        for (var e : pages.entrySet()) {
            intern(e.getKey(), index, table);
            for (String s : e.getValue().entry().ids()) {
                intern(s, index, table);
            }
            for (String s : e.getValue().entry().links()) {
                intern(s, index, table);
            }
        }
        replace(dir.resolve(PAGES), out -> {
            out.write(MAGIC);
            writeString(out, fingerprint);
            out.writeInt(table.size());
            for (String s : table) {
                writeString(out, s);
            }
            out.writeInt(pages.size());
            for (var e : pages.entrySet()) {
                Page p = e.getValue();
                out.writeInt(index.get(e.getKey()));
                out.write(p.key());
                out.writeLong(p.entry().stamp().size());
                out.writeLong(p.entry().stamp().modified());
                out.writeInt(p.entry().ids().length);
                for (String s : p.entry().ids()) {
                    out.writeInt(index.get(s));
                }
                out.writeInt(p.entry().links().length);
                for (String s : p.entry().links()) {
                    out.writeInt(index.get(s));
                }
            }
            out.flush();
        });
    }

    private static void intern(String s, Map<String, Integer> index, List<String> table) {
        if (index.putIfAbsent(s, table.size()) == null) {
            table.add(s);
        }
    }

    private Map<String, Page> readPages() {
        Map<String, Page> pages = new HashMap<>();
        ByteBuffer b = readHeader(PAGES);
        if (b == null) {
            return pages;
        }
        try {
            int n = count(b);
            String[] table = new String[n];
            for (int i = 0; i < n; i++) {
                table[i] = readString(b);
            }
            int entries = count(b);
            for (int i = 0; i < entries; i++) {
                String path = table[b.getInt()];
                byte[] key = new byte[KEY];
                b.get(key);
                PageSink.Stamp stamp = new PageSink.Stamp(b.getLong(), b.getLong());
                String[] ids = new String[count(b)];
                for (int j = 0; j < ids.length; j++) {
                    ids[j] = table[b.getInt()];
                }
                String[] links = new String[count(b)];
                for (int j = 0; j < links.length; j++) {
                    links[j] = table[b.getInt()];
                }
                pages.put(path, new Page(key, new Entry(stamp, ids, links)));
            }
            return pages;
        } catch (RuntimeException e) {
            return new HashMap<>(); // damaged: every page is rendered, and the file written again
        }
    }

    private static int count(ByteBuffer b) {
        int n = b.getInt();
        if (n < 0 || n > b.remaining()) {
            throw new IllegalStateException("not a count");
        }
        return n;
    }

    /** The file's content after its header, or null when it is missing, damaged or made by other code. */
    private ByteBuffer readHeader(String name) {
        Path file = dir.resolve(name);
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
            byte[] magic = new byte[MAGIC.length];
            b.get(magic);
            if (!Arrays.equals(magic, MAGIC) || !fingerprint.equals(readString(b))) {
                return null;
            }
            return b;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @FunctionalInterface
    private interface Writing {
        void to(DataOutputStream out) throws IOException;
    }

    /** Writes the file whole beside itself and moves it in: a build stopped half way leaves the old one. */
    private void replace(Path file, Writing writing) throws IOException {
        Path tmp = dir.resolve(
                file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            try (DataOutputStream out =
                    new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                writing.to(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(ByteBuffer b) {
        int n = count(b);
        byte[] bytes = new byte[n];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Lets another build use the folder. */
    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
    }
}
