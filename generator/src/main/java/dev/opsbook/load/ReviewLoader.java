package dev.opsbook.load;

import dev.opsbook.model.Pos;
import dev.opsbook.model.Review;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code services/<service>/reviews/<id>.yaml}. */
final class ReviewLoader {
    static final List<String> OUTCOMES = List.of("approved", "approved-with-actions", "rejected", "deferred");
    static final List<String> ANSWERS = List.of("yes", "no", "unsure");

    private ReviewLoader() {}

    /** A review whose file could not be read. */
    static Review unknown(String id, String service, String file) {
        return new Review(
                id,
                service,
                id,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                null,
                List.of(),
                List.of(),
                new Pos(file, 1, 1));
    }

    static Review read(String id, String service, YamlMap y) {
        y.require("title", "date", "outcome");
        TeamLoader.checkId(id, y);
        String title = y.string("title");
        String story = y.string("story");
        String storyUrl = Urls.check(y, "storyUrl");
        var date = y.date("date");
        var datePos = y.keyPos("date");
        var committed = y.date("committed");
        var participants = y.refs("participants");
        List<Review.Answer> answers = new ArrayList<>();
        y.map("answers").ifPresent(a -> {
            for (String q : Review.QUESTIONS) {
                a.map(q).ifPresent(m -> {
                    m.require("answer");
                    var v = new Review.Answer(q, m.oneOf("answer", ANSWERS), m.string("notes"), m.pos());
                    m.finish();
                    answers.add(v);
                });
            }
            a.finish();
            // a question written with a value that was refused (not a mapping) is there, unanswered: the
            // rules see it as an answer of nothing, which its schema finding explains
            var keys = a.keyPositions(a.pos());
            for (String q : Review.QUESTIONS) {
                if (keys.refused(q)
                        && answers.stream().noneMatch(x -> x.question().equals(q))) {
                    answers.add(new Review.Answer(q, null, null, keys.at(q)));
                }
            }
        });
        String outcome = y.oneOf("outcome", OUTCOMES);
        var enablers = y.strings("enablerStories");
        var actions = ActionLoader.read(y);
        y.finish();
        return new Review(
                id,
                service,
                title != null ? title : id,
                story,
                storyUrl,
                date,
                datePos,
                committed,
                participants,
                List.copyOf(answers),
                outcome,
                enablers,
                actions,
                y.pos());
    }
}
