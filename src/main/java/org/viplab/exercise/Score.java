package org.viplab.exercise;

import java.util.List;

/** A trainee's result for one exercise. */
public record Score(String exercise, String trainee, List<TaskScore> tasks) {
    public Score {
        tasks = List.copyOf(tasks);
    }

    public double points() { return tasks.stream().mapToDouble(TaskScore::points).sum(); }

    public int maxPoints() { return tasks.stream().mapToInt(TaskScore::maxPoints).sum(); }

    public boolean allPassed() { return tasks.stream().allMatch(TaskScore::passed); }

    public long passedTasks() { return tasks.stream().filter(TaskScore::passed).count(); }

    /** Points as people write them: "7", "6.5". */
    public static String format(double points) {
        return points == Math.rint(points) ? Long.toString((long) points) : String.format(java.util.Locale.ROOT, "%.1f", points);
    }
}
