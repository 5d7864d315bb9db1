package org.viplab.exercise;

import org.viplab.core.util.AtomicFiles;
import org.viplab.core.util.LocatedJson;
import org.viplab.core.util.LocatedJson.Node;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads and writes answer files (format in samples/exercises/README.md); errors name file:line. */
public final class AnswerFiles {
    private AnswerFiles() { }

    public static Answer read(Path file) throws ExerciseException {
        String source = file.toString();
        Node root = ExerciseParser.parse(file, source);
        if (!(root instanceof LocatedJson.Obj o)) throw new ExerciseException(source, root.line(), root.column(), "an answer file is a JSON object");
        String exercise = o.get("exercise") instanceof LocatedJson.Str s ? s.value() : null;
        if (exercise == null) throw new ExerciseException(source, o.line(), o.column(), "\"exercise\" (the exercise's id) is missing");
        String trainee = o.get("trainee") instanceof LocatedJson.Str s ? s.value() : "";
        if (trainee.length() > 200) throw new ExerciseException(source, o.get("trainee").line(), 0, "\"trainee\" is longer than 200 characters");
        Map<String, Map<String, Object>> answers = new LinkedHashMap<>();
        if (o.get("answers") != null) {
            if (!(o.get("answers") instanceof LocatedJson.Obj a)) throw new ExerciseException(source, o.get("answers").line(), 0, "\"answers\" must be an object of task id to answer");
            for (Map.Entry<String, Node> e : a.members().entrySet()) {
                if (!(ExerciseParser.plain(e.getValue()) instanceof Map<?, ?> m)) {
                    throw new ExerciseException(source, e.getValue().line(), e.getValue().column(), "the answer to task \"" + e.getKey() + "\" must be an object");
                }
                @SuppressWarnings("unchecked") Map<String, Object> typed = (Map<String, Object>) m;
                answers.put(e.getKey(), typed);
            }
        }
        long elapsed = 0;
        if (o.get("elapsed") != null) {
            if (!(o.get("elapsed") instanceof LocatedJson.Num n) || n.value() < 0 || n.value() > 1e9 || n.value() != Math.rint(n.value())) {
                throw new ExerciseException(source, o.get("elapsed").line(), o.get("elapsed").column(), "\"elapsed\" must be a whole number of seconds, at least 0");
            }
            elapsed = (long) n.value();
        }
        return new Answer(exercise, trainee, answers, counts(source, o.get("hintsUsed")), seconds(source, o.get("seconds")), elapsed);
    }

    public static void write(Answer a, Path file) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("exercise", a.exercise());
        root.put("trainee", a.trainee());
        root.put("answers", a.answers());
        root.put("hintsUsed", a.hintsUsed());
        root.put("seconds", a.seconds());
        if (a.elapsedSec() > 0) root.put("elapsed", a.elapsedSec());
        AtomicFiles.writeString(file, new com.google.gson.GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n");
    }

    private static Map<String, Integer> counts(String source, Node n) throws ExerciseException {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : seconds(source, n).entrySet()) out.put(e.getKey(), (int) Math.min(1000, e.getValue()));
        return out;
    }

    private static Map<String, Long> seconds(String source, Node n) throws ExerciseException {
        Map<String, Long> out = new LinkedHashMap<>();
        if (n == null) return out;
        if (!(n instanceof LocatedJson.Obj o)) throw new ExerciseException(source, n.line(), n.column(), "must be an object of task id to a number");
        for (Map.Entry<String, Node> e : o.members().entrySet()) {
            if (!(e.getValue() instanceof LocatedJson.Num num) || num.value() < 0 || num.value() > 1e9 || num.value() != Math.rint(num.value())) {
                throw new ExerciseException(source, e.getValue().line(), e.getValue().column(), "\"" + e.getKey() + "\" must be a whole number of at least 0");
            }
            out.put(e.getKey(), (long) num.value());
        }
        return out;
    }
}
