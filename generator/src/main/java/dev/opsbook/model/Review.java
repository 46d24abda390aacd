package dev.opsbook.model;

import java.time.LocalDate;
import java.util.List;

/** {@code services/<service>/reviews/<id>.yaml}: an operational support review, held before commitment. */
public record Review(
        String id,
        String service,
        String title,
        String story,
        String storyUrl,
        LocalDate date,
        Pos datePos,
        LocalDate committed,
        List<Ref> participants,
        List<Answer> answers,
        String outcome,
        List<String> enablerStories,
        List<Action> actions,
        Pos pos) {

    /** The five questions, in the order the site shows them. */
    public static final List<String> QUESTIONS = List.of(
            "deploymentChange", "scalabilityChange", "testingChange", "newSystems", "automatedValidation");

    /** One answered question: {@code answer} is yes, no or unsure. */
    public record Answer(String question, String answer, String notes, Pos pos) {
    }
}
