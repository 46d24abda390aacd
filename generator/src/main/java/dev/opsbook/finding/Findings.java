package dev.opsbook.finding;

import dev.opsbook.model.Pos;
import java.util.ArrayList;
import java.util.List;

/** Collects findings from every stage of a run. Safe to add to from several threads. */
public final class Findings {
    private final List<Finding> list = new ArrayList<>();

    public synchronized void add(Finding f) {
        list.add(f);
    }

    /** A structural finding: always an error. */
    public void error(String rule, String service, Pos pos, String message, String hint) {
        add(new Finding(rule, Level.ERROR, service, pos, message, hint));
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
