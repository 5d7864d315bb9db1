package org.viplab.exercise;

import java.util.List;

/**
 * How one task was answered: points earned (after hints), whether it passed (hints do not fail a task), and
 * what the judge saw, line by line, in no language yet. {@code why}: for a predict task, the chain of causes of the
 * drill's first failover (the revealed explanation), oldest first; empty otherwise.
 */
public record TaskScore(String taskId, String kind, int maxPoints, double points, boolean passed, int hintCost,
                        List<ExerciseText> details, List<org.viplab.core.timeline.LabEvent> why) {
    public TaskScore {
        details = List.copyOf(details);
        why = List.copyOf(why);
    }

    /** A task whose answer needs no explanation beyond the details. */
    public TaskScore(String taskId, String kind, int maxPoints, double points, boolean passed, int hintCost, List<ExerciseText> details) {
        this(taskId, kind, maxPoints, points, passed, hintCost, details, List.of());
    }
}
