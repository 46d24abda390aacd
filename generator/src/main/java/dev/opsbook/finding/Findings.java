package dev.opsbook.finding;

import dev.opsbook.model.Pos;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Collects findings from every stage of a run. Safe to add to from several threads. */
public final class Findings {
    private final List<Finding> list = new ArrayList<>();
    /** How findings name the files of the content folder: as they are, or inside the part each came from. */
    private final UnaryOperator<String> names;

    public Findings() {
        this(null);
    }

    /**
     * Findings whose files are named by {@code names} (the content folder's path of a file in, its name in the
     * reports out): for a merged handbook, the name the merge's origins give each file. Null: as they are.
     */
    public Findings(UnaryOperator<String> names) {
        this.names = names;
    }

    public synchronized void add(Finding f) {
        if (names != null && f.pos() != null) {
            String named = names.apply(f.pos().file());
            if (!java.util.Objects.equals(named, f.pos().file())) {
                f = new Finding(
                        f.rule(),
                        f.level(),
                        f.service(),
                        new Pos(named, f.pos().line(), f.pos().column()),
                        f.message(),
                        f.hint());
            }
        }
        list.add(f);
    }

    /** A structural finding: always an error. */
    public void error(String rule, String service, Pos pos, String message, String hint) {
        add(new Finding(rule, Level.ERROR, service, pos, message, hint));
    }

    /**
     * Takes out the findings that {@code which} selects and returns them in {@link Finding#ORDER}; the others stay,
     * and findings added later are named as before.
     */
    public synchronized List<Finding> remove(java.util.function.Predicate<Finding> which) {
        List<Finding> taken = new ArrayList<>();
        list.removeIf(f -> which.test(f) && taken.add(f));
        taken.sort(Finding.ORDER);
        return taken;
    }

    /** Every finding so far, in {@link Finding#ORDER}. */
    public synchronized List<Finding> sorted() {
        List<Finding> copy = new ArrayList<>(list);
        copy.sort(Finding.ORDER);
        return List.copyOf(copy);
    }

    public synchronized int size() {
        return list.size();
    }
}
