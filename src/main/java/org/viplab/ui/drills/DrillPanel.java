package org.viplab.ui.drills;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.viplab.drill.Verdict;
import org.viplab.ui.common.I18n;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The drill panel: pick a sample or open a drill file, read its description and steps, run it on the live lab
 * and watch each step turn passed, failed or done; pause, abort (the restore runs and the panel says what it
 * did); record your own actions into a drill and save it. Built in code, texts bound to {@link I18n}, logic in
 * {@link DrillPanelModel}. The main window's File menu calls {@link #chooseAndSaveSession} and
 * {@link #chooseAndOpenSession}.
 */
public final class DrillPanel extends VBox {
    private final DrillPanelModel model;
    private final I18n i18n;

    public DrillPanel(DrillPanelModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        setId("drill-panel");
        getStyleClass().add("drill-panel");
        setSpacing(8);
        setPadding(new Insets(10));

        // picking a drill
        ComboBox<Path> samples = new ComboBox<>(model.samples());
        samples.setId("drill-samples");
        samples.promptTextProperty().bind(i18n.bind("drills.samples"));
        samples.setCellFactory(l -> new FileNameCell());
        samples.setButtonCell(new FileNameCell());
        samples.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(samples, Priority.ALWAYS);
        samples.valueProperty().addListener((o, a, p) -> { if (p != null) model.load(p); });
        samples.disableProperty().bind(model.runningProperty());
        Button open = new Button();
        open.setId("drill-open");
        open.textProperty().bind(i18n.bind("drills.open"));
        open.setGraphic(new FontIcon(Material2MZ.OPEN_IN_NEW));
        open.setOnAction(e -> chooseAndLoad(getScene() == null ? null : getScene().getWindow()));
        open.disableProperty().bind(model.runningProperty());
        HBox pick = new HBox(6, samples, open);
        pick.setAlignment(Pos.CENTER_LEFT);

        // what it is
        Label name = new Label();
        name.setId("drill-name");
        name.setStyle("-fx-font-weight: bold; -fx-font-size: 1.2em;");
        name.setWrapText(true);
        name.textProperty().bind(Bindings.createStringBinding(() -> model.drillProperty().get() == null ? i18n.get("drills.none")
                : model.drillProperty().get().name(i18n.locale()), model.drillProperty(), i18n.localeProperty()));
        Label description = new Label();
        description.setId("drill-description");
        description.setWrapText(true);
        description.textProperty().bind(Bindings.createStringBinding(() -> model.drillProperty().get() == null
                || model.drillProperty().get().description(i18n.locale()) == null ? "" : model.drillProperty().get().description(i18n.locale()),
                model.drillProperty(), i18n.localeProperty()));

        Label stepsTitle = new Label();
        stepsTitle.textProperty().bind(i18n.bind("drills.steps"));
        stepsTitle.setStyle("-fx-font-weight: bold;");
        ListView<StepRow> steps = new ListView<>(model.steps());
        steps.setId("drill-steps");
        steps.setCellFactory(l -> new StepCell());
        steps.setPrefHeight(260);
        VBox.setVgrow(steps, Priority.ALWAYS);

        // running it
        Button run = new Button();
        run.setId("drill-run");
        run.textProperty().bind(i18n.bind("drills.run"));
        run.setGraphic(new FontIcon(Material2MZ.PLAY_ARROW));
        run.setDefaultButton(true);
        run.disableProperty().bind(model.runningProperty().or(model.drillProperty().isNull()));
        run.setOnAction(e -> model.run());
        CheckBox fastest = new CheckBox();
        fastest.setId("drill-fastest");
        fastest.textProperty().bind(i18n.bind("drills.fastest"));
        Tooltip fastTip = new Tooltip();
        fastTip.textProperty().bind(i18n.bind("drills.fastest.tip"));
        fastest.setTooltip(fastTip);
        fastest.selectedProperty().bindBidirectional(model.fastestProperty());
        fastest.disableProperty().bind(model.runningProperty().or(model.onHostsProperty())); // real hosts run in real time
        Button pause = new Button();
        pause.setId("drill-pause");
        pause.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(model.pausedProperty().get() ? "drills.resume" : "drills.pause"),
                model.pausedProperty(), i18n.localeProperty()));
        FontIcon pauseIcon = new FontIcon(Material2MZ.PAUSE);
        model.pausedProperty().addListener((o, a, b) -> pauseIcon.setIconCode(b ? Material2MZ.PLAY_ARROW : Material2MZ.PAUSE));
        pause.setGraphic(pauseIcon);
        pause.disableProperty().bind(model.runningProperty().not().or(model.onHostsProperty()));
        pause.setOnAction(e -> model.togglePause());
        Button abort = new Button();
        abort.setId("drill-abort");
        abort.textProperty().bind(i18n.bind("drills.abort"));
        abort.setGraphic(new FontIcon(Material2MZ.STOP));
        abort.disableProperty().bind(model.runningProperty().not());
        abort.setOnAction(e -> model.abort());
        HBox runBar = new HBox(6, run, pause, abort, fastest);
        runBar.setAlignment(Pos.CENTER_LEFT);

        Label state = new Label();
        state.setId("drill-state");
        state.setWrapText(true);
        state.textProperty().bind(model.stateProperty());
        model.outcomeProperty().addListener((o, a, b) -> state.setStyle(outcomeStyle(b)));

        // recording
        ToggleButton record = new ToggleButton();
        record.setId("drill-record");
        record.textProperty().bind(i18n.bind("drills.record"));
        record.setGraphic(new FontIcon(Material2AL.FIBER_MANUAL_RECORD));
        Tooltip recordTip = new Tooltip();
        recordTip.textProperty().bind(i18n.bind("drills.record.tip"));
        record.setTooltip(recordTip);
        record.disableProperty().bind(model.runningProperty().or(model.onHostsProperty())); // recording is for the simulator
        record.setSelected(model.recordingProperty().get());
        model.recordingProperty().addListener((o, a, b) -> record.setSelected(b));
        record.setOnAction(e -> {
            model.setRecording(record.isSelected());
            record.setSelected(model.recordingProperty().get()); // refused (on real hosts): the button says so
        });
        MenuButton expect = new MenuButton();
        expect.setId("drill-expect");
        expect.textProperty().bind(i18n.bind("drills.record.expect"));
        expect.getItems().addAll(
                item("drills.record.expectVip", () -> model.addExpectation(DrillPanelModel.Suggestion.LAST_VIP_MOVE)),
                item("drills.record.expectNoSplit", () -> model.addExpectation(DrillPanelModel.Suggestion.NO_SPLIT_BRAIN)),
                item("drills.record.expectDowntime", () -> model.addExpectation(DrillPanelModel.Suggestion.CLIENT_DOWNTIME)));
        expect.disableProperty().bind(model.recordingProperty().not());
        Button save = new Button();
        save.setId("drill-save-recording");
        save.textProperty().bind(i18n.bind("drills.record.save"));
        save.setGraphic(new FontIcon(Material2MZ.SAVE));
        save.disableProperty().bind(model.hasRecordingProperty().not());
        save.setOnAction(e -> chooseAndSaveRecording(getScene() == null ? null : getScene().getWindow()));
        HBox recordBar = new HBox(6, record, expect, save);
        recordBar.setAlignment(Pos.CENTER_LEFT);
        Label recordText = new Label();
        recordText.setId("drill-record-text");
        recordText.setWrapText(true);
        recordText.textProperty().bind(model.recordTextProperty());

        ListView<String> recorded = new ListView<>(model.recordedSteps());
        recorded.setId("drill-recorded");
        recorded.setPrefHeight(110);
        recorded.visibleProperty().bind(model.hasRecordingProperty());
        recorded.managedProperty().bind(model.hasRecordingProperty());

        // file work in progress and its outcome
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("drill-busy");
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(model.busyProperty());
        Label message = new Label();
        message.setId("drill-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        HBox messageBar = new HBox(6, progress, message);
        messageBar.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(pick, name, description, stepsTitle, steps, runBar, state, new Separator(), recordBar, recordText, recorded, messageBar);
    }

    public DrillPanelModel model() { return model; }

    // ---- for the main window's menus ------------------------------------------------------------------

    public void chooseAndLoad(Window owner) {
        FileChooser c = chooser("drills.open.title", "drills.filter.drill", "*.json");
        File f = c.showOpenDialog(owner);
        if (f != null) model.load(f.toPath());
    }

    public void chooseAndSaveRecording(Window owner) {
        FileChooser c = chooser("drills.record.save.title", "drills.filter.drill", "*.json");
        c.setInitialFileName("recorded-drill.json");
        File f = c.showSaveDialog(owner);
        if (f != null) model.saveRecording(f.toPath());
    }

    /** File > Save session…: asks where, then saves in the background; progress and errors show in the panel. */
    public CompletableFuture<Path> chooseAndSaveSession(Window owner) {
        FileChooser c = chooser("drills.session.save.title", "drills.session.filter", "*.viplab");
        c.setInitialFileName("session.viplab");
        File f = c.showSaveDialog(owner);
        return f == null ? CompletableFuture.completedFuture(null) : model.sessions().saveSession(f.toPath());
    }

    /** File > Open session…: asks which, then reads and replays it in the background. */
    public CompletableFuture<?> chooseAndOpenSession(Window owner) {
        FileChooser c = chooser("drills.session.open.title", "drills.session.filter", "*.viplab");
        File f = c.showOpenDialog(owner);
        return f == null ? CompletableFuture.completedFuture(null) : model.sessions().openSession(f.toPath());
    }

    private FileChooser chooser(String title, String filter, String pattern) {
        FileChooser c = new FileChooser();
        c.setTitle(i18n.get(title));
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get(filter), pattern));
        return c;
    }

    private MenuItem item(String key, Runnable action) {
        MenuItem m = new MenuItem();
        m.textProperty().bind(i18n.bind(key));
        m.setOnAction(e -> action.run());
        return m;
    }

    static String outcomeStyle(DrillPanelModel.Outcome o) {
        return switch (o) {
            case PASSED -> "-fx-text-fill: #1a7f37; -fx-font-weight: bold;";
            case FAILED, ERROR -> "-fx-text-fill: #cf222e; -fx-font-weight: bold;";
            case ABORTED -> "-fx-text-fill: #9a6700; -fx-font-weight: bold;";
            default -> "";
        };
    }

    static String statusColour(Verdict.Status s) {
        return switch (s) {
            case PASSED -> "#1a7f37";
            case FAILED -> "#cf222e";
            case DONE -> "#0969da";
            default -> "#6e7781";
        };
    }

    private static final class FileNameCell extends ListCell<Path> {
        @Override
        protected void updateItem(Path p, boolean empty) {
            super.updateItem(p, empty);
            setText(empty || p == null ? null : p.getFileName().toString().replaceFirst("\\.json$", ""));
        }
    }

    /** A step: its verdict as a coloured word, the step, and what was seen. Follows the row's live status. */
    private final class StepCell extends ListCell<StepRow> {
        private final Label status = new Label();
        private final Label text = new Label();
        private final Label detail = new Label();
        private final HBox box = new HBox(10, status, text, detail);

        StepCell() {
            status.setMinWidth(Region.USE_PREF_SIZE);
            status.setPrefWidth(70);
            detail.setStyle("-fx-opacity: 0.75;");
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(StepRow row, boolean empty) {
            super.updateItem(row, empty);
            status.textProperty().unbind();
            detail.textProperty().unbind();
            text.textProperty().unbind();
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            status.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("drills.status." + row.status().name().toLowerCase()),
                    row.statusProperty(), i18n.localeProperty()));
            status.styleProperty().bind(Bindings.createStringBinding(() -> "-fx-font-weight: bold; -fx-text-fill: "
                    + statusColour(row.status()) + ";", row.statusProperty()));
            text.textProperty().bind(row.textProperty());
            detail.textProperty().bind(row.detailProperty());
            setGraphic(box);
        }
    }
}
