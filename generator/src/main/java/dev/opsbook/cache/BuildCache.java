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
     * Where each body the folder holds is in its file (the bodies themselves are read when taken: held, they would
     * cost a build of 10,000 runbooks 80 MB), and how many records the file has (a body remembered twice counts
     * twice).
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

    /**
     * Why {@code cache} cannot be the cache folder of a build of {@code content} into {@code output} (null: none),
     * or null when it can: inside the content its files would be read as content, and a folder that overlaps the
     * site goes when the site is replaced as a whole. The build refuses such a folder; the preview and the Maven
     * goals, whose folder is a default, build without it.
     */
    public static String refusal(Path cache, Path content, Path output) {
        Path c = cache.toAbsolutePath().normalize();
        Path in = content.toAbsolutePath().normalize();
        Path real = in;
        try {
            real = content.toRealPath();
        } catch (IOException e) {
            // a content folder that is not there is the build's to report
        }
        if (c.startsWith(in) || c.startsWith(real)) {
            return "the cache folder " + cache + " is inside the content folder " + content
                    + ", where its files would be read as content";
        }
        Path out = output == null ? null : output.toAbsolutePath().normalize();
        if (out != null && (c.startsWith(out) || out.startsWith(c))) {
            return "the cache folder " + cache + " and the site folder " + output
                    + " overlap, and the site is replaced as a whole";
        }
        return null;
    }

    /** The cache's folder. */
    public Path folder() {
        return dir;
    }

    /** How many bodies and pages were taken from the cache in this build (for the timings and tests). */
    public String usage() {
        long pagesTaken = pagesNow.keySet().stream().filter(this::pageTaken).count();
        return bodiesTaken.size() + " of " + (bodiesTaken.size() + bodiesNew.size()) + " bodies, " + pagesTaken + " of "
                + pagesNow.size() + " pages from the cache";
    }

    /** Whether the page at {@code path} was taken as the cache had it (not written again). */
    private boolean pageTaken(String path) {
        Page was = pagesBefore.get(path);
        Page now = pagesNow.get(path);
        return was != null && now != null && was.entry() == now.entry();
    }

    // bodies

    @Override
    public byte[] find(byte[] key) {
        Key k = new Key(key);
        byte[] value = read(bodiesBefore.get(k));
        if (value != null) {
            bodiesTaken.add(k);
        }
        return value;
    }

    /** The body at {@code p} of the file, or null when there is none or it cannot be read (it is read now instead). */
    private byte[] read(Place p) {
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
            return null;
        }
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
        return pagesNow.size() != pagesBefore.size()
                || !pagesNow.keySet().stream().allMatch(this::pageTaken);
    }

    private void saveBodies() throws IOException {
        synchronized (this) {
            if (fresh != null) {
                fresh.close();
            }
            if (freshFailed) {
                closeBodies();
                throw new IOException("cannot write " + freshFile);
            }
        }
        int used = bodiesTaken.size() + bodiesNew.size();
        int unused = bodyRecords - bodiesTaken.size();
        Path file = dir.resolve(BODIES);
        if (!bodiesDamaged && Files.isRegularFile(file) && unused <= used) {
            closeBodies();
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
            writeHeader(out);
            for (Key k : bodiesTaken) {
                byte[] v = read(bodiesBefore.get(k));
                if (v != null) {
                    out.write(k.bytes());
                    out.writeInt(v.length);
                    out.write(v);
                }
            }
            closeBodies(); // before the new file takes the old one's place
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
        try (DataInputStream in = open(file)) {
            if (in == null) {
                return bodies;
            }
            long size = Files.size(file);
            boolean truncated = false;
            long at = headerLength();
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
        if (!bodies.isEmpty()) {
            try {
                bodiesChannel = FileChannel.open(file, StandardOpenOption.READ);
            } catch (IOException e) {
                bodies.clear();
            }
        }
        return bodies;
    }

    /**
     * The file after its header, or null when it is missing or made by other code (another format, another
     * fingerprint).
     */
    private DataInputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        try {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (Arrays.equals(magic, MAGIC) && fingerprint.equals(readString(in))) {
                return in;
            }
        } catch (IOException | RuntimeException e) {
            // not a header
        }
        in.close();
        return null;
    }

    private void writeHeader(DataOutputStream out) throws IOException {
        out.write(MAGIC);
        writeString(out, fingerprint);
    }

    private long headerLength() {
        return MAGIC.length + 4 + fingerprint.getBytes(StandardCharsets.UTF_8).length;
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
            writeHeader(out);
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
        Path file = dir.resolve(PAGES);
        try (DataInputStream in = open(file)) {
            if (in == null) {
                return pages;
            }
            long size = Files.size(file);
            String[] table = new String[count(in, size)];
            for (int i = 0; i < table.length; i++) {
                table[i] = readString(in);
            }
            int entries = count(in, size);
            for (int i = 0; i < entries; i++) {
                String path = table[in.readInt()];
                byte[] key = in.readNBytes(KEY);
                if (key.length < KEY) {
                    throw new IOException("cut short");
                }
                PageSink.Stamp stamp = new PageSink.Stamp(in.readLong(), in.readLong());
                String[] ids = new String[count(in, size)];
                for (int j = 0; j < ids.length; j++) {
                    ids[j] = table[in.readInt()];
                }
                String[] links = new String[count(in, size)];
                for (int j = 0; j < links.length; j++) {
                    links[j] = table[in.readInt()];
                }
                pages.put(path, new Page(key, new Entry(stamp, ids, links)));
            }
            return pages;
        } catch (IOException | RuntimeException e) {
            return new HashMap<>(); // damaged: every page is rendered, and the file written again
        }
    }

    /** A count of things in a file of {@code size} bytes: no more than it can hold. */
    private static int count(DataInputStream in, long size) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > size) {
            throw new IOException("not a count");
        }
        return n;
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
