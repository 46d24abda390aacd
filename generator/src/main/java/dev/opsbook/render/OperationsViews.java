package dev.opsbook.render;

import dev.opsbook.check.Handoff;
import dev.opsbook.check.Operations;
import dev.opsbook.link.SitePaths;
import dev.opsbook.model.Handbook;
import dev.opsbook.render.Views.Bar;
import dev.opsbook.render.Views.CauseRow;
import dev.opsbook.render.Views.Chart;
import dev.opsbook.render.Views.Fact;
import dev.opsbook.render.Views.FigureRow;
import dev.opsbook.render.Views.HandoffRow;
import dev.opsbook.render.Views.LinkView;
import dev.opsbook.render.Views.OperationsView;
import dev.opsbook.render.Views.Tick;
import dev.opsbook.report.ReportData;
import java.time.Duration;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The operations page: the figures of {@link Operations} as tables, with charts drawn as inline SVG. */
final class OperationsViews {
    /** The fills of the severities, most severe first (the rest grey); each has a contrast of 4.5:1 on white. */
    private static final List<String> FILLS = List.of("#b3261e", "#b04a00", "#7a5d00", "#2f5f98");

    private static final String OTHER_FILL = "#5f6368";

    private OperationsViews() {}

    static String fill(int severity) {
        return severity < FILLS.size() ? FILLS.get(severity) : OTHER_FILL;
    }

