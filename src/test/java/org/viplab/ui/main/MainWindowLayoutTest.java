package org.viplab.ui.main;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.viplab.app.AppRoot;
import org.viplab.core.model.Presets;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.timeline.Actor;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.ui.FxWait;
import org.viplab.ui.TestSessions;
import org.viplab.ui.common.I18n;
import org.viplab.ui.settings.Theme;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main window at a projector's and a laptop's sizes, at 100, 150 and 200 %, in both languages: no control of
 * the menus, toolbar, clock bar or status bar leaves the window or is cut to "...", the drawing, charts and tabs
 * keep a usable size, and screenshots of each go to target/screenshots/layout-*.png.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowLayoutTest {
    static {
        // Monocle's headless screen must hold the largest window (1920x1080); the UI tests share this size.
        System.setProperty("headless.geometry", "2400x1400-32");
    }

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final int[][] SIZES = {{1024, 768}, {1280, 720}, {1920, 1080}};
    static final double[] SCALES = {1.0, 1.5, 2.0};

    private AppRoot session;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        session = TestSessions.openPaused(stage, Presets.mode1(), "layout", 1280, 720);
        session.window.setNotificationsEnabled(false);
    }

    @AfterEach
    void close() {
        session.close();
    }

    private <T> T fx(Callable<T> c) throws Exception { return FxWait.fx(c, 10); }

    @Test
    void nothingLeavesTheWindowAtAnySizeScaleOrLanguage() throws Exception {
        FxWait.until("the charts", 10, () -> session.window.charts() != null);
        List<String> problems = new ArrayList<>();
        for (Locale lang : List.of(I18n.ENGLISH, I18n.CHINESE)) {
            for (int[] size : SIZES) {
                for (double scale : SCALES) {
                    String name = String.format(Locale.ROOT, "layout-%dx%d-%d-%s.png", size[0], size[1], Math.round(scale * 100), lang.getLanguage());
                    showAt(lang, size[0], size[1], scale);
                    problems.addAll(fx(() -> outside(stage.getScene(), name)));
                    snapshot(name);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));

        // a narrow, tall window in em stacks the charts under the drawing; a wide or short one puts them beside it
        showAt(I18n.ENGLISH, 900, 1200, 1.0);
        assertEquals(Orientation.VERTICAL, fx(() -> session.window.chartsOrientation()), "69 em wide, 92 em high");
        List<String> tall = fx(() -> outside(stage.getScene(), "900x1200"));
        assertTrue(tall.isEmpty(), String.join("\n", tall));
        showAt(I18n.ENGLISH, 1920, 1080, 1.0);
        assertEquals(Orientation.HORIZONTAL, fx(() -> session.window.chartsOrientation()));
        assertFalse(fx(() -> session.window.isCompact()));
        showAt(I18n.ENGLISH, 1280, 720, 2.0);
        assertEquals(Orientation.HORIZONTAL, fx(() -> session.window.chartsOrientation()), "49 em wide but only 28 em high");
        assertTrue(fx(() -> session.window.isCompact()), "the big clock and the toolbar's language row give way");
        assertFalse(fx(() -> shown(stage.getScene().lookup("#language"))), "language is in the View menu");
    }

    @Test
    void presenterModeHidesTheTabsBehindAToggleAndEnlargesTheFont() throws Exception {
        FxWait.until("the charts", 10, () -> session.window.charts() != null);
        // something to present: db1's mysqld stops and the VIP moves to db2
        session.live.apply(new Action(Verb.STOP, new Target.Process("db1", ProcessKind.MYSQLD)), Actor.USER).get(10, TimeUnit.SECONDS);
        session.live.runFastUntil(20_000_000).get(60, TimeUnit.SECONDS);
        FxWait.until("db2 holds the VIP", 60, () -> fx(() -> session.viewModel.vipHolders().equals(List.of("db2"))));
        showAt(I18n.ENGLISH, 1280, 720, 1.0);
        fx(() -> { session.window.setPresenter(true); return null; });
        settle();
        TabPane tabs = session.window.bottomTabs();
        assertNull(fx(tabs::getScene), "the tabs leave the window");
        assertEquals(MainWindow.PRESENTER_SCALE, fx(() -> session.window.fontScale()), 1e-9);
        assertEquals(MainWindow.PRESENTER_SCALE, fx(() -> session.window.charts().look().scale()), 1e-9, "the charts' words grow too");
        assertTrue(fx(() -> session.window.charts().getHeight() > 200), "the charts take the room");
        snapshot("presenter-1280x720-150-en.png");
        fx(() -> { session.window.setFontScale(2.0); return null; });
        settle();
        snapshot("presenter-1280x720-200-en.png");
        List<String> at200 = fx(() -> outside(stage.getScene(), "presenter at 200 %"));
        assertTrue(at200.isEmpty(), String.join("\n", at200));
        fx(() -> { session.window.setFontScale(1.0); return null; });
        settle();
        List<String> problems = fx(() -> outside(stage.getScene(), "presenter"));
        assertTrue(problems.isEmpty(), String.join("\n", problems));

        Node toggle = fx(() -> stage.getScene().lookup("#presenter-events"));
        assertNotNull(toggle);
        fx(() -> { ((javafx.scene.control.ToggleButton) toggle).fire(); return null; });
        assertNotNull(fx(tabs::getScene), "the toggle brings the event list back");

        fx(() -> { session.window.setFontScale(2.0); return null; });
        assertEquals(2.0, fx(() -> session.window.fontScale()), 1e-9, "a larger scale chosen in presenter mode applies at once");
        fx(() -> { session.window.setTheme(Theme.DARK); return null; });
        settle();
        snapshot("presenter-1280x720-200-en-dark.png");
        fx(() -> { session.window.setTheme(Theme.LIGHT); return null; });
        fx(() -> { session.window.setPresenter(false); return null; });
        assertNotNull(fx(tabs::getScene));
        assertEquals(2.0, fx(() -> session.window.fontScale()), 1e-9, "the scale chosen last stays");
    }

    @Test
    void aSplitBrainShowsAPersistentBannerInBothLanguages() throws Exception {
        FxWait.until("db1 holds the VIP", 10, () -> fx(() -> session.viewModel.vipHolders().equals(List.of("db1"))));
        Node banner = fx(() -> stage.getScene().lookup("#split-brain-banner"));
        assertFalse(fx(banner::isVisible), "one holder: no banner");
        session.window.setNotificationsEnabled(true);
        // a real split brain: the adverts between db1 and db2 stop, db2 stops hearing db1 and takes the VIP too
        session.live.apply(new Action(Verb.CUT, new Target.PeerPath("db1", "db2", true)), Actor.USER).get(10, TimeUnit.SECONDS);
        session.live.runFastUntil(8_000_000).get(60, TimeUnit.SECONDS);
        FxWait.until("db1 and db2 hold the VIP", 60, () -> fx(() -> session.viewModel.vipHolders().size() == 2));
        assertTrue(fx(banner::isVisible));
        assertEquals("SPLIT BRAIN: VIP on db1 and db2", fx(() -> ((Labeled) banner).getText()));
        Label notice = (Label) fx(() -> stage.getScene().lookup("#vip-notice"));
        assertFalse(fx(() -> notice.isVisible() && notice.getText().contains("db2")), "a second holder is not announced as a move: " + fx(notice::getText));
        fx(() -> { session.window.setLanguage(I18n.CHINESE); return null; });
        assertEquals("脑裂：VIP 同时在 db1 和 db2 上", fx(() -> ((Labeled) banner).getText()));
        fx(() -> { session.window.setTheme(Theme.DARK); return null; });
        showAt(I18n.CHINESE, 1280, 720, 2.0);
        snapshot("split-brain-1280x720-200-zh-dark.png");
        List<String> problems = fx(() -> outside(stage.getScene(), "split brain at 1280x720, 200 %"));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        showAt(I18n.CHINESE, 1920, 1080, 1.5);
        snapshot("split-brain-dark-zh.png");
        fx(() -> { session.window.setTheme(Theme.LIGHT); return null; });
    }

    private static void assertNull(Object o, String message) { assertTrue(o == null, message); }

    private void showAt(Locale lang, int w, int h, double scale) throws Exception {
        fx(() -> {
            session.window.setLanguage(lang);
            session.window.setFontScale(scale);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(w);
            stage.setHeight(h);
            return null;
        });
        // the platform resizes the window when it gets to it: wait for the size asked (and fail naming it)
        FxWait.until("the window is " + w + "x" + h, 60, () -> fx(() -> Math.abs(stage.getScene().getWidth() - w) <= 20
                && Math.abs(stage.getScene().getHeight() - h) <= 40));
        settle();
    }

    /** Two layout passes: the charts' restyle and a wrapped toolbar each need one. */
    private void settle() throws Exception {
        for (int i = 0; i < 2; i++) {
            fx(() -> { stage.getScene().getRoot().applyCss(); stage.getScene().getRoot().layout(); return null; });
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** Controls of the window's frame that leave the scene or show their text cut short; main areas that shrank to nothing. */
    private List<String> outside(Scene scene, String where) {
        double em = MainWindow.BASE_FONT_PX * session.window.fontScale();
        List<String> out = new ArrayList<>();
        for (String id : List.of("#menu-bar", "#toolbar", "#status-bar", "#virtual-clock", "#run-state", "#split-brain-banner")) {
            Node n = scene.lookup(id);
            if (n != null) check(n, scene, where, out, !id.equals("#status-bar"));
        }
        // the event list's filters and buttons (Previous, Next, Export CSV): whole, inside the tabs' area
        Node tabs = scene.lookup("#bottom-tabs");
        Node eventBar = scene.lookup("#event-bar");
        if (tabs != null && tabs.getScene() != null && eventBar != null && shown(eventBar)) {
            List<String> inBar = new ArrayList<>();
            check(eventBar, scene, where, inBar, true);
            out.addAll(inBar);
            insideOf(eventBar, tabs.localToScene(tabs.getLayoutBounds()), where, out);
        }
        for (String id : List.of("#chartsSlot", "#bottom-tabs")) {
            Node n = scene.lookup(id);
            if (n == null || n.getScene() == null) continue;
            Bounds b = n.localToScene(n.getLayoutBounds());
            if (!inside(b, scene)) out.add(where + ": " + id + " leaves the window at " + b);
            if (b.getHeight() < 4 * 13 || b.getWidth() < 200) out.add(where + ": " + id + " is squeezed to " + b);
        }
        // what is left to see of the drawing and the charts, in lines of the window's text: a font twice as large
        // needs twice the pixels
        minimum(scene, "#drawing", "the drawing", 12, 8, em, where, out);
        minimum(scene, "#chartsSlot", "the charts", 15, 10, em, where, out);
        return out;
    }

    /** Visible, and so are all its parents. */
    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }

    private static void minimum(Scene scene, String id, String what, double wEm, double hEm, double em, String where, List<String> out) {
        Node n = scene.lookup(id);
        if (n == null) { out.add(where + ": no " + id); return; }
        Bounds b = n.localToScene(n.getLayoutBounds());
        if (b.getWidth() < wEm * em || b.getHeight() < hEm * em) {
            out.add(String.format(Locale.ROOT, "%s: %s is squeezed to %.0fx%.0f px (%.1fx%.1f em, at least %.0fx%.0f)",
                    where, what, b.getWidth(), b.getHeight(), b.getWidth() / em, b.getHeight() / em, wEm, hEm));
        }
    }

    private static void check(Node n, Scene scene, String where, List<String> out, boolean noEllipsis) {
        if (!n.isVisible()) return;
        if (n instanceof Control c && c.getWidth() > 0) {
            Bounds b = n.localToScene(n.getLayoutBounds());
            if (!inside(b, scene)) out.add(where + ": " + describe(n) + " leaves the window at " + b);
            if (noEllipsis && n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
                for (Node child : l.getChildrenUnmodifiable()) {
                    // JavaFX cuts with the control's ellipsis string ("..." by default), not with "…"
                    if (child instanceof Text t && t.getText() != null && !t.getText().equals(l.getText()) && t.getText().endsWith(l.getEllipsisString())) {
                        out.add(where + ": " + describe(n) + " is cut to \"" + t.getText() + "\"");
                    }
                }
            }
        }
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) check(c, scene, where, out, noEllipsis);
    }

    /** Every control under {@code n} lies within {@code area} (a tab's content is clipped at the tab pane's edge). */
    private static void insideOf(Node n, Bounds area, String where, List<String> out) {
        if (!n.isVisible()) return;
        if (n instanceof Control c && c.getWidth() > 0) {
            Bounds b = n.localToScene(n.getLayoutBounds());
            if (b.getMinX() < area.getMinX() - 1 || b.getMaxX() > area.getMaxX() + 1 || b.getMinY() < area.getMinY() - 1
                    || b.getMaxY() > area.getMaxY() + 1) {
                out.add(where + ": " + describe(n) + " leaves the tabs' area " + area + " at " + b);
            }
            // a control squeezed below its text's width shows "…"; below its minimum it is cut off
            if (c.getWidth() + 0.5 < c.minWidth(-1)) out.add(where + ": " + describe(n) + " is squeezed to " + c.getWidth() + " px");
        }
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) insideOf(c, area, where, out);
    }

    private static boolean inside(Bounds b, Scene scene) {
        return b.getMinX() >= -1 && b.getMinY() >= -1 && b.getMaxX() <= scene.getWidth() + 1 && b.getMaxY() <= scene.getHeight() + 1;
    }

    private static String describe(Node n) {
        String text = n instanceof Labeled l ? " \"" + l.getText() + "\"" : "";
        return n.getClass().getSimpleName() + (n.getId() != null ? "#" + n.getId() : "") + text;
    }

    private void snapshot(String name) throws Exception {
        WritableImage img = fx(() -> stage.getScene().snapshot(null));
        Files.createDirectories(SCREENSHOTS);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", SCREENSHOTS.resolve(name).toFile());
    }
}
