package org.viplab.ui.exercises;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.viplab.core.model.VrrpState;
import org.viplab.exercise.Score;
import org.viplab.exercise.Task;
import org.viplab.exercise.TaskScore;
import org.viplab.ui.common.I18n;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One task of an exercise: its question, the inputs its kind asks for (where the VIP will be, each node's state,
 * the downtime on a slider; a choice; the editable settings), its hints, and once checked its points and what the
 * judge saw. Every input goes straight into the model's answer.
 */
final class TaskCard extends VBox {
    private final Task task;
    private final ExercisesModel model;
    private final I18n i18n;
    private final Label result = new Label();
    private final VBox hintsBox = new VBox(2);
    /** Fills this card's inputs from one task's answer (trainer mode's reference answer); set by the kind's inputs. */
    private java.util.function.Consumer<Map<String, Object>> filler = a -> { };

    TaskCard(Task task, ExercisesModel model, I18n i18n) {
        this.task = task;
        this.model = model;
        this.i18n = i18n;
        setId("task-" + task.id());
        getStyleClass().add("exercise-task");
        setSpacing(6);
        setPadding(new Insets(8));
        setStyle("-fx-border-color: -color-border-default; -fx-border-radius: 4;");
        Locale l = i18n.locale();
        Label head = new Label(task.id() + " · " + i18n.get("exercises.kind." + kind()) + " · " + i18n.get("exercises.points", task.points()));
        head.setStyle("-fx-font-weight: bold;");
        Label question = new Label(task.question(l));
        question.setWrapText(true);
        javafx.scene.Node inputs = inputs();
        // once an exercise's time limit has passed (and it locks), the answers stay as they were
        inputs.disableProperty().bind(model.lockedProperty());
        getChildren().addAll(head, question, inputs);
        if (!task.hints().isEmpty()) {
            Button hint = new Button(i18n.get("exercises.hint", task.hints().get(0).cost()));
            hint.setId("hint-" + task.id());
            hint.disableProperty().bind(model.lockedProperty());
            hint.setOnAction(e -> {
                Task.Hint h = model.openHint(task);
                if (h != null) hintsBox.getChildren().add(wrapped(i18n.get("exercises.hintShown", h.text(i18n.locale()), h.cost())));
                int next = model.hintsOpened(task.id());
                if (next >= task.hints().size()) {
                    hint.disableProperty().unbind();
                    hint.setDisable(true);
                } else hint.setText(i18n.get("exercises.hint", task.hints().get(next).cost()));
            });
            getChildren().addAll(hint, hintsBox);
        }
        if (task instanceof Task.Predict p) {
            // the reveal, once the trainee has answered (or at once in trainer mode): the drill on the live lab
            Button show = new Button(i18n.get("exercises.showOnLab"));
            show.setId("show-" + task.id());
            show.disableProperty().bind(model.scoreProperty().isNull().and(model.trainerModeProperty().not()));
            show.setOnAction(e -> model.showOnLab(p));
            getChildren().add(show);
        }
        result.setId("result-" + task.id());
        result.setWrapText(true);
        getChildren().add(result);
    }

    String taskId() { return task.id(); }

    private String kind() {
        return task instanceof Task.Predict ? "predict" : task instanceof Task.Diagnose ? "diagnose" : "fix";
    }

    private javafx.scene.Node inputs() {
        if (task instanceof Task.Predict p) return predictInputs(p);
        if (task instanceof Task.Diagnose d) return diagnoseInputs(d);
        return fixInputs((Task.Fix) task);
    }

    private javafx.scene.Node predictInputs(Task.Predict p) {
        List<String> nodes = p.drill().topology().nodeNames();
        ComboBox<String> vip = new ComboBox<>();
        vip.setId("vip-" + task.id());
        List<String> options = new ArrayList<>(nodes);
        options.add(String.join(" + ", nodes));
        options.add(i18n.get("exercises.vip.none"));
        vip.getItems().setAll(options);
        vip.setPromptText(i18n.get("exercises.choose"));
        vip.valueProperty().addListener((o, a, v) -> {
            List<String> holders = v == null || v.equals(i18n.get("exercises.vip.none")) ? List.of() : List.of(v.split(" \\+ "));
            model.answer(task.id(), "vipOn", holders);
        });
        FlowPane row = new FlowPane(8, 6, new Label(i18n.get("exercises.vip")), vip);
        Map<String, Object> states = new LinkedHashMap<>();
        Map<String, ComboBox<VrrpState>> stateBoxes = new LinkedHashMap<>();
        for (String n : nodes) {
            ComboBox<VrrpState> s = new ComboBox<>();
            stateBoxes.put(n, s);
            s.setId("state-" + task.id() + "-" + n);
            s.getItems().setAll(VrrpState.MASTER, VrrpState.BACKUP, VrrpState.FAULT, VrrpState.STOPPED);
            s.setPromptText(i18n.get("exercises.choose"));
            s.valueProperty().addListener((o, a, v) -> {
                states.put(n, v == null ? null : v.name());
                model.answer(task.id(), "states", new LinkedHashMap<>(states));
            });
            row.getChildren().addAll(new Label(n), s);
        }
        Slider downtime = new Slider(0, 60, 0);
        downtime.setId("downtime-" + task.id());
        downtime.setShowTickLabels(true);
        downtime.setMajorTickUnit(10);
        downtime.setPrefWidth(260);
        Label shown = new Label(i18n.get("exercises.notAnswered"));
        Runnable record = () -> {
            double s = Math.round(downtime.getValue() * 10) / 10.0;
            shown.setText(i18n.get("exercises.seconds", s));
            model.answer(task.id(), "clientDowntime", s + "s");
        };
        downtime.valueProperty().addListener((o, a, v) -> record.run());
        // a click or key on the slider answers too: "no downtime" is the slider's starting value, which never changes
        downtime.setOnMouseReleased(e -> record.run());
        downtime.setOnKeyReleased(e -> record.run());
        row.getChildren().addAll(new Label(i18n.get("exercises.downtime")), downtime, shown);
        filler = a -> {
            if (a.get("vipOn") instanceof List<?> holders) {
                vip.setValue(holders.isEmpty() ? i18n.get("exercises.vip.none")
                        : String.join(" + ", holders.stream().map(String::valueOf).sorted().toList()));
            }
            if (a.get("states") instanceof Map<?, ?> given) {
                given.forEach((n, st) -> {
                    ComboBox<VrrpState> box = stateBoxes.get(String.valueOf(n));
                    if (box != null && st != null) box.setValue(VrrpState.valueOf(String.valueOf(st)));
                });
            }
            if (a.get("clientDowntime") != null) {
                downtime.setValue(org.viplab.core.util.Durations.parseUs(String.valueOf(a.get("clientDowntime"))) / 1e6);
                record.run();
            }
        };
        return row;
    }

