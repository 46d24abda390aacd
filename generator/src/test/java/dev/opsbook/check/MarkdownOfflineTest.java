package dev.opsbook.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsbook.BuildRequest;
import dev.opsbook.BuildResult;
import dev.opsbook.ContentTree;
import dev.opsbook.Opsbook;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code markdown-offline}: an image from another site (blocked by the page's CSP, and out of reach
 * without network) and a Hugo shortcode opsbook does not render are warnings at the place they are
 * written, in runbooks and guides alike; a local image, a ref shortcode and code showing a shortcode are not.
 */
class MarkdownOfflineTest {
    @TempDir
    Path dir;

    @Test
    void remoteImagesAndUnknownShortcodesAreWarningsWhereTheyAreWritten() throws Exception {
        ContentTree tree = ContentTree.minimal(dir.resolve("content"))
                .file(
                        "services/api/runbooks/api-down.md",
                        ContentTree.RUNBOOK
                                + "\n![graph](https://grafana.example.com/render/d/x.png)\n\n![local](diagram.png)\n\n"
                                + "{{< figure src=\"x.png\" >}}\n\n```\n{{< shown-in-code >}}\n```\n")
                .bytes("services/api/runbooks/diagram.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'})
                .file("guides/policy.md", "# Policy\n\n![logo](//cdn.example.com/logo.svg)\n");
        BuildResult r = new Opsbook(1)
                .build(new BuildRequest(
                        tree.root(), dir.resolve("site"), LocalDate.of(2026, 11, 21), null, true, null));
        int body = ContentTree.RUNBOOK.split("\n", -1).length;
        assertEquals(
                List.of(
                        "guides/policy.md:3:9 warning",
                        "services/api/runbooks/api-down.md:" + (body + 5) + ":1 warning",
                        "services/api/runbooks/api-down.md:" + (body + 1) + ":10 warning"),
                r.findings().stream()
                        .filter(f -> f.rule().equals("markdown-offline"))
                        .map(f -> f.pos().file() + ":" + f.pos().line() + ":"
                                + f.pos().column() + " " + f.level().id())
                        .sorted()
                        .toList());
    }
}
