package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.model.Markdown;
import dev.opsbook.model.Placeholders;
import dev.opsbook.model.Pos;
import dev.opsbook.model.Runbook;
import dev.opsbook.model.Service;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code runbook-sections}: A runbook lacking a required section (runbookSections). */
public final class RunbookSectionsCheck extends BaseCheck {
    public RunbookSectionsCheck() {
        super(Rule.RUNBOOK_SECTIONS);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        List<String> required = ctx.handbook().settings().runbookSections();
        for (Runbook r : s.runbooks()) {
            if (r.body() == Markdown.EMPTY && ctx.handbook().unreadable(r.file())) {
                // its body could not be read (a front matter that is never closed swallows it): the sections
                // may well be there, and the file's own finding is the one to act on
                out.add(Failure.at(
                                r.pos(),
                                "runbook '" + r.id() + "' is not checked: its body could not be read",
                                "fix the problem reported in " + r.file())
                        .following(true));
                continue;
            }
            Set<String> present = r.body().headings().stream()
                    .filter(h -> h.level() == 2)
                    .map(h -> h.text().strip().toLowerCase(Locale.ROOT))
                    .collect(Collectors.toSet());
            // a required section that is there but holds nothing, or only the placeholder of a skeleton
            Set<String> reported = new java.util.HashSet<>();
            for (Markdown.MdHeading h : r.body().headings()) {
                String name = h.text().strip();
                boolean requiredHere = h.level() == 2
                        && required.stream().anyMatch(x -> x.equalsIgnoreCase(name))
                        && reported.add(name.toLowerCase(Locale.ROOT));
                if (!requiredHere || h.content() == Markdown.Section.TEXT) {
                    continue;
                }
                out.add(Failure.at(
                        h.pos(),
                        h.content() == Markdown.Section.PLACEHOLDER
                                ? "runbook '" + r.id() + "': section '## " + name + "' holds only its placeholder"
                                : "runbook '" + r.id() + "': section '## " + name + "' is empty",
                        h.content() == Markdown.Section.PLACEHOLDER
                                ? "replace the " + Placeholders.MARK + " placeholder under `## " + name + "` in "
                                        + r.file() + " with what the reader does or sees"
                                : "write under `## " + name + "` in " + r.file()
                                        + " what the reader does or sees, or say why there is nothing to do"));
            }
            List<String> missing = required.stream()
                    .filter(x -> !present.contains(x.toLowerCase(Locale.ROOT)))
                    .toList();
            if (!missing.isEmpty()) {
                out.add(Failure.at(
                        new Pos(r.file(), r.body().firstLine(), 1),
                        "runbook '" + r.id()
                                + "' has no "
                                + missing.stream().map(m -> "'## " + m + "'").collect(Collectors.joining(", "))
                                + (missing.size() == 1 ? " section" : " sections"),
                        "add the section" + (missing.size() == 1 ? " " : "s ")
                                + missing.stream().map(m -> "`## " + m + "`").collect(Collectors.joining(", ")) + " to "
                                + r.file()));
            }
        }
    }

    @Override
    public boolean readsServiceFile() {
        return false;
    }
}
