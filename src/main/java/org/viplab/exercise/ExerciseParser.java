package org.viplab.exercise;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import org.viplab.core.model.SettingPaths;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyJson;
import org.viplab.core.util.Confined;
import org.viplab.core.util.Durations;
import org.viplab.core.util.InputFiles;
import org.viplab.core.util.LocatedJson;
import org.viplab.core.util.LocatedJson.Node;
import org.viplab.drill.Drill;
import org.viplab.drill.DrillException;
import org.viplab.drill.DrillParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code DIR/exercise.json} (format in samples/exercises/README.md). Drills named by tasks must lie inside
 * the exercise's folder; every error names the file, line and column.
 */
public final class ExerciseParser {
    public static final String FILE = "exercise.json";
    private static final int MAX_TASKS = 50;

    private final Path dir;
    private final String source;

    private ExerciseParser(Path dir) {
        this.dir = dir;
        this.source = dir.resolve(FILE).toString();
    }

    public static Exercise read(Path dir) throws ExerciseException {
        return new ExerciseParser(dir).exercise();
    }

    private Exercise exercise() throws ExerciseException {
        Node root = parse(dir.resolve(FILE), source);
        if (!(root instanceof LocatedJson.Obj o)) throw error(root, "an exercise is a JSON object with id, title and tasks");
        String id = string(o, "id", true);
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) throw error(o.get("id"), "\"id\" must be letters, digits, '.', '_' or '-' (at most 64)");
        int level = o.get("level") == null ? 1 : wholeNumber(o.get("level"), "level", 1, 5);
        Map<String, Object> fault = new LinkedHashMap<>();
        if (o.get("fault") != null) {
            if (!(o.get("fault") instanceof LocatedJson.Obj f)) throw error(o.get("fault"), "\"fault\" must be an object of \"setting.path\": value");
            for (Map.Entry<String, Node> e : f.members().entrySet()) fault.put(e.getKey(), plain(e.getValue()));
        }
        long limit = o.get("timeLimit") == null ? 0 : durationSec(o.get("timeLimit"), "timeLimit");
        OverTime overTime = overTime(o.get("overTime"));
        if (o.get("overTime") != null && limit == 0) throw error(o.get("overTime"), "\"overTime\" needs a \"timeLimit\"");
        if (!(o.get("tasks") instanceof LocatedJson.Arr arr) || arr.items().isEmpty()) throw error(o, "\"tasks\" must be a non-empty list");
        if (arr.items().size() > MAX_TASKS) throw error(arr, "at most " + MAX_TASKS + " tasks");
        List<Task> tasks = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Node n : arr.items()) {
            Task t = task(n, fault);
            if (!ids.add(t.id())) throw error(n, "task id \"" + t.id() + "\" is used twice");
            tasks.add(t);
        }
        return new Exercise(dir, id, level, texts(o, "title", true), texts(o, "intro", false), texts(o, "faultText", false),
                fault, limit, overTime, tasks);
    }

    /** {@code "lock"} (the default) or {@code {"penaltyPerMinute": 1..100}}. */
    private OverTime overTime(Node n) throws ExerciseException {
        if (n == null || (n instanceof LocatedJson.Str s && s.value().equals("lock"))) return OverTime.LOCK;
        if (n instanceof LocatedJson.Obj o && o.members().size() == 1 && o.get("penaltyPerMinute") != null) {
            return new OverTime(wholeNumber(o.get("penaltyPerMinute"), "penaltyPerMinute", 1, 100));
        }
        throw error(n, "\"overTime\" must be \"lock\" or {\"penaltyPerMinute\": 1 to 100}");
    }

    private Task task(Node n, Map<String, Object> fault) throws ExerciseException {
        if (!(n instanceof LocatedJson.Obj o)) throw error(n, "a task is an object with id, kind, points and question");
        String id = string(o, "id", true);
        String kind = string(o, "kind", true);
        int points = wholeNumber(o.get("points") == null ? o : o.get("points"), "points", 0, 1000);
        Map<String, String> question = texts(o, "question", true);
        List<Task.Hint> hints = hints(o.get("hints"));
        return switch (kind) {
            case "predict" -> new Task.Predict(id, points, question, hints, drill(o, fault));
            case "diagnose" -> diagnose(o, id, points, question, hints);
            case "fix" -> new Task.Fix(id, points, question, hints, drill(o, fault), editable(o));
            default -> throw error(o.get("kind"), "\"kind\" must be predict, diagnose or fix, not \"" + kind + "\"");
        };
    }

    private Task.Diagnose diagnose(LocatedJson.Obj o, String id, int points, Map<String, String> question, List<Task.Hint> hints)
            throws ExerciseException {
        if (!(o.get("choices") instanceof LocatedJson.Obj c) || c.members().size() < 2) {
            throw error(o, "a diagnose task needs \"choices\": an object of at least two choice ids to their texts");
        }
        Map<String, Map<String, String>> choices = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : c.members().entrySet()) {
            if (!(e.getValue() instanceof LocatedJson.Obj texts)) throw error(e.getValue(), "choice \"" + e.getKey() + "\" must be {\"en\": …, \"zh-CN\": …}");
            choices.put(e.getKey(), languages(texts, "choice " + e.getKey()));
        }
        String answer = string(o, "answer", true);
        if (!choices.containsKey(answer)) throw error(o.get("answer"), "\"answer\" must be one of the choices: " + choices.keySet());
        return new Task.Diagnose(id, points, question, hints, choices, answer);
    }

    /** The task's drill, inside the exercise's folder, with the hidden fault applied to its lab. */
    private Drill drill(LocatedJson.Obj o, Map<String, Object> fault) throws ExerciseException {
        String name = string(o, "drill", true);
        Path file = Confined.inside(dir, Path.of(name));
        if (file == null) throw error(o.get("drill"), "\"drill\" must name a file inside the exercise's folder, not " + name);
        Drill d;
        try {
            d = DrillParser.parseFile(file);
        } catch (DrillException e) {
            throw error(o.get("drill"), "its drill cannot be read: " + e.getMessage());
        }
        try {
            return withTopology(d, applied(d.topology(), fault));
        } catch (IllegalArgumentException e) {
            throw error(o, "the fault cannot be applied to " + name + ": " + e.getMessage());
        }
    }

    /** {@code base} with {@code settings} (setting path to plain JSON value) applied, checked for use. */
    static Topology applied(Topology base, Map<String, Object> settings) {
        if (settings.isEmpty()) return base;
        SettingPaths p = new SettingPaths(base);
        for (Map.Entry<String, Object> e : settings.entrySet()) p.set(e.getKey(), toJson(e.getValue()));
        Topology t = p.build();
        List<String> problems = TopologyJson.problems(t);
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
        return t;
    }

    static Drill withTopology(Drill d, Topology t) {
        return new Drill(d.source(), d.name(), d.description(), d.presetName(), t, d.seed(), d.durationUs(), d.steps(),
                d.restore(), d.warnings(), d.translations());
    }

    static JsonElement toJson(Object plain) { return JsonParser.parseString(new com.google.gson.Gson().toJson(plain)); }

    private Set<String> editable(LocatedJson.Obj o) throws ExerciseException {
        if (!(o.get("editable") instanceof LocatedJson.Arr a) || a.items().isEmpty()) {
            throw error(o, "a fix task needs \"editable\": the setting paths the trainee may change");
        }
        Set<String> out = new LinkedHashSet<>();
        for (Node n : a.items()) {
            if (!(n instanceof LocatedJson.Str s) || !SettingPaths.PATH.matcher(s.value()).matches()) throw error(n, "an editable entry is a setting path such as \"db1.keepalived.priority\"");
            out.add(s.value());
        }
        return out;
    }

    private List<Task.Hint> hints(Node n) throws ExerciseException {
        if (n == null) return List.of();
        if (!(n instanceof LocatedJson.Arr a)) throw error(n, "\"hints\" must be a list of {\"cost\": points, \"en\": …, \"zh-CN\": …}");
        List<Task.Hint> out = new ArrayList<>();
        for (Node h : a.items()) {
            if (!(h instanceof LocatedJson.Obj ho)) throw error(h, "a hint is {\"cost\": points, \"en\": …, \"zh-CN\": …}");
            int cost = wholeNumber(ho.get("cost") == null ? ho : ho.get("cost"), "cost", 0, 1000);
            Map<String, String> text = new LinkedHashMap<>();
            for (String lang : Exercise.LANGUAGES) if (ho.get(lang) instanceof LocatedJson.Str s) text.put(lang, s.value());
            if (!text.containsKey("en")) throw error(ho, "a hint needs its English text under \"en\"");
            out.add(new Task.Hint(text, cost));
        }
        return out;
    }

    /** {@code key} in English, and in Chinese from the object's {@code "zh-CN"} block when given. */
    private Map<String, String> texts(LocatedJson.Obj o, String key, boolean required) throws ExerciseException {
        Map<String, String> out = new LinkedHashMap<>();
        String en = string(o, key, required);
        if (en != null) out.put("en", en);
        if (o.get("zh-CN") instanceof LocatedJson.Obj zh && zh.get(key) != null) out.put("zh-CN", string(zh, key, true));
        return out;
    }

    private Map<String, String> languages(LocatedJson.Obj o, String what) throws ExerciseException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String lang : Exercise.LANGUAGES) if (o.get(lang) != null) out.put(lang, string(o, lang, true));
        if (!out.containsKey("en")) throw error(o, what + " needs its English text under \"en\"");
        return out;
    }

    private String string(LocatedJson.Obj o, String key, boolean required) throws ExerciseException {
        Node n = o.get(key);
        if (n == null) {
            if (required) throw error(o, "\"" + key + "\" is missing");
            return null;
        }
        if (!(n instanceof LocatedJson.Str s)) throw error(n, "\"" + key + "\" must be a string, not " + n.typeName());
        return s.value();
    }

    private int wholeNumber(Node n, String key, int min, int max) throws ExerciseException {
        if (!(n instanceof LocatedJson.Num num) || num.value() != Math.rint(num.value()) || num.value() < min || num.value() > max) {
            throw error(n, "\"" + key + "\" must be a whole number from " + min + " to " + max);
        }
        return (int) num.value();
    }

    private long durationSec(Node n, String key) throws ExerciseException {
        if (!(n instanceof LocatedJson.Str s)) throw error(n, "\"" + key + "\" must be a duration such as \"15m\"");
        try {
            return Durations.parseUs(s.value()) / 1_000_000;
        } catch (IllegalArgumentException e) {
            throw error(n, "\"" + key + "\": " + e.getMessage());
        }
    }

    static Object plain(Node n) {
        if (n instanceof LocatedJson.Str s) return s.value();
        if (n instanceof LocatedJson.Num num) return num.value() == Math.rint(num.value()) && Math.abs(num.value()) < 1e15 ? (Object) (long) num.value() : num.value();
        if (n instanceof LocatedJson.Bool b) return b.value();
        if (n instanceof LocatedJson.Arr a) {
            List<Object> out = new ArrayList<>();
            for (Node i : a.items()) out.add(plain(i));
            return out;
        }
        if (n instanceof LocatedJson.Obj o) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Node> e : o.members().entrySet()) out.put(e.getKey(), plain(e.getValue()));
            return out;
        }
        return null;
    }

    static Node parse(Path file, String source) throws ExerciseException {
        String text;
        try {
            if (!Files.isRegularFile(file)) throw new ExerciseException(source, 0, 0, "no such file");
            text = InputFiles.readText(file, InputFiles.MAX_TEXT_BYTES);
        } catch (InputFiles.InputFileException e) {
            throw new ExerciseException(source, 0, 0, e.detail());
        } catch (IOException e) {
            throw new ExerciseException(source, 0, 0, "cannot read: " + e.getMessage());
        }
        try {
            return LocatedJson.parse(text);
        } catch (LocatedJson.ParseException e) {
            throw new ExerciseException(source, e.line, e.column, "not valid JSON: " + e.getMessage().replaceFirst("^line \\d+, column \\d+: ", ""));
        }
    }

    private ExerciseException error(Node at, String message) {
        return new ExerciseException(source, at.line(), at.column(), message);
    }
}
