import dev.opsbook.markdown.*;
import dev.opsbook.finding.Findings;
import java.util.*;
import java.util.function.IntFunction;
/**
 * The worst cost of one Markdown body within opsbook's limits (README, Limits): for each kind of hostile
 * body, the largest that the element budget admits, parsed and rendered three times (the best time
 * and the largest heap are printed). Run from the repository after packaging:
 *
 *     java -Xmx1g -cp generator/target/opsbook.jar bench/MarkdownWorstCase.java [kind]
 */
public class MarkdownWorstCase {
    public static void main(String[] a) throws Exception {
        Map<String, IntFunction<String>> gens = new LinkedHashMap<>();
        gens.put("emph", n -> "*a_".repeat(n));
        gens.put("headings", n -> "# a\n".repeat(n));
        gens.put("list", n -> "- a\n".repeat(n));
        gens.put("setext", n -> "a\n=\n".repeat(n));
        gens.put("strike", n -> "~~a".repeat(n));
        gens.put("underscore", n -> "_a ".repeat(n));
        gens.put("bang", n -> "!".repeat(n));
        gens.put("entities", n -> "&#".repeat(n));
        gens.put("tablerows", n -> "|a|b|\n|-|-|\n" + "|x|y|\n".repeat(n));
        gens.put("quote", n -> "> a\n\n".repeat(n));
        gens.put("nestq", n -> ("> ".repeat(90) + "a\n\n").repeat(n));
        gens.put("nestl", n -> ("- ".repeat(90) + "a\n\n").repeat(n));
        gens.put("backticks", n -> { StringBuilder b = new StringBuilder(); for (int i = 1; b.length() < n * 40L; i++) b.append("`".repeat(i)).append(" x "); return b.toString(); });
        gens.put("links", n -> ("[a](" + "b".repeat(2000) + ") ").repeat(n));
        gens.put("refs", n -> { StringBuilder b = new StringBuilder("[a]: /" + "x".repeat(4000) + "\n\n"); for (int i = 0; i < n; i++) { b.append("[a] "); if (i % 150 == 149) b.append("\n\n"); } return b.toString(); });
        gens.put("table", n -> "|a".repeat(n) + "|\n" + "|-".repeat(n) + "|\n" + "x\n".repeat(n));
        gens.put("codeblock", n -> "```\n" + "x\n".repeat(n) + "```\n");
        gens.put("prose", n -> "word ".repeat(n * 20) );
        String only = a.length > 0 ? a[0] : null;
        MarkdownEngine e = new MarkdownEngine();
        for (var en : gens.entrySet()) {
            if (only != null && !only.equals(en.getKey())) continue;
            // the largest n whose body is within the budget (and 4 MiB)
            int lo = 1, hi = 1;
            while (true) { String t = en.getValue().apply(hi * 2); if (MarkdownBudget.elements(t) <= MarkdownBudget.MAX_ELEMENTS && t.length() <= 4 * 1024 * 1024 - 200) hi *= 2; else { hi = hi * 2; break; } }
            while (lo < hi) { int mid = (lo + hi + 1) >>> 1; String t = en.getValue().apply(mid);
                if (MarkdownBudget.elements(t) <= MarkdownBudget.MAX_ELEMENTS && t.length() <= 4 * 1024 * 1024 - 200) lo = mid; else hi = mid - 1; }
            String text = en.getValue().apply(lo);
            long best = Long.MAX_VALUE; long len = -1; String err = ""; int errs = 0; long heap = 0;
            for (int rep = 0; rep < 3; rep++) {
                System.gc();
                long t = System.nanoTime();
                Findings f = new Findings();
                try {
                    var md = e.read(text, "x.md", 1, BodyStore.inMemory(), null, f);
                    len = md.prepared() == null ? -2 : md.prepared().html().get().length();
                } catch (Throwable x) { err = x.toString(); }
                best = Math.min(best, (System.nanoTime() - t) / 1_000_000);
                errs = f.size();
                Runtime r = Runtime.getRuntime(); heap = Math.max(heap, (r.totalMemory() - r.freeMemory()) >> 20);
            }
            System.out.printf("%-11s %8d B %6d el: %6d ms, html %9d, findings %d, heap %4d MB %s%n", en.getKey(), text.length(),
                MarkdownBudget.elements(text), best, len, errs, heap, err);
        }
    }
}
