package org.viplab.ui.main;

import org.viplab.ui.FxWait;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.viplab.config.lint.Finding;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.core.model.Mode;
import org.viplab.core.model.Presets;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyJson;
import org.viplab.report.ReportWriter;
import org.viplab.app.AppRoot;
import org.viplab.ui.TestSessions;
import org.viplab.ui.findings.FindingsModel;
import org.viplab.ui.imports.ImportDialog;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Import configs, the Findings tab and report export, driven through the real window (headless). */
@ExtendWith(ApplicationExtension.class)
class AppFeaturesTest {
    static {
        System.setProperty("headless.geometry", "2400x1400-32");
    }

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Path MODE1 = Path.of("samples", "configs", "mode1");
    static final Path MODE2 = Path.of("samples", "configs", "mode2");
    private AppRoot session;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        session = TestSessions.openPaused(stage, Presets.mode1(), "app-features", 1400, 900);
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) if (w != stage && w instanceof Stage s) s.close();
            return null;
        });
        session.close();
    }

    private static void waitUntil(String what, long seconds, Callable<Boolean> condition) throws Exception {
        FxWait.until(what, seconds, condition);
    }

    private <T> T fx(Callable<T> c) throws Exception { return FxWait.fx(c, 10); }

    private ImportDialog openImport(Path db1, Path db2) throws Exception {
        return fx(() -> {
            ImportDialog d = session.features.importDialog();
            d.setDirs(db1, db2);
            d.show();
            return d;
        });
    }

    @Test
    void importingTheMode2SamplesRestartsTheLabInMode2WithPriorities10And9(FxRobot robot) throws Exception {
        assertEquals(Mode.DB_TRACKING, fx(() -> session.controls.topologyProperty().get().mode));
        ImportDialog d = openImport(MODE2.resolve("db1"), MODE2.resolve("db2"));
        assertFalse(fx(() -> in(d, "#import-ok").isDisabled()), "two valid directories: Import is enabled");
        robot.clickOn(in(d, "#import-ok"));
        waitUntil("the lab runs the imported topology", 20, () -> fx(() -> session.controls.topologyProperty().get().mode == Mode.HAPROXY_TRACKING));

        Topology t = fx(() -> session.controls.topologyProperty().get());
        assertEquals(List.of(10, 9), t.nodes.stream().map(n -> n.keepalived.priority).toList());
        assertEquals(List.of("db1", "db2"), t.nodeNames());
        assertTrue(t.nodes.stream().allMatch(n -> n.haproxy != null), "mode 2 runs haproxy on both nodes");
        waitUntil("the simulation itself was reset to it", 10, () -> session.live.topology().mode == Mode.HAPROXY_TRACKING
                && session.live.topology().nodes.get(1).keepalived.priority == 9);
        assertFalse(fx(() -> d.dialog().isShowing()), "the dialog closes after a successful import");
        assertEquals("", fx(() -> d.errorProperty().get()));
        assertNotNull(fx(() -> session.features.imported().matching(session.controls.topologyProperty().get())),
                "the import is remembered for lint while it runs");
        assertTrue(fx(() -> session.controls.statusProperty().get()).startsWith("Imported db1, db2: mode2, VIP 10.9.8.120"), fx(() -> session.controls.statusProperty().get()));
        fx(() -> {
            session.window.setLanguage(org.viplab.ui.common.I18n.CHINESE);
            return null;
        });
        assertTrue(fx(() -> session.controls.statusProperty().get()).startsWith("已导入 db1, db2：mode2"), "the status follows the language");
        fx(() -> {
            session.window.setLanguage(org.viplab.ui.common.I18n.ENGLISH);
            return null;
        });
    }

    @Test
    void importingThreeNodesRunsAThreeNodeLab(@TempDir Path tmp, FxRobot robot) throws Exception {
        java.util.Map<String, Path> dirs = org.viplab.config.ConfigRenderer.write(Presets.galera3(), tmp);
        ImportDialog d = openImport(dirs.get("db1"), dirs.get("db2"));
        fx(() -> { d.setDir("db3", dirs.get("db3")); return null; });
        WaitForAsyncUtils.waitForFxEvents();
        Files.createDirectories(SCREENSHOTS);
        WritableImage img = fx(() -> d.dialog().getDialogPane().getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", SCREENSHOTS.resolve("import-three-nodes.png").toFile());
        assertFalse(fx(() -> in(d, "#import-ok").isDisabled()), "db4 and db5 may stay empty");
        robot.clickOn(in(d, "#import-ok"));
        waitUntil("the lab runs three nodes", 20, () -> fx(() -> session.controls.topologyProperty().get().nodes.size() == 3));
        Topology t = fx(() -> session.controls.topologyProperty().get());
        assertEquals(List.of(150, 100, 50), t.nodes.stream().map(n -> n.keepalived.priority).toList());
        assertEquals(List.of("db1", "db2", "db3"), t.nodeNames());
        waitUntil("the simulation runs them", 10, () -> session.live.topology().nodes.size() == 3);
    }

    @Test
    void thePresetMenuStartsGalera3AndTheWindowDrawsThreeNodes() throws Exception {
        fx(() -> {
            javafx.scene.control.MenuItem item = session.window.menus().getMenus().stream().flatMap(m -> m.getItems().stream())
                    .filter(i -> "menu-preset-galera3".equals(i.getId())).findFirst().orElseThrow();
            item.fire();
            return null;
        });
        waitUntil("the lab runs galera3", 20, () -> fx(() -> session.controls.topologyProperty().get().nodes.size() == 3));
        waitUntil("the simulation too", 10, () -> "galera3".equals(session.live.topology().name));
        assertEquals(2_000_000L, session.live.runFastUntil(2_000_000).get(10, TimeUnit.SECONDS));
        fx(() -> session.controls.apply(Verb.CUT, new Target.HostLink("db1"))).get(10, TimeUnit.SECONDS);
        assertEquals(9_000_000L, session.live.runFastUntil(9_000_000).get(10, TimeUnit.SECONDS));
        waitUntil("the drawing shows db2 with the VIP", 10, () -> fx(() -> {
            Node pill = stage.getScene().lookup("#vip-db2");
            return pill != null && pill.isVisible();
        }));
        WaitForAsyncUtils.waitForFxEvents();
        Files.createDirectories(SCREENSHOTS);
        WritableImage whole = fx(() -> stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(whole, null), "png", SCREENSHOTS.resolve("app-galera3-db1-cut.png").toFile());
        assertNotNull(fx(() -> stage.getScene().lookup("#host-db3")), "db3 has its card");
    }

    @Test
    void aBrokenKeepalivedConfShowsFileAndLineAndKeepsThePreviousTopology(@TempDir Path tmp, FxRobot robot) throws Exception {
        Path db1 = Files.createDirectories(tmp.resolve("db1"));
        for (Path f : List.of(MODE1.resolve("db1/keepalived.conf"), MODE1.resolve("db1/check_mysql.sh"))) Files.copy(f, db1.resolve(f.getFileName()));
        Path conf = db1.resolve("keepalived.conf");
        List<String> lines = Files.readAllLines(conf);
        assertEquals("    priority 100", lines.get(16));
        lines.set(16, "    priority high");
        Files.write(conf, lines);
        String before = fx(() -> TopologyJson.toJson(session.controls.topologyProperty().get()));

        ImportDialog d = openImport(db1, MODE1.resolve("db2"));
        robot.clickOn(in(d, "#import-ok"));
        waitUntil("the error is shown", 20, () -> fx(() -> !d.errorProperty().get().isEmpty()));

        String error = fx(() -> d.errorProperty().get());
        assertTrue(error.contains(conf + ":17:"), "names the file and line 17: " + error);
        assertTrue(error.contains("priority") && error.contains("high"), "says what is wrong: " + error);
        assertTrue(((Labeled) in(d, "#import-error")).isVisible());
        assertEquals(error, ((Labeled) in(d, "#import-error")).getText());
        assertTrue(fx(() -> d.dialog().isShowing()), "the dialog stays open to fix the file and try again");
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage dialogImg = fx(() -> d.dialog().getDialogPane().getScene().snapshot(null));
        Files.createDirectories(SCREENSHOTS);
        ImageIO.write(SwingFXUtils.fromFXImage(dialogImg, null), "png", SCREENSHOTS.resolve("import-error.png").toFile());
        assertEquals(before, fx(() -> TopologyJson.toJson(session.controls.topologyProperty().get())), "the previous topology is kept");
        assertEquals(Mode.DB_TRACKING, session.live.topology().mode);
        assertEquals(100, session.live.topology().nodes.get(0).keepalived.priority);
        // the app keeps running: the lab still answers
        assertEquals(3_000_000L, session.live.runFastUntil(3_000_000).get(10, TimeUnit.SECONDS));

        // Fixed file, same dialog: the import goes through.
        lines.set(16, "    priority 120");
        Files.write(conf, lines);
        fx(d::submit).get(20, TimeUnit.SECONDS);
        assertEquals(db1.toString(), fx(() -> ((javafx.scene.control.TextField) session.features.importDialog().dialog().getDialogPane()
                .lookup("#import-dir-db1")).getText()), "a new dialog offers the last imported directories");
        waitUntil("the fixed import runs", 10, () -> fx(() -> session.controls.topologyProperty().get().nodes.get(0).keepalived.priority == 120));
    }

    @Test
    void aDirectoryWithoutKeepalivedConfIsRefusedBeforeAnythingRuns(@TempDir Path tmp, FxRobot robot) throws Exception {
        ImportDialog d = openImport(tmp, MODE1.resolve("db2"));
        waitUntil("validation disables Import", 5, () -> fx(() -> in(d, "#import-ok").isDisabled()));
        waitUntil("the hint names the field and the problem", 5, () -> fx(() -> ((Labeled) in(d, "#import-hint")).getText())
                .equals("Node db1: No keepalived.conf in " + tmp));
        assertTrue(in(d, "#import-dir-db1").getStyleClass().contains("error"), "the field is marked");
        assertFalse(in(d, "#import-dir-db2").getStyleClass().contains("error"));
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img = fx(() -> d.dialog().getDialogPane().getScene().snapshot(null));
        Files.createDirectories(SCREENSHOTS);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", SCREENSHOTS.resolve("import-invalid.png").toFile());
        fx(() -> {
            session.window.setLanguage(org.viplab.ui.common.I18n.CHINESE);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("节点 db1：" + tmp + " 中没有 keepalived.conf", fx(() -> ((Labeled) in(d, "#import-hint")).getText()));
        assertEquals("导入", fx(() -> ((Labeled) in(d, "#import-ok")).getText()));
        assertEquals("取消", fx(() -> ((Labeled) in(d, "#import-cancel")).getText()));
        WritableImage zh = fx(() -> d.dialog().getDialogPane().getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(zh, null), "png", SCREENSHOTS.resolve("import-invalid-zh.png").toFile());
        fx(() -> {
            session.window.setLanguage(org.viplab.ui.common.I18n.ENGLISH);
            return null;
        });
        ExecutionException e = assertThrows(ExecutionException.class, () -> fx(d::submit).get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("keepalived.conf"), e.getCause().getMessage());
        assertTrue(fx(() -> d.errorProperty().get()).startsWith("Node db1: No keepalived.conf in"), fx(() -> d.errorProperty().get()));
    }

    @Test
    void lintOnTheMode1SamplesListsTheWeightTooSmallFinding(FxRobot robot) throws Exception {
        ImportDialog d = openImport(MODE1.resolve("db1"), MODE1.resolve("db2"));
        fx(d::submit).get(20, TimeUnit.SECONDS);
        waitUntil("the import runs", 10, () -> fx(() -> session.features.imported().matching(session.controls.topologyProperty().get()) != null));

        robot.clickOn("#menu-lab");
        robot.clickOn("#menu-lab-lint");
        waitUntil("lint started", 5, () -> fx(() -> session.features.findingsPanel().model().busyProperty().get()
                || !session.features.findingsPanel().model().rows().isEmpty()));
        assertTrue(fx(() -> session.features.findingsTab().isSelected()), "Lint configs… shows the Findings tab");
        waitUntil("lint finished", 90, () -> fx(() -> !session.features.findingsPanel().model().busyProperty().get()
                && !session.features.findingsPanel().model().rows().isEmpty()));

        List<Finding> fs = fx(() -> session.features.findingsPanel().model().findings());
        long serious = fs.stream().filter(f -> f.severity() != org.viplab.config.lint.Severity.INFO).count();
        assertEquals("Findings (" + serious + ")", fx(() -> session.features.findingsTab().getText()), "the tab counts errors and warnings");
        System.out.println("lint of samples/configs/mode1 in the app: " + fx(() -> session.features.findingsPanel().model().summaryProperty().get()));
        Finding weight = fs.stream().filter(f -> f.rule().equals("weight-too-small")).findFirst()
                .orElseThrow(() -> new AssertionError("no weight-too-small finding in " + fs.stream().map(Finding::rule).toList()));
        assertEquals(MODE1.resolve("db1/keepalived.conf").toString(), weight.pos().file(), "points at the imported file itself");
        assertEquals(10, weight.pos().line());
        assertNotNull(weight.proof(), "proved in the simulator");
        assertTrue(weight.proof().contains("the VIP stays on db1"), weight.proof());
        assertTrue(fx(() -> session.features.findingsPanel().model().sourceProperty().get()).startsWith("Imported files: db1="));
        assertTrue(fx(() -> session.features.findingsPanel().model().summaryProperty().get()).matches("\\d+ error\\(s\\), \\d+ warning\\(s\\).*"));

        // What a person sees: the entry with its location, severity, why, fix and proof.
        int index = fx(() -> session.features.findingsPanel().model().rows().stream().map(FindingsModel.Row::finding).toList().indexOf(weight));
        fx(() -> {
            session.features.findingsPanel().list().scrollTo(index);
            session.features.findingsPanel().list().getSelectionModel().select(index);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> cell = robot.lookup("#findings-list .list-cell").match((ListCell<?> c) -> c.getIndex() == index).query();
        assertTrue(cell.getStyleClass().contains("finding-error"), cell.getStyleClass().toString());
        String shown = texts(cell.getGraphic());
        for (String part : List.of("ERROR", "db1/keepalived.conf:10", "weight -5 is too small", "Why:", "Fix:", "Simulated:", "the VIP stays on db1")) {
            assertTrue(shown.contains(part), "the entry shows \"" + part + "\": " + shown);
        }
        snapshotFindings("findings.png");
        // The same entries in Chinese on the dark theme: labels retranslate, colours come from the theme.
        fx(() -> {
            session.window.setLanguage(org.viplab.ui.common.I18n.CHINESE);
            session.window.setTheme(org.viplab.ui.settings.Theme.DARK);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> session.features.findingsPanel().model().summaryProperty().get()).contains("个错误"));
        try {
            waitUntil("the entry is relabelled in Chinese", 10, () -> fx(() -> robot.lookup("#findings-list .list-cell")
                    .match((ListCell<?> c) -> c.getIndex() == index && c.isVisible() && c.getGraphic() != null).queryAllAs(ListCell.class).stream()
                    .anyMatch(c -> texts(c.getGraphic()).contains("原因：") && texts(c.getGraphic()).contains("错误  [weight-too-small]"))));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; index " + index + ", cells: " + fx(() -> robot.lookup("#findings-list .list-cell").queryAllAs(ListCell.class).stream()
                    .map(c -> c.getIndex() + "|" + c.isVisible() + "|" + (c.getGraphic() == null ? "-" : texts(c.getGraphic()).replace('\n', ' '))).toList()), e);
        }
        snapshotFindings("findings-zh-dark.png");
        fx(() -> {
            session.window.setLanguage(org.viplab.ui.common.I18n.ENGLISH);
            session.window.setTheme(org.viplab.ui.settings.Theme.LIGHT);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        // Copy: the text the command line prints, for a ticket.
        String copied = fx(() -> session.features.findingsPanel().copySelected());
        assertEquals(weight.toText(), copied);
        assertEquals(copied, fx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()));

        // Double-click: the file at that line (cells were rebuilt by the language switches).
        fx(() -> {
            session.features.findingsPanel().list().scrollTo(index);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> now = fx(() -> robot.lookup("#findings-list .list-cell")
                .match((ListCell<?> c) -> c.getIndex() == index && c.isVisible() && c.getGraphic() != null && c.getScene() != null)
                .queryAllAs(ListCell.class).stream().findFirst().orElseThrow());
        robot.doubleClickOn(now);
        waitUntil("the source viewer opens", 5, () -> robot.lookup("#source-viewer").tryQuery().isPresent());
        TextArea viewer = robot.lookup("#source-viewer").queryAs(TextArea.class);
        waitUntil("line 10 is selected", 5, () -> fx(viewer::getSelectedText).contains("weight -5"));
        assertTrue(fx(viewer::getSelectedText).startsWith("10  "), fx(viewer::getSelectedText));
    }

    @Test
    void anImportCancelledWhileReadingChangesNothing() throws Exception {
        String before = fx(() -> TopologyJson.toJson(session.controls.topologyProperty().get()));
        ImportDialog d = openImport(MODE2.resolve("db1"), MODE2.resolve("db2"));
        CompletableFuture<?> f = fx(() -> {
            CompletableFuture<?> started = d.submit();
            d.dialog().close(); // Cancel, before the worker thread could have read anything
            return started;
        });
        assertThrows(java.util.concurrent.CancellationException.class, () -> f.get(20, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, fx(() -> TopologyJson.toJson(session.controls.topologyProperty().get())));
        assertEquals(Mode.DB_TRACKING, session.live.topology().mode);
    }

    @Test
    void lintOnAPresetRendersItsFilesFirst() throws Exception {
        List<FindingsModel.Row> rows = fx(() -> session.features.lintNow()).get(90, TimeUnit.SECONDS);
        assertTrue(rows.stream().anyMatch(r -> r.finding() != null && r.finding().rule().equals("weight-too-small")
                && r.finding().pos().file().endsWith("db1" + java.io.File.separator + "keepalived.conf")), "preset mode1 has the same trap");
        assertTrue(fx(() -> session.features.findingsPanel().model().sourceProperty().get()).startsWith("Rendered from the running topology"));
    }

    @Test
    void exportingAReportAfterAFewSimulatedSecondsWritesHtmlAndResultJson(@TempDir Path tmp, FxRobot robot) throws Exception {
        assertEquals(2_000_000L, session.live.runFastUntil(2_000_000).get(10, TimeUnit.SECONDS));
        fx(() -> session.controls.apply(Verb.STOP, new Target.Process("db1", org.viplab.core.model.ProcessKind.MYSQLD))).get(10, TimeUnit.SECONDS);
        assertEquals(12_000_000L, session.live.runFastUntil(12_000_000).get(10, TimeUnit.SECONDS));

        Path dir = tmp.resolve("report");
        CompletableFuture<ReportWriter.Written> f = fx(() -> {
            CompletableFuture<ReportWriter.Written> started = session.features.exportReport(null, dir, false);
            assertEquals(-1, session.window.statusBarControl().getProgress(), "the status bar shows work in progress");
            assertTrue(session.window.menus().getMenus().get(0).getItems().stream()
                    .filter(i -> "menu-file-exportReport".equals(i.getId())).findFirst().orElseThrow().isDisable(), "one report at a time");
            return started;
        });
        ReportWriter.Written w = f.get(120, TimeUnit.SECONDS);
        assertEquals(dir, w.dir());
        System.out.println("report export of a 12 s live run: " + w.millis() + " ms, total " + w.totalMillis() + " ms");
        for (String file : List.of(ReportWriter.HTML, ReportWriter.JSON, ReportWriter.PDF, ReportWriter.CSV, ReportWriter.JSONL, ReportWriter.JUNIT)) {
            assertTrue(Files.size(dir.resolve(file)) > 0, file + " written");
        }
        JsonObject result = JsonParser.parseString(Files.readString(dir.resolve(ReportWriter.JSON))).getAsJsonObject();
        assertEquals("sim", result.get("engine").getAsString());
        assertEquals("mode1", result.get("preset").getAsString());
        assertEquals(12_000, result.get("durationMs").getAsLong());
        assertEquals(1, result.getAsJsonArray("steps").size(), "the stop is the run's one step");
        JsonObject step = result.getAsJsonArray("steps").get(0).getAsJsonObject();
        assertEquals(2_000, step.get("atMs").getAsLong());
        assertTrue(step.get("text").getAsString().contains("db1/mysqld"), step.toString());
        assertEquals(1, result.getAsJsonObject("metrics").get("failovers").getAsInt(), "the VIP moved to db2 once");
        String html = Files.readString(dir.resolve(ReportWriter.HTML));
        assertTrue(html.contains("db1/mysqld") && html.contains("Live run"), "the page names the run and its action");
        waitUntil("the status says where the report is", 5, () -> fx(() -> session.controls.statusProperty().get()).startsWith("Report written to " + dir));
        assertEquals(0, fx(() -> session.window.statusBarControl().getProgress()));

        // From the menu's path: when written, the app offers to open report.html (HostServices in the app).
        List<String> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        fx(() -> {
            session.features.setDocumentOpener(opened::add);
            return session.features.exportReport(null, tmp.resolve("again"), true);
        }).get(120, TimeUnit.SECONDS);
        waitUntil("the offer to open the report is shown", 10, () -> robot.lookup(".dialog-pane .button").queryAll().stream()
                .anyMatch(n -> n instanceof Labeled l && "Open report.html".equals(l.getText())));
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Labeled l) -> "Open report.html".equals(l.getText())).queryAs(Labeled.class));
        waitUntil("the report is opened", 5, () -> opened.size() == 1);
        assertEquals(tmp.resolve("again").resolve(ReportWriter.HTML).toUri().toString(), opened.get(0));
    }

    @Test
    void everyKeyOfTheseFeaturesIsInBothLanguages() throws Exception {
        java.util.Properties en = new java.util.Properties();
        java.util.Properties zh = new java.util.Properties();
        try (var a = getClass().getResourceAsStream("/org/viplab/i18n/messages.properties");
             var b = new java.io.InputStreamReader(getClass().getResourceAsStream("/org/viplab/i18n/messages_zh_CN.properties"), java.nio.charset.StandardCharsets.UTF_8)) {
            en.load(a);
            zh.load(b);
        }
        List<String> ours = en.stringPropertyNames().stream().filter(k -> k.startsWith("import.") || k.startsWith("findings.")
                || k.startsWith("report.") || k.equals("tab.findings") || k.equals("menu.lab.lint") || k.startsWith("menu.file.")).sorted().toList();
        assertTrue(ours.size() > 40, "found the keys: " + ours.size());
        for (String k : ours) assertTrue(zh.containsKey(k), "Chinese has " + k);
        for (String k : zh.stringPropertyNames()) if (ours.stream().noneMatch(k::equals) && (k.startsWith("import.") || k.startsWith("findings."))) {
            throw new AssertionError("English lacks " + k);
        }
        // the menu items are there, in order, and labelled in the current language
        List<String> ids = fx(() -> session.window.menus().getMenus().get(0).getItems().stream()
                .map(i -> i instanceof javafx.scene.control.SeparatorMenuItem ? "" : i.getId()).toList());
        assertEquals(List.of("menu-file-importConfigs", ""), ids.subList(0, 2), "Import first, on its own: " + ids);
        assertEquals(ids.indexOf("menu-file-exportPng") + 1, ids.indexOf("menu-file-exportReport"), "Export report beside the other exports: " + ids);
        assertEquals("menu-file-quit", ids.get(ids.size() - 1));
        assertTrue(fx(() -> session.window.menus().getMenus().get(1).getItems().stream().anyMatch(i -> "menu-lab-lint".equals(i.getId()))));
        assertEquals("Import configs\u2026", fx(() -> session.features.findingsTab().getTabPane() != null
                ? ((javafx.scene.control.MenuItem) session.window.menus().getMenus().get(0).getItems().get(0)).getText() : null));
        fx(() -> {
            session.window.setLanguage(org.viplab.ui.common.I18n.CHINESE);
            return null;
        });
        assertEquals("导入配置\u2026", fx(() -> session.window.menus().getMenus().get(0).getItems().get(0).getText()));
        assertEquals("检查结果", fx(() -> session.features.findingsTab().getText()));
        fx(() -> {
            session.window.setLanguage(org.viplab.ui.common.I18n.ENGLISH);
            return null;
        });
    }

    /** A node of this dialog (an earlier test's closed dialog may still be found by a global lookup). */
    private Node in(ImportDialog d, String selector) throws Exception {
        return fx(() -> d.dialog().getDialogPane().lookup(selector));
    }

    @Test
    void afterADrillFinishedExportReportWritesTheDrillsOwnResultUntilTheLabRestarts(@TempDir Path tmp) throws Exception {
        org.viplab.ui.drills.DrillPanelModel drills = session.window.drillPanel().model();
        fx(() -> drills.load(Path.of("samples", "drills", "01-mode1-basic-failover.json"))).get(10, TimeUnit.SECONDS);
        fx(() -> {
            drills.fastestProperty().set(true);
            return null;
        });
        org.viplab.drill.DrillResult r = fx(drills::run).get(60, TimeUnit.SECONDS);
        waitUntil("the drill's result is what File > Export report writes", 5, () -> fx(() -> session.features.reportSubject() == r));

        Path dir = tmp.resolve("drill");
        fx(() -> session.features.exportReport(session.features.reportSubject(), dir, false)).get(120, TimeUnit.SECONDS);
        JsonObject result = JsonParser.parseString(Files.readString(dir.resolve(ReportWriter.JSON))).getAsJsonObject();
        assertEquals(r.drill().name(), result.get("drill").getAsString());
        assertEquals(r.passed(), result.get("passed").getAsBoolean());
        assertTrue(result.getAsJsonArray("steps").asList().stream().anyMatch(st -> st.getAsJsonObject().get("verdict").getAsString().equals("passed")),
                "the drill's verdicts are in the report");
        assertEquals(Files.readString(dir.resolve(ReportWriter.JSON)), r.toJson(), "exactly the drill's result");

        fx(() -> session.controls.resetRun()).get(10, TimeUnit.SECONDS);
        waitUntil("a restart makes the live run the subject again", 5, () -> fx(() -> session.features.reportSubject() == null));
    }

    private static String texts(Node n) {
        StringBuilder b = new StringBuilder();
        collect(n, b);
        return b.toString();
    }

    private static void collect(Node n, StringBuilder b) {
        if (n instanceof Labeled l && l.getText() != null) b.append(l.getText()).append('\n');
        if (n instanceof javafx.scene.text.Text t) b.append(t.getText());
        if (n instanceof javafx.scene.Parent p) for (Node c : p.getChildrenUnmodifiable()) collect(c, b);
    }

    private void snapshotFindings(String name) throws Exception {
        WritableImage img = fx(() -> session.features.findingsPanel().snapshot(null, null));
        Files.createDirectories(SCREENSHOTS);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", SCREENSHOTS.resolve(name).toFile());
        WritableImage whole = fx(() -> stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(whole, null), "png", SCREENSHOTS.resolve(name.replace(".png", "-window.png")).toFile());
    }

    @SuppressWarnings("unused")
    private static long count(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
