package dev.opsbook.model;

import java.time.LocalDate;
import java.util.Arrays;
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

    /** The five questions of an operational support review: the key an answer is written under, and the question. */
    public enum Question {
        DEPLOYMENT_CHANGE("deploymentChange", "Does the story change how the service is deployed?"),
        SCALABILITY_CHANGE("scalabilityChange", "Does it change how the service scales?"),
        TESTING_CHANGE("testingChange", "Does it change how the service is tested?"),
        NEW_SYSTEMS("newSystems", "Does it bring in new systems or dependencies?"),
        AUTOMATED_VALIDATION("automatedValidation", "Can the environment be validated automatically after deployment?");

        private final String key;
        private final String text;

        Question(String key, String text) {
            this.key = key;
            this.text = text;
        }

        public String key() {
            return key;
        }

        /** The question as the review's page asks it. */
        public String text() {
            return text;
        }
    }

    /** The keys of the five questions, in the order the site shows them. */
    public static final List<String> QUESTIONS =
            Arrays.stream(Question.values()).map(Question::key).toList();

    /** One answered question: {@code answer} is yes, no or unsure. */
    public record Answer(String question, String answer, String notes, Pos pos) {}
}