    static OperationsView view(Handbook hb, ReportData data, String from) {
        Operations o = data.assessment().operations();
        List<String> sev = o.severities();
        List<String> monthColumns = new ArrayList<>(sev);
        monthColumns.add("All");
        monthColumns.add("Out of hours");
        List<FigureRow> months = new ArrayList<>();
        for (Operations.Month m : o.months()) {
            List<String> cells = new ArrayList<>();
            m.bySeverity().forEach(n -> cells.add(Integer.toString(n)));
            cells.add(Integer.toString(m.incidents()));
            cells.add(Integer.toString(m.outOfHours()));
            months.add(new FigureRow(LinkView.plain(monthName(m)), cells, false));
        }
        List<String> serviceColumns = List.of(
                "Incidents",
                "Out of hours",
                "Time to detect (median, worst)",
                "Time to resolve (median, worst)",
                "Availability (SLA)",
                "Actions closed",
                "Hand-off");
        List<FigureRow> services = new ArrayList<>();
        List<HandoffRow> handoffs = new ArrayList<>();
        List<FigureRow> serviceMonths = new ArrayList<>();
        for (Operations.ServiceFigures s : o.services()) {
            // by month: the count, with its level where all are of one, else how many of the most severe
            List<String> cells = new ArrayList<>();
            for (Operations.Month m : s.months()) {
                int first = 0;
                while (first < sev.size() && m.bySeverity().get(first) == 0) {
                    first++;
                }
                int n = m.incidents();
                cells.add(
                        n == 0 || first == sev.size()
                                ? Integer.toString(n)
                                : m.bySeverity().get(first) == n
                                        ? n + " " + sev.get(first)
                                        : n + " (" + m.bySeverity().get(first) + " " + sev.get(first) + ")");
            }
            serviceMonths.add(new FigureRow(
                    new LinkView(
                            s.service().name(),
                            SitePaths.relative(
                                    from, SitePaths.service(s.service().id()))),
                    cells,
                    false));
        }
        for (Operations.ServiceFigures s : o.services()) {
            LinkView link = new LinkView(
                    s.service().name(),
                    SitePaths.relative(from, SitePaths.service(s.service().id())));
            Operations.Figures f = s.figures();
            List<String> cells = new ArrayList<>();
            cells.add(f.incidents() + severities(f, sev));
            cells.add(Integer.toString(f.outOfHours()));
            cells.add(pair(f.medianDetect(), f.worstDetect()));
            cells.add(pair(f.medianResolve(), f.worstResolve()));
            cells.add((s.availability() == null ? "—" : Formats.percent(s.availability()))
                    + (s.sla() == null ? " (no SLA)" : " (" + Formats.percent(s.sla()) + ")")
                    + (s.belowSla() ? " below the SLA" : ""));
            cells.add(f.actionsClosed() + " of " + f.actions());
            cells.add(s.handoff() == null ? "—" : s.handoff().verdict().id());
            services.add(new FigureRow(link, cells, s.belowSla()));
            if (s.handoff() != null) {
                Handoff h = s.handoff();
                handoffs.add(new HandoffRow(
                        link,
                        Objects.requireNonNullElse(s.service().supportModel(), "support model not set"),
                        h.verdict().id(),
                        h.line(),
                        h.holds().stream()
                                .map(r -> r.rule() + ": " + Handoff.message(r))
                                .toList()));
            }
        }
        Operations.Figures t = o.total();
        List<Fact> total = List.of(
                new Fact("Incidents", t.incidents() + severities(t, sev), null),
                new Fact("Started out of hours", Integer.toString(t.outOfHours()), null),
                new Fact("Time to detect", pair(t.medianDetect(), t.worstDetect()) + " (median, worst)", null),
                new Fact("Time to resolve", pair(t.medianResolve(), t.worstResolve()) + " (median, worst)", null),
                new Fact(
                        "Actions",
                        t.actions() + " opened, " + t.actionsClosed() + " closed, " + (t.actions() - t.actionsClosed())
                                + " still open",
                        null));
        List<CauseRow> causes = o.causes().stream()
                .map(c -> new CauseRow(
                        c.cause().name(),
                        c.cause().description(),
                        c.incidents(),
                        c.share().toPlainString() + " %",
                        c.services().stream()
                                .map(id -> hb.service(id)
                                        .map(x ->
                                                new LinkView(x.name(), SitePaths.relative(from, SitePaths.service(id))))
                                        .orElse(LinkView.plain(id)))
                                .toList()))
                .toList();
        return new OperationsView(
                o.from().toString(),
                o.to().toString(),
                hb.settings().timezone().getId(),
                sev,
                monthsChart(o),
                monthColumns,
                months,
                total,
                causesChart(o),
                causes,
                o.withoutCause(),
                serviceColumns,
                services,
                o.months().stream()
                        .map(m -> m.month().getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                        .toList(),
                serviceMonths,
                handoffs);
    }

    private static String monthName(Operations.Month m) {
        return m.month().getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                + m.month().getYear();
    }

    /** " (1 P1, 2 P2)": the severities that have any, or "" for none. */
    private static String severities(Operations.Figures f, List<String> sev) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < sev.size(); i++) {
            if (f.bySeverity().get(i) > 0) {
                parts.add(f.bySeverity().get(i) + " " + sev.get(i));
            }
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private static String pair(Duration median, Duration worst) {
        return median == null ? "—" : Formats.span(median) + ", " + Formats.span(worst);
    }

    /** Incidents by month, stacked by severity (most severe at the bottom), with the count over each bar. */
    static Chart monthsChart(Operations o) {
        int width = 640;
        int height = 220;
        int left = 8;
        int bottom = 32;
        int top = 26;
        int slot = (width - left) / o.months().size();
        int barWidth = slot * 2 / 3;
        int max = Math.max(
                1,
                o.months().stream().mapToInt(Operations.Month::incidents).max().orElse(0));
        double unit = (height - bottom - top) / (double) max;
        List<Bar> bars = new ArrayList<>();
        List<Tick> ticks = new ArrayList<>();
        for (int m = 0; m < o.months().size(); m++) {
            Operations.Month month = o.months().get(m);
            int x = left + m * slot + (slot - barWidth) / 2;
            int y = height - bottom;
            for (int i = 0; i < o.severities().size(); i++) {
                int n = month.bySeverity().get(i);
                if (n == 0) {
                    continue;
                }
                int h = (int) Math.round(n * unit);
                y -= h;
                bars.add(new Bar(
                        x,
                        y,
                        barWidth,
                        h,
                        fill(i),
                        monthName(month) + ": " + n + " " + o.severities().get(i)));
            }
            ticks.add(new Tick(
                    x + barWidth / 2,
                    height - 12,
                    month.month().getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH),
                    "middle"));
            if (month.incidents() > 0) {
                ticks.add(new Tick(x + barWidth / 2, y - 12, Integer.toString(month.incidents()), "middle"));
            }
        }
        List<Bar> legend = new ArrayList<>();
        for (int i = 0; i < o.severities().size(); i++) {
            legend.add(new Bar(0, 0, 12, 12, fill(i), o.severities().get(i)));
        }
        return new Chart(
                width,
                height,
                "Incidents by month and severity, " + monthName(o.months().get(0)) + " to "
                        + monthName(o.months().get(o.months().size() - 1)),
                bars,
                ticks,
                legend);
    }

    /** The causes as horizontal bars, most incidents first, each under its name (the names keep the full width). */
    static Chart causesChart(Operations o) {
        int width = 640;
        int row = 44;
        int height = Math.max(1, o.causes().size()) * row + 4;
        int max = Math.max(
                1,
                o.causes().stream()
                        .mapToInt(Operations.CauseCount::incidents)
                        .max()
                        .orElse(0));
        double unit = (width - 130) / (double) max;
        List<Bar> bars = new ArrayList<>();
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < o.causes().size(); i++) {
            Operations.CauseCount c = o.causes().get(i);
            int y = i * row + 4;
            int w = (int) Math.round(c.incidents() * unit);
            ticks.add(new Tick(0, y + 9, c.cause().name(), "start"));
            bars.add(new Bar(0, y + 20, w, 16, "#2f5f98", c.cause().name() + ": " + c.incidents()));
            ticks.add(new Tick(w + 6, y + 29, c.incidents() + " (" + c.share().toPlainString() + " %)", "start"));
        }
        return new Chart(width, height, "Incidents by cause, most first", bars, ticks, List.of());
    }
}
