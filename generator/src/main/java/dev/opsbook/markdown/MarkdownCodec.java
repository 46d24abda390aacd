package dev.opsbook.markdown;

import dev.opsbook.model.Markdown;
import dev.opsbook.model.Pos;
import dev.opsbook.text.Hash128;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A body's reading ({@link Markdown}, with what it cost of the build's Markdown budget) as bytes, for the
 * {@link MarkdownMemo}, and the digest of what a body is read from, which is the memo's key.
 */
final class MarkdownCodec {
    /**
     * What a remembered body gives back: the reading (without its prepared HTML), the HTML and its addresses (null
     * for a body that has none), and what it takes of the build's budget.
     */
    record Decoded(Markdown reading, String html, List<String> addresses, int elements, int kept) {
        /** The reading, its HTML kept in {@code bodies}. */
        Markdown in(BodyStore bodies) {
            return html == null
                    ? reading
                    : new Markdown(
                            reading.firstLine(),
                            reading.links(),
                            reading.headings(),
                            reading.anchors(),
                            reading.shortcodes(),
                            reading.snippet(),
                            new Markdown.Prepared(bodies.keep(html), addresses));
        }
    }

    private static final ThreadLocal<Hash128> HASH = ThreadLocal.withInitial(Hash128::new);

    private MarkdownCodec() {}

    /** The digest of everything a reading depends on besides opsbook's code: the text and where it is. */
    static byte[] key(String text, String file, int firstLine, String service, boolean pages) {
        Hash128 h = HASH.get();
        h.tag(pages ? 1 : 2).number(firstLine).string(file);
        if (service == null) {
            h.tag(3);
        } else {
            h.tag(4).string(service);
        }
        return h.string(text).finish();
    }

    static byte[] encode(Markdown m, int elements, int kept) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1_024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(elements);
            out.writeInt(kept);
            out.writeInt(m.firstLine());
            out.writeInt(m.links().size());
            for (Markdown.MdLink l : m.links()) {
                string(out, l.url());
                out.writeBoolean(l.image());
                pos(out, l.pos());
            }
            out.writeInt(m.headings().size());
            for (Markdown.MdHeading h : m.headings()) {
                out.writeInt(h.level());
                string(out, h.text());
                string(out, h.anchor());
                pos(out, h.pos());
                out.writeByte(h.content().ordinal());
            }
            strings(out, m.anchors());
            out.writeInt(m.shortcodes().size());
            for (Markdown.MdShortcode s : m.shortcodes()) {
                string(out, s.name());
                pos(out, s.pos());
            }
            string(out, m.snippet());
            out.writeBoolean(m.prepared() != null);
            if (m.prepared() != null) {
                string(out, m.prepared().html().get());
                strings(out, m.prepared().addresses());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not from memory
        }
        return bytes.toByteArray();
    }

    /** The reading written by {@link #encode}, or null when the bytes are not one (a damaged cache). */
    static Decoded decode(byte[] value) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            int elements = in.readInt();
            int kept = in.readInt();
            int firstLine = in.readInt();
            int n = count(in);
            List<Markdown.MdLink> links = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                links.add(new Markdown.MdLink(string(in), in.readBoolean(), pos(in)));
            }
            n = count(in);
            List<Markdown.MdHeading> headings = new ArrayList<>(n);
            Markdown.Section[] sections = Markdown.Section.values();
            for (int i = 0; i < n; i++) {
                int level = in.readInt();
                String text = string(in);
                String anchor = string(in);
                Pos pos = pos(in);
                headings.add(new Markdown.MdHeading(level, text, anchor, pos, sections[in.readByte()]));
            }
            List<String> anchors = strings(in);
            n = count(in);
            List<Markdown.MdShortcode> shortcodes = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                shortcodes.add(new Markdown.MdShortcode(string(in), pos(in)));
            }
            String snippet = string(in);
            String html = null;
            List<String> addresses = List.of();
            if (in.readBoolean()) {
                html = string(in);
                addresses = strings(in);
            }
            if (in.read() >= 0) {
                return null; // more than a reading
            }
            Markdown m = new Markdown(
                    firstLine,
                    List.copyOf(links),
                    List.copyOf(headings),
                    anchors,
                    List.copyOf(shortcodes),
                    snippet,
                    null);
            return new Decoded(m, html, addresses, elements, kept);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("not a count");
        }
        return n;
    }

    private static void pos(DataOutputStream out, Pos p) throws IOException {
        out.writeBoolean(p != null);
        if (p != null) {
            string(out, p.file());
            out.writeInt(p.line());
            out.writeInt(p.column());
        }
    }

    private static Pos pos(DataInputStream in) throws IOException {
        return in.readBoolean() ? new Pos(string(in), in.readInt(), in.readInt()) : null;
    }

    private static void strings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            string(out, s);
        }
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int n = count(in);
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(string(in));
        }
        return List.copyOf(list);
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > in.available()) {
            throw new IOException("not a length");
        }
        byte[] b = in.readNBytes(n);
        return new String(b, StandardCharsets.UTF_8);
    }
}
