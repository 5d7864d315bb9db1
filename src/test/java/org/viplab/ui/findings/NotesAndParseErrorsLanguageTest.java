package org.viplab.ui.findings;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
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
import org.viplab.config.ConfigImporter;
import org.viplab.config.ConfigParseException;
import org.viplab.config.Note;
import org.viplab.core.model.Presets;
import org.viplab.core.model.Topology;
import org.viplab.testing.EnglishText;
import org.viplab.ui.FxWait;
import org.viplab.ui.common.I18n;
import org.viplab.ui.imports.ImportDialog;
import org.viplab.ui.imports.ImportedConfigs;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Parser notes and parse errors follow the app's language: the notes in the Findings tab, a parse error in
 * its summary line and in the Import dialog read Chinese after a switch (no English sentence left; names,
 * paths and the user's own words aside) and English again after the switch back.
 */
@ExtendWith(ApplicationExtension.class)
class NotesAndParseErrorsLanguageTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private final ExecutorService work = Executors.newSingleThreadExecutor();
    private final AtomicReference<Topology> running = new AtomicReference<>(Presets.mode1());
    private final ImportedConfigs imported = new ImportedConfigs();
    private I18n i18n;
    private FindingsModel model;
    private FindingsPanel panel;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        i18n = new I18n(Locale.ENGLISH);
        model = new FindingsModel(running::get, imported, i18n, new org.viplab.ui.common.FxTaskExecutor(work));
        panel = new FindingsPanel(model, i18n, () -> stage);
        org.viplab.ui.settings.Theme.LIGHT.apply();
        Scene scene = new Scene(panel, 1100, 700);
        scene.getStylesheets().add(FindingsPanel.class.getResource("/org/viplab/ui/viplab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        model.close();
        work.shutdownNow();
    }

    /** samples/configs/mode1 copied, with an unknown top-level keyword and an unmodelled instance keyword in db1. */
    private static Map<String, Path> copyMode1(Path tmp) throws Exception {
        Map<String, Path> dirs = new LinkedHashMap<>();
        for (String n : List.of("db1", "db2")) {
            Path from = Path.of("samples/configs/mode1", n);
            Path to = Files.createDirectories(tmp.resolve(n));
            try (Stream<Path> s = Files.list(from)) {
                for (Path f : s.filter(Files::isRegularFile).toList()) Files.copy(f, to.resolve(f.getFileName()));
            }
            dirs.put(n, to);
        }
        Path k = dirs.get("db1").resolve("keepalived.conf");
        Files.writeString(k, Files.readString(k) + "\nlvs_thing 1\n");
        return dirs;
    }

    private void useImport(Map<String, Path> dirs) throws Exception {
        ConfigImporter.Result r = ConfigImporter.importNodes(dirs);
        running.set(r.topology());
        FxWait.fx(() -> {
            imported.lastProperty().set(new ImportedConfigs.Imported(dirs, r.topology(), r.notes()));
            return null;
        }, 5);
    }

    @Test
    void notesInTheFindingsTabReadChineseAfterASwitch(FxRobot robot, @TempDir Path tmp) throws Exception {
        useImport(copyMode1(tmp));
        FxWait.fx(model::run, 5).get(90, TimeUnit.SECONDS);
        List<FindingsModel.Row> rows = FxWait.fx(() -> List.copyOf(panel.list().getItems()), 5);
        List<Integer> noteRows = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).note() != null) noteRows.add(i);
        assertTrue(noteRows.size() >= 3, "the import has notes: " + rows);
        Note unknown = rows.stream().map(FindingsModel.Row::note).filter(n -> n != null && n.message().startsWith("unknown keyword"))
                .findFirst().orElseThrow();
        int unknownRow = rows.indexOf(FindingsModel.Row.of(unknown));
        assertTrue(shown(robot, unknownRow).contains("unknown keyword \"lvs_thing\" at top level; keepalived would ignore it with a warning"));

        robot.interact(() -> i18n.setLocale(I18n.CHINESE));
        List<String> english = new ArrayList<>();
        for (int i : noteRows) {
            Note n = rows.get(i).note();
            String text = shown(robot, i);
            assertTrue(text.contains(n.message(ZH)), text);
            assertFalse(text.contains(n.message()), "the English note is gone: " + text);
            assertTrue(EnglishText.hasChinese(text), text);
            for (String line : text.lines().toList()) if (!EnglishText.phrases(line).isEmpty()) english.add(line);
        }
        assertEquals(List.of(), english, "English sentences left in the Chinese notes");
        assertTrue(shown(robot, unknownRow).contains("顶层的未知关键字 \"lvs_thing\""));
        snapshot(stage.getScene().getRoot(), "findings-zh-notes.png");
        robot.interact(() -> panel.list().getSelectionModel().select(unknownRow));
        assertEquals(unknown.pos() + ": 备注： " + unknown.message(ZH) + "\n", FxWait.fx(panel::copySelected, 5));

        robot.interact(() -> i18n.setLocale(I18n.ENGLISH));
        assertTrue(shown(robot, unknownRow).contains(unknown.message()));
        robot.interact(() -> panel.list().getSelectionModel().select(unknownRow));
        assertEquals(unknown.pos() + ": note: " + unknown.message() + "\n", FxWait.fx(panel::copySelected, 5));
    }

    @Test
    void aParseErrorInTheFindingsTabFollowsTheLanguage(FxRobot robot, @TempDir Path tmp) throws Exception {
        Map<String, Path> dirs = copyMode1(tmp);
        useImport(dirs);
        Path k = dirs.get("db1").resolve("keepalived.conf");
        Files.writeString(k, Files.readString(k).replaceFirst("priority \\d+", "priority high"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> FxWait.fx(model::run, 5).get(60, TimeUnit.SECONDS));
        ConfigParseException p = assertInstanceOf(ConfigParseException.class, e.getCause());
        Label summary = robot.lookup("#lint-summary").queryAs(Label.class);
        assertTrue(FxWait.fx(summary::getText, 5).contains("expected a whole number after \"priority\", got \"high\""), summary.getText());

        robot.interact(() -> i18n.setLocale(I18n.CHINESE));
        String zh = FxWait.fx(summary::getText, 5);
        assertTrue(zh.contains(p.message(ZH)) && zh.contains("\"priority\" 后应为整数，实际为 \"high\""), zh);
        assertEquals(List.of(), EnglishText.phrases(zh), zh);

        robot.interact(() -> i18n.setLocale(I18n.ENGLISH));
        assertTrue(FxWait.fx(summary::getText, 5).contains(p.getMessage()));
    }

    @Test
    void aParseErrorInTheImportDialogFollowsTheLanguage(FxRobot robot, @TempDir Path tmp) throws Exception {
        Map<String, Path> dirs = copyMode1(tmp);
        Path k = dirs.get("db1").resolve("keepalived.conf");
        Files.writeString(k, Files.readString(k).replaceFirst("priority \\d+", "priority high"));
        ImportDialog d = FxWait.fx(() -> {
            ImportDialog x = new ImportDialog(stage, i18n, new org.viplab.ui.common.FxTaskExecutor(work), imp -> { });
            x.setDirs(dirs.get("db1"), dirs.get("db2"));
            x.show();
            return x;
        }, 5);
        ExecutionException e = assertThrows(ExecutionException.class, () -> FxWait.fx(d::submit, 5).get(30, TimeUnit.SECONDS));
        ConfigParseException p = assertInstanceOf(ConfigParseException.class, e.getCause());
        Label error = robot.lookup("#import-error").queryAs(Label.class);
        assertTrue(FxWait.fx(error::getText, 5).contains(p.reason()), error.getText());

        robot.interact(() -> i18n.setLocale(I18n.CHINESE));
        WaitForAsyncUtils.waitForFxEvents();
        String zh = FxWait.fx(error::getText, 5);
        assertTrue(zh.contains(p.reason(ZH)) && zh.startsWith("无法导入："), zh);
        assertFalse(zh.contains(p.reason()), zh);
        List<String> english = new ArrayList<>();
        for (String line : texts(d.dialog().getDialogPane()).lines().toList()) if (!EnglishText.phrases(line).isEmpty()) english.add(line);
        assertEquals(List.of(), english, "English sentences left in the Chinese Import dialog");
        snapshot(d.dialog().getDialogPane(), "import-zh-parse-error.png");

        robot.interact(() -> i18n.setLocale(I18n.ENGLISH));
        assertTrue(FxWait.fx(error::getText, 5).contains(p.reason()));
        robot.interact(() -> d.dialog().close());
    }

    /** The texts of the cell that shows row {@code index} now (scrolled into view). */
    private String shown(FxRobot robot, int index) throws Exception {
        robot.interact(() -> panel.list().scrollTo(index));
        WaitForAsyncUtils.waitForFxEvents();
        String[] out = new String[1];
        FxWait.until("row " + index + " is shown", 10, () -> FxWait.fx(() -> {
            // Scroll again on every try: with cells of varying height a scrollTo made while the list still
            // lays out new cells can land elsewhere (seen after other tests had warmed the JVM).
            panel.list().scrollTo(index);
            panel.list().layout();
            for (ListCell<?> c : robot.lookup("#findings-list .list-cell").queryAllAs(ListCell.class)) {
                if (c.getIndex() == index && c.isVisible() && c.getGraphic() != null) {
                    out[0] = texts(c.getGraphic());
                    return true;
                }
            }
            return false;
        }, 5));
        return out[0];
    }

    private static String texts(Node n) {
        StringBuilder b = new StringBuilder();
        collect(n, b);
        return b.toString();
    }

    private static void collect(Node n, StringBuilder b) {
        if (n instanceof Labeled l && l.getText() != null && n.isVisible()) b.append(l.getText()).append('\n');
        if (n instanceof javafx.scene.text.TextFlow) {
            for (Node c : ((javafx.scene.text.TextFlow) n).getChildren()) if (c instanceof javafx.scene.text.Text t) b.append(t.getText());
            b.append('\n');
            return;
        }
        if (n instanceof javafx.scene.Parent p) for (Node c : p.getChildrenUnmodifiable()) collect(c, b);
    }

    private static void snapshot(Node root, String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        WritableImage img = FxWait.fx(() -> root.snapshot(null, null), 10);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", dir.resolve(name).toFile());
    }
}
