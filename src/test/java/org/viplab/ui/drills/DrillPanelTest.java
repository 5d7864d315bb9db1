package org.viplab.ui.drills;

import org.viplab.core.timeline.Actor;
import org.viplab.ui.FxWait;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.viplab.drill.Drill;
import org.viplab.drill.DrillParser;
import org.viplab.drill.Step;
import org.viplab.drill.Verdict;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.core.model.Presets;
import org.viplab.core.model.ProcessKind;
import org.viplab.session.SessionFiles;
import org.viplab.engine.sim.LiveSimulation;
import org.viplab.core.timeline.LabEvent;
import org.viplab.ui.common.I18n;
import org.viplab.ui.controls.LabControls;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drill panel driven like a trainer would, headless, on the app's live simulation. */
@ExtendWith(ApplicationExtension.class)
class DrillPanelTest {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Added to the real wall clock: a test jumps wall time forward with it instead of sleeping. */
    private final java.util.concurrent.atomic.AtomicLong wallJumpNanos = new java.util.concurrent.atomic.AtomicLong();
    private LiveSimulation live;
    private LabControls controls;
    private DrillPanelModel model;
    private DrillPanel panel;
    private I18n i18n;
    private Stage stage;
    private final ExecutorService io = Executors.newSingleThreadExecutor();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        live = new LiveSimulation(Presets.mode2(), 1, () -> System.nanoTime() + wallJumpNanos.get()).start();
        i18n = new I18n(Locale.ENGLISH);
        controls = new LabControls(live, Platform::runLater, i18n);
        model = new DrillPanelModel(controls, i18n, new org.viplab.ui.common.FxTaskExecutor(io), Path.of("samples", "drills"));
        panel = new DrillPanel(model, i18n);
        stage.setScene(new Scene(panel, 760, 720));
        stage.show();
    }

    @AfterEach
    void close() {
        model.close();
        live.close();
        io.shutdownNow();
    }

    private static void waitUntil(String what, int seconds, Callable<Boolean> condition) throws Exception {
        FxWait.until(what, seconds, condition);
    }

    private <T> T fx(Callable<T> c) throws Exception { return FxWait.fx(c, 5); }

    private String stateText(FxRobot robot) { return robot.lookup("#drill-state").queryAs(Label.class).getText(); }

    @Test
    void aSampleDrillPickedFromTheListRunsFastAndEveryStepPasses(FxRobot robot) throws Exception {
        assertTrue(fx(() -> model.samples().size()) >= 17, "the samples are listed");
        Path sample = Path.of("samples", "drills", "01-mode1-basic-failover.json");
        @SuppressWarnings("unchecked")
        ComboBox<Path> box = robot.lookup("#drill-samples").queryAs(ComboBox.class);
        fx(() -> {
            box.getSelectionModel().select(sample);
            return null;
        });
        waitUntil("the drill is shown", 5, () -> fx(() -> model.drillProperty().get() != null));
        Drill d = model.drillProperty().get();
        assertEquals(d.name(), robot.lookup("#drill-name").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#drill-description").queryAs(Label.class).getText().startsWith("The tutorial's own test"));
        ListView<?> steps = robot.lookup("#drill-steps").queryAs(ListView.class);
        assertEquals(d.steps().size(), fx(() -> steps.getItems().size()));
        assertTrue(fx(() -> model.steps().stream().allMatch(r -> r.status() == Verdict.Status.PENDING)));

        robot.clickOn("#drill-fastest");
        assertTrue(fx(() -> model.fastestProperty().get()));
        robot.clickOn("#drill-run");
        waitUntil("the drill finished", 20, () -> fx(() -> !model.runningProperty().get() && model.outcomeProperty().get() != DrillPanelModel.Outcome.IDLE));

        assertEquals(DrillPanelModel.Outcome.PASSED, fx(() -> model.outcomeProperty().get()), stateText(robot));
        assertTrue(stateText(robot).startsWith("Passed"), stateText(robot));
        for (StepRow r : fx(() -> List.copyOf(model.steps()))) {
            assertEquals(r.isAction() ? Verdict.Status.DONE : Verdict.Status.PASSED, r.status(), r.text() + ": " + r.detailProperty().get());
        }
        // what the cells show, not only the model
        List<String> shown = robot.lookup("#drill-steps .list-cell .label").queryAllAs(Label.class).stream()
                .map(Label::getText).filter(t -> t != null && (t.equals("passed") || t.equals("done") || t.equals("failed") || t.equals("pending"))).toList();
        assertEquals(d.steps().size(), shown.size(), "one verdict word per step: " + shown);
        assertFalse(shown.contains("failed") || shown.contains("pending"), shown.toString());

        // the drill ran on the live simulation: its timeline (the one the views follow) holds the drill's actions
        assertTrue(live.timeline().snapshot().stream().anyMatch(e -> e instanceof LabEvent.ActionApplied a
                && a.by() == Actor.DRILL && a.target().equals("db1/mysqld")));
        assertEquals("mode1", live.topology().name, "the lab was reset to the drill's topology");

        Files.createDirectories(SCREENSHOTS);
        WritableImage img = fx(() -> stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", SCREENSHOTS.resolve("drill-panel.png").toFile());

        fx(() -> {
            i18n.setLocale(I18n.CHINESE);
            return null;
        });
        assertTrue(stateText(robot).startsWith("通过"), stateText(robot));
        assertEquals("运行", robot.lookup("#drill-run").queryAs(javafx.scene.control.Button.class).getText());
        // the verdicts' details follow the language too (the judge writes English)
        for (StepRow r : fx(() -> List.copyOf(model.steps()))) {
            String detail = fx(() -> r.detailProperty().get());
            if (r.isAction()) continue;
            assertTrue(org.viplab.testing.EnglishText.hasChinese(detail), r.text() + ": " + detail);
            assertEquals(List.of(), org.viplab.testing.EnglishText.phrases(detail), r.text() + ": " + detail);
        }
        WaitForAsyncUtils.waitForFxEvents();
        img = fx(() -> stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", SCREENSHOTS.resolve("drill-panel-zh.png").toFile());
    }

    @Test
    void everyDrillPanelKeyIsInBothLanguages() throws Exception {
        java.util.Properties en = new java.util.Properties();
        java.util.Properties zh = new java.util.Properties();
        try (var a = getClass().getResourceAsStream("/org/viplab/i18n/messages.properties");
             var b = new java.io.InputStreamReader(getClass().getResourceAsStream("/org/viplab/i18n/messages_zh_CN.properties"), java.nio.charset.StandardCharsets.UTF_8)) {
            en.load(a);
            zh.load(b);
        }
        java.util.Set<String> enKeys = new java.util.TreeSet<>();
        java.util.Set<String> zhKeys = new java.util.TreeSet<>();
        for (Object k : en.keySet()) if (k.toString().startsWith("drills.")) enKeys.add(k.toString());
        for (Object k : zh.keySet()) if (k.toString().startsWith("drills.")) zhKeys.add(k.toString());
        assertTrue(enKeys.size() > 40, "keys: " + enKeys.size());
        assertEquals(enKeys, zhKeys);
        // every key the panel's code names exists
        String code = Files.readString(Path.of("src/main/java/org/viplab/ui/drills/DrillPanel.java"))
                + Files.readString(Path.of("src/main/java/org/viplab/ui/drills/DrillPanelModel.java"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(drills\\.[a-zA-Z.]+)\"").matcher(code);
        while (m.find()) {
            String key = m.group(1);
            if (key.endsWith(".")) continue; // a prefix completed at run time ("drills.status." + status)
            assertTrue(enKeys.contains(key), "missing key " + key);
        }
        for (Verdict.Status st : Verdict.Status.values()) assertTrue(enKeys.contains("drills.status." + st.name().toLowerCase()));
    }

    @Test
    void abortingARunningDrillRunsItsRestoreAndSaysSo(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("long.json");
        Files.writeString(file, """
                {"name": "Long one", "description": "stops db1's keepalived, then waits a long time", "preset": "mode1",
                 "steps": [
                   {"at": "1s", "action": "stop", "target": "db1/keepalived"},
                   {"expect": "vip-on", "host": "db2", "within": "2s"},
                   {"at": "300s", "expect": "vip-on", "host": "db2"}
                 ],
                 "restore": [{"action": "start", "target": "db1/keepalived"}]}
                """);
        fx(() -> model.load(file)).get(5, TimeUnit.SECONDS);
        waitUntil("the drill is shown", 5, () -> fx(() -> model.steps().size() == 3));
        fx(() -> controls.setSpeed(10));
        robot.clickOn("#drill-run");
        waitUntil("the first action ran", 10, () -> fx(() -> model.steps().get(0).status() == Verdict.Status.DONE));
        waitUntil("the VIP expectation passed live", 10, () -> fx(() -> model.steps().get(1).status() == Verdict.Status.PASSED));
        assertEquals(Verdict.Status.PENDING, fx(() -> model.steps().get(2).status()));
        assertTrue(fx(() -> model.runningProperty().get()));

        robot.clickOn("#drill-pause");
        waitUntil("paused", 5, () -> stateText(robot).startsWith("Paused at lab time"));
        assertEquals("Resume", robot.lookup("#drill-pause").queryAs(javafx.scene.control.Button.class).getText());
        long pausedAt = live.submit(l -> l.now()).get(5, TimeUnit.SECONDS);
        wallJumpNanos.addAndGet(60_000_000_000L); // a minute of wall time: ten at 10x, were the lab not paused
        assertEquals(pausedAt, live.submit(l -> l.now()).get(5, TimeUnit.SECONDS), "no lab time passes while the drill is paused");
        robot.clickOn("#drill-pause");
        waitUntil("running again", 5, () -> live.submit(l -> l.now()).get(5, TimeUnit.SECONDS) > pausedAt);

        robot.clickOn("#drill-abort");
        waitUntil("the drill stopped", 10, () -> fx(() -> !model.runningProperty().get()));
        assertEquals(DrillPanelModel.Outcome.ABORTED, fx(() -> model.outcomeProperty().get()));
        assertTrue(live.timeline().snapshot().stream().anyMatch(e -> e instanceof LabEvent.ActionApplied a
                && a.by() == Actor.RESTORE && a.action().equals("start") && a.target().equals("db1/keepalived")), "the restore ran");
        String state = stateText(robot);
        assertTrue(state.startsWith("Aborted at lab time") && state.contains("The restore ran: start db1/keepalived"), state);
        assertTrue(live.now() < 100_000_000, "stopped long before 300 s: " + live.now());
        assertEquals(Verdict.Status.PENDING, fx(() -> model.steps().get(2).status()), "never reached");
    }

    @Test
    void aResetDuringADrillStopsItAndLeavesTheNewRunAlone(FxRobot robot) throws Exception {
        fx(() -> model.load(Path.of("samples", "drills", "04-mode1-keepalived-never-returns.json"))).get(5, TimeUnit.SECONDS);
        var done = fx(() -> model.run());
        // Asked on the engine thread: during a reset live.topology() is already the drill's while live.now() still
        // shows the old run's time, and that read once let the test reset before the drill had taken its run.
        waitUntil("the drill's own run has started", 10,
                () -> live.submit(lab -> live.topology().name.equals("mode1") && lab.now() > 0).get(5, TimeUnit.SECONDS));
        // the user restarts the lab from the toolbar (LabControls still holds its own topology, mode 2)
        fx(() -> controls.resetRun()).get(5, TimeUnit.SECONDS);
        waitUntil("the drill stopped", 10, () -> fx(() -> !model.runningProperty().get()));
        assertEquals(DrillPanelModel.Outcome.ERROR, fx(() -> model.outcomeProperty().get()));
        assertTrue(stateText(robot).contains("reset during the drill"), stateText(robot));
        assertTrue(done.isCompletedExceptionally());
        assertTrue(live.timeline().snapshot().stream().noneMatch(e -> e instanceof LabEvent.ActionApplied a
                && (a.by() == Actor.RESTORE || a.by() == Actor.DRILL)), "nothing of the drill touched the new run");
    }

    @Test
    void twoRecordedActionsAreSavedAsADrillThatParsesBack(FxRobot robot, @TempDir Path dir) throws Exception {
        fx(() -> controls.pause()).get(5, TimeUnit.SECONDS);
        robot.clickOn("#drill-record");
        waitUntil("recording", 5, () -> fx(() -> model.recorder() != null));
        assertTrue(fx(() -> model.recordingProperty().get()));
        live.runFastUntil(2_000_000).get(5, TimeUnit.SECONDS);
        fx(() -> controls.apply(Verb.STOP, new Target.Process("db1", ProcessKind.HAPROXY))).get(5, TimeUnit.SECONDS);
        live.runFastUntil(9_000_000).get(5, TimeUnit.SECONDS);
        fx(() -> controls.apply(Verb.START, new Target.Process("db1", ProcessKind.HAPROXY))).get(5, TimeUnit.SECONDS);
        live.runFastUntil(20_000_000).get(5, TimeUnit.SECONDS);
        live.apply(new org.viplab.lab.Action(Verb.CUT, Target.parse("clients-db1", List.of("db1", "db2"))), Actor.DRILL).get(5, TimeUnit.SECONDS);
        waitUntil("two actions counted", 5, () -> robot.lookup("#drill-record-text").queryAs(Label.class).getText().contains(": 2 actions"));
        assertTrue(fx(() -> model.addExpectation(DrillPanelModel.Suggestion.LAST_VIP_MOVE)), "the VIP moved to db2");
        WaitForAsyncUtils.waitForFxEvents();
        List<?> listed = fx(() -> List.copyOf(robot.lookup("#drill-recorded").queryAs(ListView.class).getItems()));
        assertEquals(List.of("t = 2s   stop db1/haproxy", "t = 9s   start db1/haproxy"), listed.subList(0, 2));
        assertTrue(listed.get(2).toString().startsWith("expect vip-on db2 within"), listed.toString());
        Files.createDirectories(SCREENSHOTS);
        WritableImage img = fx(() -> stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", SCREENSHOTS.resolve("drill-panel-recording.png").toFile());
        robot.clickOn("#drill-record");
        assertFalse(fx(() -> model.recordingProperty().get()));

        Path file = dir.resolve("recorded.json");
        fx(() -> model.saveRecording(file)).get(5, TimeUnit.SECONDS);
        Drill d = DrillParser.parseFile(file);
        List<Step> actions = d.steps().stream().filter(s -> s instanceof Step.ActionStep).toList();
        assertEquals(List.of("stop db1/haproxy", "start db1/haproxy"), actions.stream().map(Step::text).toList());
        assertEquals(2_000_000, actions.get(0).anchorUs());
        assertEquals(9_000_000, actions.get(1).anchorUs());
        assertEquals("mode2", d.presetName());
        assertTrue(d.steps().stream().anyMatch(s -> s instanceof Step.ExpectStep e && e.host().equals("db2")), d.steps().toString());
        waitUntil("saved message", 5, () -> robot.lookup("#drill-message").queryAs(Label.class).getText().startsWith("Saved the drill"));

        // the recording replays: load it and run it in the panel
        fx(() -> model.load(file)).get(5, TimeUnit.SECONDS);
        fx(() -> {
            model.fastestProperty().set(true);
            return model.run();
        }).get(20, TimeUnit.SECONDS);
        assertEquals(DrillPanelModel.Outcome.PASSED, fx(() -> model.outcomeProperty().get()), stateText(robot));
    }

    @Test
    void aSessionSavedFromThePanelReopensAndABadOneIsRefusedByName(FxRobot robot, @TempDir Path dir) throws Exception {
        fx(() -> controls.pause()).get(5, TimeUnit.SECONDS);
        live.runFastUntil(3_000_000).get(5, TimeUnit.SECONDS);
        fx(() -> controls.apply(Verb.KILL, new Target.Process("db1", ProcessKind.HAPROXY))).get(5, TimeUnit.SECONDS);
        live.runFastUntil(15_000_000).get(5, TimeUnit.SECONDS);
        Path file = dir.resolve("class.viplab");
        fx(() -> model.sessions().saveSession(file)).get(10, TimeUnit.SECONDS);
        waitUntil("saved", 5, () -> fx(() -> model.messageProperty().get().startsWith("Session saved")));
        int saved = SessionFiles.read(file).events().size();

        fx(() -> controls.switchMode(org.viplab.core.model.Mode.DB_TRACKING)).get(5, TimeUnit.SECONDS);
        fx(() -> model.sessions().openSession(file)).get(10, TimeUnit.SECONDS);
        waitUntil("opened", 5, () -> fx(() -> !model.busyProperty().get()));
        String msg = fx(() -> model.messageProperty().get());
        assertTrue(msg.startsWith("Session opened: class.viplab replayed to lab time 15.0 s"), msg);
        assertEquals("mode2", live.topology().name);
        assertTrue(Math.abs(live.timeline().size() - saved) <= 1, "the same timeline again (plus the reopen note): " + live.timeline().size() + " vs " + saved);

        Path bad = dir.resolve("bad.viplab");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(bad, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        int before = live.timeline().size();
        try {
            fx(() -> model.sessions().openSession(bad)).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException expected) {
            // refused
        }
        waitUntil("refused", 5, () -> fx(() -> !model.busyProperty().get()));
        msg = robot.lookup("#drill-message").queryAs(Label.class).getText();
        assertTrue(msg.startsWith("Error: " + bad) && msg.contains("damaged or cut off"), msg);
        assertEquals(before, live.timeline().size(), "the lab was left alone");

        fx(() -> {
            i18n.setLocale(I18n.CHINESE);
            return null;
        });
        assertTrue(robot.lookup("#drill-message").queryAs(Label.class).getText().startsWith("错误"), "the message follows the language");
        assertEquals("运行", robot.lookup("#drill-run").queryAs(javafx.scene.control.Button.class).getText());
    }
}
