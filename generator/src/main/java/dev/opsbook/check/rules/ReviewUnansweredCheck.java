package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.model.Placeholders;
import dev.opsbook.model.Review;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code review-unanswered}: One of the five review questions without an answer. */
public final class ReviewUnansweredCheck extends BaseCheck {
    public ReviewUnansweredCheck() {
        super(Rule.REVIEW_UNANSWERED);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        for (Review r : s.reviews()) {
            List<String> missing = Review.QUESTIONS.stream()
                    .filter(q ->
                            r.answers().stream().noneMatch(a -> a.question().equals(q) && a.answer() != null))
                    .toList();
            // answers that a skeleton left as its placeholder (`unsure`, with notes starting TODO)
            List<String> placeholders = Review.QUESTIONS.stream()
                    .filter(q -> !missing.contains(q))
                    .filter(q ->
                            r.answers().stream().anyMatch(a -> a.question().equals(q) && Placeholders.is(a.notes())))
                    .toList();
            if (!placeholders.isEmpty()) {
                out.add(Failure.at(
                        r.answers().stream()
                                .filter(a -> a.question().equals(placeholders.get(0)))
                                .findFirst()
                                .map(Review.Answer::pos)
                                .orElse(r.pos()),
                        "review '" + r.id() + "' answers " + String.join(", ", placeholders)
                                + " only with the placeholders of a skeleton",
                        "replace the " + Placeholders.MARK + " placeholders under answers: in "
                                + r.pos().file() + " with answer: yes | no | unsure and what was decided"));
            }
            if (!missing.isEmpty()) {
                // an answer that is written but refused ("maybe") has its own schema finding
                boolean allRefused = missing.stream().allMatch(q -> r.answers().stream()
                        .anyMatch(a -> a.question().equals(q)));
                out.add(Failure.at(
                                r.pos(),
                                "review '" + r.id() + "' does not answer " + String.join(", ", missing),
                                "add `" + missing.get(0)
                                        + ": { answer: yes | no | unsure, notes: … }` under answers: in "
                                        + r.pos().file())
                        .following(allRefused));
            }
        }
    }

    @Override
    public boolean readsServiceFile() {
        return false;
    }
}
