package dev.opsbook.cache;

import dev.opsbook.markdown.MarkdownMemo;
import dev.opsbook.output.PageSink;
import dev.opsbook.render.PageMemo;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
import java.util.Set;
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

    /**
     * The bodies the folder holds, each let go once it is taken (a body is read once in a build; held to the end
     * they would cost a build of 10,000 runbooks 80 MB more), and how many records the file has (a body
     * remembered twice counts twice).
     */
    private final Map<Key, Place> bodiesBefore;
    /** The file of bodies, open for the build: each is read from it when it is taken. */
    private volatile FileChannel bodiesChannel;

    /** Where a body is in the file. */
    private record Place(long offset, int length) {}

    private int bodyRecords;
    private boolean bodiesDamaged;
    /** The bodies of the file that this build took. */
    private final Set<Key> bodiesTaken = ConcurrentHashMap.newKeySet();
    /**
     * The bodies this build read that the file does not have, written as they come to a file beside it (never held:
     * a first build of 10,000 runbooks would hold 80 MB), which {@link #save} adds to the file.
     */
    private final Set<Key> bodiesNew = ConcurrentHashMap.newKeySet();

    private final Path freshFile;
    private DataOutputStream fresh;
    private boolean freshFailed;

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
        this.freshFile = dir.resolve(BODIES + ".new-" + ProcessHandle.current().pid());
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
        return bodiesTaken.size() + " of " + (bodiesTaken.size() + bodiesNew.size()) + " bodies, " + pagesTaken + " of "
                + pagesNow.size() + " pages from the cache";
    }

    // bodies

    @Override
    public byte[] find(byte[] key) {
        Key k = new Key(key);
        Place p = bodiesBefore.remove(k);
        FileChannel channel = bodiesChannel;
        if (p == null || channel == null) {
            return null;
        }
        ByteBuffer b = ByteBuffer.allocate(p.length());
        try {
            while (b.hasRemaining()) {
                if (channel.read(b, p.offset() + b.position()) < 0) {
                    return null;
                }
            }
        } catch (IOException e) {
            return null; // read now instead
        }
        bodiesTaken.add(k);
        return b.array();
    }

    @Override
    public void put(byte[] key, byte[] value) {
        Key k = new Key(key);
        synchronized (this) {
            if (freshFailed) {
                return; // the next build reads it again
            }
            try {
                if (fresh == null) {
                    fresh = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(freshFile), 1 << 16));
                }
                fresh.write(key);
                fresh.writeInt(value.length);
                fresh.write(value);
            } catch (IOException e) {
                freshFailed = true; // a full disk, say: the cache keeps what it had
                return;
            }
        }
        bodiesTaken.remove(k); // what the file had for it could not be used: this replaces it
        bodiesNew.add(k);
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
        closeBodies();
        synchronized (this) {
            if (fresh != null) {
                fresh.close();
            }
            if (freshFailed) {
                throw new IOException("cannot write " + freshFile);
            }
        }
        int used = bodiesTaken.size() + bodiesNew.size();
        int unused = bodyRecords - bodiesTaken.size();
        Path file = dir.resolve(BODIES);
        if (!bodiesDamaged && Files.isRegularFile(file) && unused <= used) {
            if (!bodiesNew.isEmpty()) {
                try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
                    Files.copy(freshFile, out);
                }
            }
            return;
        }
        // most of the file is no longer used, or it is damaged: written again with the bodies of this build, those
        // taken from it read from it once more
        replace(file, out -> {
            out.write(MAGIC);
            writeString(out, fingerprint);
            if (!bodiesTaken.isEmpty()) {
                forEachBody(file, (k, v) -> {
                    if (bodiesTaken.contains(k)) {
                        try {
                            out.write(k.bytes());
                            out.writeInt(v.length);
                            out.write(v);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                });
            }
            if (!bodiesNew.isEmpty()) {
                out.flush();
                Files.copy(freshFile, out);
            }
            out.flush();
        });
    }

    private Map<Key, Place> readBodies() {
        Map<Key, Place> bodies = new ConcurrentHashMap<>();
        Path file = dir.resolve(BODIES);
        bodiesDamaged = true;
        if (!Files.isRegularFile(file)) {
            return bodies;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC) || !fingerprint.equals(readString(in))) {
                return bodies;
            }
            long size = Files.size(file);
            boolean truncated = false;
            long at = MAGIC.length + 4 + fingerprint.getBytes(StandardCharsets.UTF_8).length;
            while (true) {
                byte[] key = in.readNBytes(KEY);
                if (key.length == 0) {
                    break;
                }
                int n = key.length < KEY ? -1 : in.readInt();
                at += KEY + 4;
                if (n < 0 || at + n > size) {
                    truncated = true; // the end of a write that did not finish: what comes before is good
                    break;
                }
                in.skipNBytes(n);
                bodies.put(new Key(key), new Place(at, n));
                bodyRecords++;
                at += n;
            }
            bodiesDamaged = truncated;
        } catch (IOException | RuntimeException e) {
            // what was read is good
        }
        if (bodiesChannel == null && !bodies.isEmpty()) {
            try {
                bodiesChannel = FileChannel.open(file, StandardOpenOption.READ);
            } catch (IOException e) {
                bodies.clear();
            }
        }
        return bodies;
    }

    /**
     * Each body of the file, read as a stream (never the whole file in memory); false when the file is not whole
     * (made by other code, damaged, or the end of a write that did not finish: what comes before that is given).
     */
    private boolean forEachBody(Path file, java.util.function.BiConsumer<Key, byte[]> each) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC) || !fingerprint.equals(readString(in))) {
                return false;
            }
            long size = Files.size(file);
            while (true) {
                byte[] key = in.readNBytes(KEY);
                if (key.length == 0) {
                    return true;
                }
                if (key.length < KEY) {
                    return false;
                }
                int n = in.readInt();
                if (n < 0 || n > size) {
                    return false;
                }
                byte[] value = in.readNBytes(n);
                if (value.length < n) {
                    return false;
                }
                each.accept(new Key(key), value);
            }
        } catch (java.io.UncheckedIOException e) {
            throw e; // from the consumer: a write that failed
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 20) {
            throw new IOException("not a length");
        }
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new IOException("cut short");
        }
        return new String(b, StandardCharsets.UTF_8);
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

    private synchronized void closeBodies() {
        if (bodiesChannel != null) {
            try {
                bodiesChannel.close();
            } catch (IOException e) {
                // only read from
            }
            bodiesChannel = null;
        }
    }

    /** Lets another build use the folder. */
    @Override
    public void close() {
        closeBodies();
        try {
            synchronized (this) {
                if (fresh != null) {
                    fresh.close();
                }
            }
            Files.deleteIfExists(freshFile);
        } catch (IOException e) {
            // left beside the cache; the next build of this process id replaces it
        }
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
    }
}
