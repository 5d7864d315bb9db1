package org.viplab.cli;

import org.viplab.exercise.Answer;
import org.viplab.exercise.AnswerFiles;
import org.viplab.exercise.Exercise;
import org.viplab.exercise.ExerciseException;
import org.viplab.exercise.ExerciseParser;
import org.viplab.exercise.ExerciseText;
import org.viplab.exercise.Judge;
import org.viplab.exercise.Score;
import org.viplab.exercise.TaskScore;
import org.viplab.report.Scoreboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code exercise check DIR [--answer FILE]} and {@code exercise collect DIR --report OUT}: score trainees' answers. */
@Command(name = "exercise", description = "score exercises for trainees: check one answer, or collect a class's answers into a scoreboard",
        subcommands = {ExerciseCommand.Check.class, ExerciseCommand.Collect.class})
public final class ExerciseCommand extends CliCommand {
    /** Exercises are judged on the simulator, as drills run from the command line. */
    static final Judge JUDGE = new Judge(d -> DrillCommand.runDrill(d, null));

    @Override
    protected int run(PrintStream out, PrintStream err) {
        throw new UsageException("name one of check, collect");
    }

    @Command(name = "check", sortOptions = false, description = "run an exercise's judge on an answer file and print the score",
            footer = {"", "Exit codes: 0 every task passed, 1 a task did not pass, 2 an unreadable exercise or answer (file:line)."})
    static final class Check extends CliCommand {
        @Parameters(paramLabel = "DIR", description = "the exercise's folder (with exercise.json)")
        Path dir;

        @Option(names = "--answer", paramLabel = "FILE", description = "the answer file the app saved; without it an empty answer is judged")
        Path answer;

        @Option(names = "--reveal", description = "print the hidden fault and the reference answer (for the trainer)")
        boolean reveal;

        @Option(names = "--write-reference", paramLabel = "FILE", description = "write the reference answer of the predict and diagnose tasks to FILE (for exercise authors)")
        Path reference;

        @Mixin
        LanguageOption lang;

        @Override
        protected int run(PrintStream out, PrintStream err) throws Exception {
            Locale lang = this.lang.locale();
            Exercise ex = exercise(dir);
            if (reference != null) {
                OutputPaths.checkFile("--write-reference", reference);
                AnswerFiles.write(JUDGE.reference(ex, "reference"), reference);
                out.println("reference answer: " + reference);
                return ExitCodes.OK;
            }
            Answer a = answer == null ? Answer.empty(ex.id()) : answerFor(ex, answer);
            Score s = JUDGE.score(ex, a);
            print(ex, a, s, lang, out);
            if (reveal) {
                out.println(ExerciseText.of("check.fault", ex.faultText(lang)).render(lang));
                out.println(new com.google.gson.GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                        .toJson(JUDGE.reference(ex, "reference").answers()));
            }
            return s.allPassed() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    @Command(name = "collect", sortOptions = false, description = "score every answer file in a folder and write a scoreboard (HTML and CSV)",
            footer = {"", "Exit codes: 0 written, 2 an unreadable answer or exercise (file:line)."})
    static final class Collect extends CliCommand {
        @Parameters(paramLabel = "DIR", description = "the folder with the trainees' answer files (*.json)")
        Path dir;

        @Option(names = "--exercises", paramLabel = "DIR", defaultValue = "samples/exercises",
                description = "where the exercises are, one folder each (default: ${DEFAULT-VALUE})")
        Path exercises;

        @Option(names = "--report", paramLabel = "OUT", required = true, description = "the folder for scoreboard.html and scoreboard.csv")
        Path report;

        @Mixin
        LanguageOption lang;

        @Override
        protected int run(PrintStream out, PrintStream err) throws Exception {
            Locale lang = this.lang.locale();
            Map<String, Exercise> byId = new HashMap<>();
            List<Scoreboard.Entry> entries = new ArrayList<>();
            for (Path f : answerFiles(dir)) {
                Answer a = read(f);
                Exercise ex = byId.get(a.exercise());
                if (ex == null) {
                    Path exDir = exercises.resolve(a.exercise());
                    if (!a.exercise().matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}") || !Files.isDirectory(exDir)) {
                        throw new BadInputException(f + ": no exercise \"" + a.exercise() + "\" in " + exercises);
                    }
                    ex = exercise(exDir);
                    byId.put(a.exercise(), ex);
                }
                entries.add(new Scoreboard.Entry(f, ex, a, JUDGE.score(ex, a)));
            }
            OutputPaths.checkReportDir("--report", report);
            OutputPaths.writeReport(report, tmp -> {
                Scoreboard.write(entries, tmp, lang, Launcher.version());
                return null;
            });
            out.println(entries.size() + " answers scored; scoreboard: " + report.resolve(Scoreboard.HTML));
            return ExitCodes.OK;
        }

        private static List<Path> answerFiles(Path dir) throws IOException {
            if (!Files.isDirectory(dir)) throw new BadInputException(dir + ": not a folder");
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.json")) {
                for (Path p : s) if (Files.isRegularFile(p)) files.add(p);
            }
            files.sort(null);
            if (files.size() > 10_000) throw new BadInputException(dir + ": more than 10000 answer files");
            return files;
        }
    }

    static Exercise exercise(Path dir) {
        try {
            return ExerciseParser.read(dir);
        } catch (ExerciseException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    private static Answer read(Path file) {
        try {
            return AnswerFiles.read(file);
        } catch (ExerciseException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    static Answer answerFor(Exercise ex, Path file) {
        Answer a = read(file);
        if (!a.exercise().equals(ex.id())) throw new BadInputException(file + ": this answers exercise \"" + a.exercise() + "\", not \"" + ex.id() + "\"");
        return a;
    }

    static void print(Exercise ex, Answer a, Score s, Locale lang, PrintStream out) {
        out.println(ExerciseText.of("check.header", ex.id(), ex.title(lang)).render(lang));
        if (!a.trainee().isBlank()) out.println(ExerciseText.of("check.trainee", a.trainee()).render(lang));
        for (TaskScore t : s.tasks()) {
            String mark = ExerciseText.of(t.passed() ? "check.pass" : "check.fail").render(lang);
            String hints = t.hintCost() > 0 ? "  " + ExerciseText.of("check.hints", t.hintCost()).render(lang) : "";
            out.printf("  %-4s %-9s %5s/%-3d %s%s%n", t.taskId(), ExerciseText.of("kind." + t.kind()).render(lang),
                    Score.format(t.points()), t.maxPoints(), mark, hints);
            for (ExerciseText d : t.details()) out.println("         " + d.render(lang));
            if (!t.why().isEmpty()) {
                org.viplab.core.text.EventFormatter text = org.viplab.core.text.EventFormatter.of(lang);
                out.println("         " + ExerciseText.of("check.why").render(lang));
                for (var e : t.why()) {
                    out.printf("           %9s  %-6s %s%n", org.viplab.core.text.TimeText.seconds(e.timeUs()), e.host(), text.details(e));
                }
            }
        }
        out.println(ExerciseText.of("check.total", Score.format(s.points()), s.maxPoints(), s.passedTasks(), s.tasks().size()).render(lang));
    }
}
