package org.viplab.exercise;

import java.util.Map;

/**
 * A trainee's answers to one exercise, as the app saves them and {@code exercise check --answer} reads them:
 * task id to that task's answer (plain JSON values), hints opened per task, and seconds spent per task.
 * Points are never taken from the file: the judge scores the answers again.
 */
public record Answer(String exercise, String trainee, Map<String, Map<String, Object>> answers, Map<String, Integer> hintsUsed,
                     Map<String, Long> seconds) {
    public Answer {
        answers = answers == null ? Map.of() : Map.copyOf(answers);
        hintsUsed = hintsUsed == null ? Map.of() : Map.copyOf(hintsUsed);
        seconds = seconds == null ? Map.of() : Map.copyOf(seconds);
    }

    /** No answer at all: what {@code exercise check} judges without {@code --answer}. */
    public static Answer empty(String exercise) { return new Answer(exercise, "", Map.of(), Map.of(), Map.of()); }

    public Map<String, Object> answer(String taskId) { return answers.getOrDefault(taskId, Map.of()); }
}
