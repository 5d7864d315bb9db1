package org.viplab.ui.findings;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.viplab.config.lint.Finding;
import org.viplab.core.model.Presets;
import org.viplab.testing.EnglishText;
import org.viplab.ui.FxWait;
import org.viplab.ui.common.I18n;
import org.viplab.ui.imports.ImportedConfigs;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The Findings tab follows the app's language: every finding's texts, not only the labels, switch live. */
@ExtendWith(ApplicationExtension.class)
class FindingsPanelLanguageTest {
    private final ExecutorService work = Executors.newSingleThreadExecutor();
    private I18n i18n;
    private FindingsModel model;
    private FindingsPanel panel;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        i18n = new I18n(Locale.ENGLISH);
        model = new FindingsModel(Presets::mode1, new ImportedConfigs(), i18n, new org.viplab.ui.common.FxTaskExecutor(work));
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

    @Test
    void everyFindingReadsChineseAfterASwitchAndEnglishAgainAfterTheSwitchBack(FxRobot robot) throws Exception {
        FxWait.fx(model::run, 5).get(90, TimeUnit.SECONDS);
        List<Finding> fs = FxWait.fx(model::findings, 5);
        assertTrue(fs.size() >= 5, "the mode 1 preset has findings: " + fs.size());
        Finding weight = fs.stream().filter(f -> f.rule().equals("weight-too-small")).findFirst().orElseThrow();
        assertTrue(shown(robot, fs.indexOf(weight)).contains("weight -5 is too small to move the VIP"));

        robot.interact(() -> i18n.setLocale(I18n.CHINESE));
        List<String> english = new ArrayList<>();
        for (int i = 0; i < fs.size(); i++) {
            Finding f = fs.get(i);
            String text = shown(robot, i);
            assertTrue(text.contains(f.message(Locale.SIMPLIFIED_CHINESE)) && text.contains(f.why(Locale.SIMPLIFIED_CHINESE)), text);
            assertTrue(EnglishText.hasChinese(text), text);
            for (String line : text.lines().toList()) {
                if (!EnglishText.phrases(line).isEmpty()) english.add(f.rule() + ": " + line);
            }
            assertFalse(text.contains(f.message()), "the English message is gone: " + text);
        }
        assertEquals(List.of(), english, "English sentences left in the Chinese Findings tab");
        String zh = shown(robot, fs.indexOf(weight));
        assertTrue(zh.contains("权重 -5 太小，无法让 VIP 漂移") && zh.contains("VIP 一直在 db1 上"), zh);
        snapshot("findings-zh-all-texts.png");
        // Copy follows the language too.
        robot.interact(() -> panel.list().getSelectionModel().select(fs.indexOf(weight)));
        assertEquals(weight.toText(Locale.SIMPLIFIED_CHINESE), FxWait.fx(panel::copySelected, 5));

        robot.interact(() -> i18n.setLocale(I18n.ENGLISH));
        assertTrue(shown(robot, fs.indexOf(weight)).contains("weight -5 is too small to move the VIP"));
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
        if (n instanceof Labeled l && l.getText() != null) b.append(l.getText()).append('\n');
        if (n instanceof javafx.scene.text.TextFlow) {
            for (Node c : ((javafx.scene.text.TextFlow) n).getChildren()) if (c instanceof javafx.scene.text.Text t) b.append(t.getText());
            b.append('\n');
            return;
        }
        if (n instanceof javafx.scene.Parent p) for (Node c : p.getChildrenUnmodifiable()) collect(c, b);
    }

    private void snapshot(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        WritableImage img = FxWait.fx(() -> stage.getScene().getRoot().snapshot(null, null), 10);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", dir.resolve(name).toFile());
    }
}
