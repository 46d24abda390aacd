package dev.opsbook;

import dev.opsbook.finding.Finding;
import dev.opsbook.finding.Level;
import java.time.LocalDate;
import java.util.List;

/** What a build found and wrote. */
public record BuildResult(LocalDate asOf, int services, List<Finding> findings, int pagesWritten) {

    public long count(Level level) {
        return findings.stream().filter(f -> f.level() == level).count();
    }

    public boolean hasErrors() {
        return count(Level.ERROR) > 0;
    }

    /** "6 services; 0 errors, 2 warnings, 1 info". */
    public String summary() {
        long e = count(Level.ERROR);
        long w = count(Level.WARNING);
        long i = count(Level.INFO);
        return services + (services == 1 ? " service" : " services") + "; " + e + (e == 1 ? " error, " : " errors, ")
                + w + (w == 1 ? " warning, " : " warnings, ") + i + (i == 1 ? " info" : " infos");
    }
}