    private javafx.scene.Node diagnoseInputs(Task.Diagnose d) {
        VBox box = new VBox(4);
        ToggleGroup g = new ToggleGroup();
        for (Map.Entry<String, Map<String, String>> c : d.choices().entrySet()) {
            String text = i18n.locale().getLanguage().equals("zh") && c.getValue().containsKey("zh-CN") ? c.getValue().get("zh-CN") : c.getValue().get("en");
            RadioButton b = new RadioButton(c.getKey() + ") " + text);
            b.setId("choice-" + task.id() + "-" + c.getKey());
            b.setWrapText(true);
            b.setMnemonicParsing(false); // "virtual_router_id" must not lose its underscore to a mnemonic
            b.setToggleGroup(g);
            b.setOnAction(e -> model.answer(task.id(), "choice", c.getKey()));
            box.getChildren().add(b);
        }
        filler = a -> {
            Object choice = a.get("choice");
            for (javafx.scene.control.Toggle t : g.getToggles()) {
                if (((RadioButton) t).getId().equals("choice-" + task.id() + "-" + choice)) {
                    g.selectToggle(t);
                    model.answer(task.id(), "choice", String.valueOf(choice));
                }
            }
        };
        return box;
    }

    private javafx.scene.Node fixInputs(Task.Fix f) {
        VBox box = new VBox(4);
        Map<String, Object> set = new LinkedHashMap<>();
        Map<String, TextField> fields = new LinkedHashMap<>();
        for (String path : f.editable()) {
            TextField value = new TextField();
            value.setId("set-" + task.id() + "-" + path.replace('.', '_'));
            value.setPromptText(i18n.get("exercises.unchanged"));
            value.textProperty().addListener((o, a, v) -> {
                if (v == null || v.isBlank()) set.remove(path);
                else set.put(path, typed(v.strip()));
                model.answer(task.id(), "set", new LinkedHashMap<>(set));
            });
            box.getChildren().add(new FlowPane(8, 4, new Label(path), value));
            fields.put(path, value);
        }
        filler = a -> {
            if (a.get("set") instanceof Map<?, ?> given) {
                given.forEach((path, v) -> {
                    TextField field = fields.get(String.valueOf(path));
                    if (field != null) field.setText(String.valueOf(v));
                });
            }
        };
        return box;
    }

    /** What a person types, as the JSON value a setting takes: a number, true/false, or text. */
    static Object typed(String v) {
        if (v.equals("true") || v.equals("false")) return Boolean.parseBoolean(v);
        if (v.matches("-?\\d{1,9}")) return Long.parseLong(v);
        if (v.matches("-?\\d{1,9}\\.\\d{1,6}")) return Double.parseDouble(v);
        return v;
    }

    /** Puts {@code answer} (this task's part of a whole answer) into the inputs, as if typed; the model records it. */
    void fill(Map<String, Object> answer) { filler.accept(answer == null ? Map.of() : answer); }

    /** Shows this task's part of {@code score}, or nothing before a check. */
    void show(Score score) {
        if (score == null) {
            result.setText("");
            return;
        }
        for (TaskScore t : score.tasks()) {
            if (!t.taskId().equals(task.id())) continue;
            StringBuilder b = new StringBuilder(i18n.get(t.passed() ? "exercises.passed" : "exercises.failed", Score.format(t.points()), t.maxPoints()));
            t.details().forEach(d -> b.append('\n').append("· ").append(d.render(i18n.locale())));
            if (!t.why().isEmpty()) {
                // the reveal: the chain of causes of the drill's failover, as the why panel reads it
                org.viplab.core.text.EventFormatter text = org.viplab.core.text.EventFormatter.of(i18n.locale());
                b.append('\n').append(i18n.get("exercises.why"));
                for (var e : t.why()) {
                    b.append('\n').append(i18n.get("exercises.whyLine", org.viplab.core.text.TimeText.seconds(e.timeUs()), e.host(), text.details(e)));
                }
            }
            result.setText(b.toString());
            result.setStyle(t.passed() ? "-fx-text-fill: -color-success-fg;" : "-fx-text-fill: -color-danger-fg;");
        }
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }
}
