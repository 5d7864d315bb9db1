package org.viplab.exercise;

import java.util.Map;

/**
 * A trainee's answers to one exercise, as the app saves them and {@code exercise check --answer} reads them:
 * task id to that task's answer (plain JSON values), hints opened per task, and seconds spent per task.
 * Points are never taken from the file: the judge scores the answers again. {@code elapsedSec}: seconds from
 * opening the exercise to saving the file (0 when unknown); each task's {@code seconds} count from the opening too,
 * to its last change, which is what the time limit is judged on.
 */
public record Answer(String exercise, String trainee, Map<String, Map<String, Object>> answers, Map<String, Integer> hintsUsed,
                     Map<String, Long> seconds, long elapsedSec) {
    public Answer {
        answers = answers == null ? Map.of() : Map.copyOf(answers);
        hintsUsed = hintsUsed == null ? Map.of() : Map.copyOf(hintsUsed);
        seconds = seconds == null ? Map.of() : Map.copyOf(seconds);
        elapsedSec = Math.max(0, elapsedSec);
    }

    public Answer(String exercise, String trainee, Map<String, Map<String, Object>> answers, Map<String, Integer> hintsUsed,
                  Map<String, Long> seconds) {
        this(exercise, trainee, answers, hintsUsed, seconds, 0);
    }

    /** How long the trainee took: the saved total, else the last answer's time. */
    public long totalSeconds() {
        return elapsedSec > 0 ? elapsedSec : seconds.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** No answer at all: what {@code exercise check} judges without {@code --answer}. */
    public static Answer empty(String exercise) { return new Answer(exercise, "", Map.of(), Map.of(), Map.of()); }

    public Map<String, Object> answer(String taskId) { return answers.getOrDefault(taskId, Map.of()); }
}
