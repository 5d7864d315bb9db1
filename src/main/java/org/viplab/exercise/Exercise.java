package org.viplab.exercise;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An exercise for trainees (format in samples/exercises/README.md): a lab with a hidden fault, and tasks to
 * predict, diagnose and fix it. Texts come in English and, from the file's {@code "zh-CN"} block, in Chinese.
 *
 * @param dir       the exercise's folder (its drills and configs are relative to it)
 * @param fault     setting path to JSON value: the hidden fault, applied on top of every task's lab; what the
 *                  trainer mode reveals
 * @param timeLimitSec the time limit in seconds, or 0 for none
 * @param overTime  what the limit does to later answers (lock, or a penalty per minute)
 */
public record Exercise(Path dir, String id, int level, Map<String, String> title, Map<String, String> intro,
                       Map<String, String> faultText, Map<String, Object> fault, long timeLimitSec, OverTime overTime, List<Task> tasks) {

    public static final List<String> LANGUAGES = List.of("en", "zh-CN");

    public Exercise {
        title = Map.copyOf(title);
        intro = Map.copyOf(intro);
        faultText = Map.copyOf(faultText);
        fault = Map.copyOf(fault);
        tasks = List.copyOf(tasks);
        overTime = overTime == null ? OverTime.LOCK : overTime;
    }

    /** Seconds past the time limit of an answer given {@code secondsSinceOpened} after the exercise was opened; 0 when in time or without a limit. */
    public long lateSeconds(long secondsSinceOpened) {
        return timeLimitSec <= 0 ? 0 : Math.max(0, secondsSinceOpened - timeLimitSec);
    }

    public String title(Locale locale) { return text(title, locale); }

    public String intro(Locale locale) { return text(intro, locale); }

    /** What the hidden fault is, in words (the trainer's answer). */
    public String faultText(Locale locale) { return text(faultText, locale); }

    public int maxPoints() { return tasks.stream().mapToInt(Task::points).sum(); }

    public Task task(String taskId) {
        for (Task t : tasks) if (t.id().equals(taskId)) return t;
        return null;
    }

    /** The Chinese text when the locale is Chinese and the file gives it, else the English one. */
    static String text(Map<String, String> byLanguage, Locale locale) {
        if (locale != null && locale.getLanguage().equals("zh") && byLanguage.containsKey("zh-CN")) return byLanguage.get("zh-CN");
        return byLanguage.getOrDefault("en", "");
    }
}
