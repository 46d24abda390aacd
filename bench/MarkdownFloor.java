import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The floor under opsbook's build time that the Markdown library alone sets: reads every runbook of a
 * handbook, drops its front matter, and parses and renders the body with commonmark-java as opsbook
 * configures it (tables, strikethrough, source positions for blocks and inlines), on as many threads as
 * the machine has cores, and nothing else. No checks, no templates, no writing. bench/benchmark.py
 * compiles it against opsbook.jar and runs it in a fresh JVM with the launcher's JVM options, so its
 * time compares with a full build's:
 *
 * <pre>java -cp opsbook.jar:DIR MarkdownFloor CONTENT</pre>
 */
public final class MarkdownFloor {
    public static void main(String[] args) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(args[0]))) {
            files = walk.filter(p -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList());
        }
        List<Extension> extensions = List.of(TablesExtension.create(), StrikethroughExtension.create());
        Parser parser = Parser.builder().extensions(extensions)
                .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(extensions).softbreak("\n").build();
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Long>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Path> mine = files.subList(files.size() * t / threads, files.size() * (t + 1) / threads);
            parts.add(pool.submit(() -> {
                long html = 0;
                for (Path file : mine) {
                    html += renderer.render(parser.parse(body(file))).length();
                }
                return html;
            }));
        }
        long html = 0;
        for (Future<Long> part : parts) {
            html += part.get();
        }
        pool.shutdown();
        System.out.println(files.size() + " Markdown files, " + html + " characters of HTML");
    }

    /** The file's text after its front matter (between two lines of three dashes), if it has one. */
    private static String body(Path file) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            if (text.startsWith("---\n")) {
                int end = text.indexOf("\n---\n", 3);
                if (end >= 0) {
                    return text.substring(end + 5);
                }
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
