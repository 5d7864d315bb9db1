package org.viplab.exercise;

import java.util.List;

/**
 * How one task was answered: points earned (after hints), whether it passed (hints do not fail a task), and
 * what the judge saw, line by line, in no language yet.
 */
public record TaskScore(String taskId, String kind, int maxPoints, double points, boolean passed, int hintCost,
                        List<ExerciseText> details) {
    public TaskScore {
        details = List.copyOf(details);
    }
}
