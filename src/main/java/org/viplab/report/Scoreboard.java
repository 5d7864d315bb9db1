package org.viplab.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.viplab.core.text.EventCsv;
import org.viplab.core.util.AtomicFiles;
import org.viplab.exercise.Answer;
import org.viplab.exercise.Exercise;
import org.viplab.exercise.ExerciseText;
import org.viplab.exercise.Score;
import org.viplab.exercise.TaskScore;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A class's results in one page and one CSV: a row per trainee and exercise, and per task how hard it was (mean
 * score, pass rate, hints opened). What {@code exercise collect --report} writes.
 */
public final class Scoreboard {
    public static final String HTML = "scoreboard.html";
    public static final String CSV = "scoreboard.csv";

    /** One judged answer file. */
    public record Entry(Path file, Exercise exercise, Answer answer, Score score) { }

    private Scoreboard() { }

    public static void write(List<Entry> entries, Path dir, Locale locale, String version) throws IOException {
        AtomicFiles.writeString(dir.resolve(HTML), html(entries, locale, version));
        AtomicFiles.writeString(dir.resolve(CSV), csv(entries));
    }

    static String html(List<Entry> entries, Locale locale, String version) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lang", locale.getLanguage().equals("zh") ? "zh-CN" : "en");
        m.put("css", Templates.css());
        m.put("t", texts(locale));
        m.put("summary", ExerciseText.of("board.answers", entries.size(), entries.stream().map(e -> e.exercise().id()).distinct().count()).render(locale));
        m.put("generated", ExerciseText.of("board.generated", version).render(locale));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("trainee", e.answer().trainee());
            r.put("exercise", e.exercise().title(locale));
            r.put("points", points(e.score().points()) + " / " + e.score().maxPoints());
            r.put("passed", e.score().passedTasks() + " / " + e.score().tasks().size());
            r.put("allPassed", e.score().allPassed());
            // each task's seconds count from the opening, so the total is the saved elapsed time or the last answer
            long total = e.answer().totalSeconds();
            boolean late = e.exercise().lateSeconds(total) > 0;
            r.put("time", minutes(total) + (late ? " (" + ExerciseText.of("board.late").render(locale) + ")" : ""));
            r.put("late", late);
            rows.add(r);
        }
        m.put("rows", rows);
        m.put("tasks", difficulty(entries, locale));
        return Templates.render("scoreboard.ftlx", m, locale);
    }

    /** Per exercise and task: mean share of the points, share of trainees who passed it, hints opened. */
    private static List<Map<String, Object>> difficulty(List<Entry> entries, Locale locale) {
        Map<String, List<TaskScore>> byTask = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, Integer> hints = new LinkedHashMap<>();
        for (Entry e : entries) {
            for (TaskScore t : e.score().tasks()) {
                String key = e.exercise().id() + " / " + t.taskId();
                byTask.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
                titles.put(key, ExerciseText.of("kind." + t.kind()).render(locale));
                hints.merge(key, e.answer().hintsUsed().getOrDefault(t.taskId(), 0), Integer::sum);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<String, List<TaskScore>> e : byTask.entrySet()) {
            List<TaskScore> s = e.getValue();
            double mean = s.stream().mapToDouble(t -> t.maxPoints() == 0 ? 1 : t.points() / t.maxPoints()).average().orElse(0);
            double passRate = s.stream().filter(TaskScore::passed).count() / (double) s.size();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("task", e.getKey());
            r.put("kind", titles.get(e.getKey()));
            r.put("meanScore", Math.round(mean * 100) + " %");
            r.put("passRate", Math.round(passRate * 100) + " %");
            r.put("hard", passRate < 0.5);
            r.put("hints", hints.get(e.getKey()));
            out.add(r);
        }
        return out;
    }

    static String csv(List<Entry> entries) throws IOException {
        StringWriter w = new StringWriter();
        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder()
                .setHeader("trainee", "exercise", "task", "kind", "points", "max_points", "passed", "hints_cost", "seconds", "late_seconds").get());
        for (Entry e : entries) {
            for (TaskScore t : e.score().tasks()) {
                p.printRecord(EventCsv.cell(e.answer().trainee()), EventCsv.cell(e.exercise().id()), EventCsv.cell(t.taskId()), t.kind(),
                        points(t.points()), t.maxPoints(), t.passed(), t.hintCost(), e.answer().seconds().getOrDefault(t.taskId(), 0L),
                        e.answer().answer(t.taskId()).isEmpty() ? 0 : e.exercise().lateSeconds(e.answer().seconds().getOrDefault(t.taskId(), 0L)));
            }
        }
        p.flush();
        return w.toString();
    }

    private static Map<String, String> texts(Locale locale) {
        Map<String, String> t = new LinkedHashMap<>();
        for (String k : List.of("title", "trainee", "exercise", "points", "passed", "time", "task", "kind", "difficulty",
                "meanScore", "passRate", "hints")) {
            t.put(k, ExerciseText.of("board." + k).render(locale));
        }
        return t;
    }

    private static String points(double p) { return Score.format(p); }

    private static String minutes(long seconds) { return seconds <= 0 ? "" : org.viplab.core.text.TimeText.minutesSeconds(seconds); }
}
