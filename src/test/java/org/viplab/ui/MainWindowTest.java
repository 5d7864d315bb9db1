package org.viplab.ui;

import org.viplab.app.AppRoot;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.viplab.core.model.Presets;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.timeline.LabEvent;
import org.viplab.ui.common.I18n;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main window driven like a user would: headless (Monocle), on the simulator, paused until told. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    static {
        // Monocle's headless screen is 1280x800 unless told otherwise; the window is bigger.
        System.setProperty("headless.geometry", "2400x1400-32");
    }

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private AppRoot session;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        session = TestSessions.openPaused(stage, Presets.mode1(), "main-window", 1400, 900);
    }

    @AfterEach
    void close() {
        session.close();
    }

    private static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        FxWait.until(what, 10, condition);
    }

    private <T> T fx(Callable<T> c) throws Exception { return FxWait.fx(c, 5); }

    /** Probes and adverts are hidden by default, yet they count in the total as they arrive. */
    @Test
    void theEventTotalCountsHiddenKindsToo(FxRobot robot) throws Exception {
        waitUntil("first run drawn", () -> fx(() -> session.viewModel.vipHolders().equals(List.of("db1"))));
        int before = fx(() -> session.viewModel.events().size());
        // a batch of nothing but probes, as the bridge hands it over on real hosts between two changes
        List<LabEvent> probes = new ArrayList<>();
        for (int i = 1; i <= 50; i++) probes.add(new LabEvent.ClientProbe(session.live.now() + i * 100_000L, true, 700, "db1", null));
        // on the run's own timeline: the event list shows the timeline as far as the bridge has handed it over
        for (LabEvent p : probes) session.lab.timeline().accept(p);
        waitUntil("the probes handed over", () -> fx(() -> session.viewModel.events().size() == before + 50));
        int total = fx(() -> session.viewModel.events().size());
        String text = fx(() -> robot.lookup("#event-count").queryAs(javafx.scene.control.Label.class).getText());
        assertTrue(text.endsWith(" of " + total + " events"), text + " / " + total);
    }

    @Test
    void stoppingMysqldOnDb1FromItsBadgeMovesTheVipToDb2(FxRobot robot) throws Exception {
        waitUntil("db1 holds the VIP", () -> fx(() -> session.viewModel.vipHolders().equals(List.of("db1"))));
        assertTrue(robot.lookup("#vip-db1").query().isVisible());
        assertFalse(robot.lookup("#vip-db2").query().isVisible());
        assertTrue(robot.lookup("#badge-db1-mysqld").query().getStyleClass().contains("state-running"));
        assertFalse(robot.lookup("#badge-db1-haproxy").tryQuery().isPresent(), "mode 1 draws no haproxy badge");
        assertTrue(robot.lookup("#vrrp-db1").queryAs(Label.class).getText().startsWith("MASTER"));

        robot.rightClickOn("#badge-db1-mysqld");
        robot.clickOn("#menu-verb-stop");
        waitUntil("the action is in the event list", () -> fx(() -> session.window.eventList().shown().stream()
                .anyMatch(e -> e instanceof LabEvent.ActionApplied a && a.action().equals("stop") && a.target().equals("db1/mysqld"))));

        // Mid-failover: db1's keepalived has released the VIP (priority 0) and db2 waits out its Skew.
        assertEquals(3_200_000L, session.live.runFastUntil(3_200_000).get(10, TimeUnit.SECONDS));
        waitUntil("the drawing reached 3.2 s", () -> fx(() -> session.viewModel.clockProperty().get() > 3_000_000));
        assertTrue(fx(() -> session.viewModel.vipHolders().isEmpty()), "nobody holds the VIP in the gap");
        assertFalse(robot.lookup("#vip-db1").query().isVisible() || robot.lookup("#vip-db2").query().isVisible(),
                "no VIP drawn when it is nowhere");
        assertTrue(robot.lookup("#client-result").queryAs(Label.class).getText().startsWith("failed"));
        snapshot("main-window-failover.png");

        assertEquals(20_000_000L, session.live.runFastUntil(20_000_000).get(10, TimeUnit.SECONDS));
        waitUntil("db2 holds the VIP", () -> fx(() -> session.viewModel.vipHolders().equals(List.of("db2"))));
        waitUntil("the drawing caught up", () -> fx(() -> session.viewModel.clockProperty().get() > 19_000_000));

        assertTrue(robot.lookup("#vip-db2").query().isVisible(), "the VIP is drawn on db2");
        assertFalse(robot.lookup("#vip-db1").query().isVisible(), "and no longer on db1");
        assertTrue(robot.lookup("#badge-db1-mysqld").query().getStyleClass().contains("state-stopped"));
        assertTrue(robot.lookup("#badge-db1-keepalived").query().getStyleClass().contains("state-stopped"),
                "mode 1's check script stopped keepalived on db1");
        assertTrue(robot.lookup("#vrrp-db2").queryAs(Label.class).getText().startsWith("MASTER"));
        assertEquals(ProcessState.STOPPED, fx(() -> session.viewModel.host("db1").process(ProcessKind.MYSQLD).get()));

        List<LabEvent> shown = fx(() -> new ArrayList<>(session.window.eventList().table().getItems()));
        LabEvent.VipChanged toDb2 = shown.stream().filter(e -> e instanceof LabEvent.VipChanged v && v.added() && v.host().equals("db2"))
                .map(e -> (LabEvent.VipChanged) e).findFirst().orElseThrow(() -> new AssertionError("no VIP-added event for db2 in the list"));
        assertTrue(toDb2.timeUs() > 3_000_000 && toDb2.timeUs() < 10_000_000,
                "VIP on db2 a few seconds after the stop (check script every 3 s, then Skew): " + toDb2.timeUs());
        assertTrue(shown.stream().anyMatch(e -> e instanceof LabEvent.VipChanged v && !v.added() && v.host().equals("db1")));
        assertTrue(shown.stream().anyMatch(e -> e instanceof LabEvent.ProcessChanged p && p.host().equals("db1")
                && p.process() == ProcessKind.KEEPALIVED && p.to() == ProcessState.STOPPED));
        assertTrue(shown.stream().noneMatch(e -> e instanceof LabEvent.ClientProbe), "probes are filtered out by default");

        // The charts of the same run: the VIP switch and db1's priority-0 advert at their times; a click on the
        // VIP plot selects that event in the list, a selection in the list marks its time on the charts.
        org.viplab.ui.charts.ChartsPane charts = fx(() -> session.window.charts());
        waitUntil("the charts caught up", () -> fx(() -> charts.data().eventsSeen() == session.viewModel.events().size()));
        assertEquals(toDb2, fx(() -> charts.data().nearest(toDb2.timeUs(), org.viplab.charts.ChartData.Part.VIP)));
        LabEvent.AdvertSent zero = fx(() -> session.viewModel.events().stream()
                .filter(e -> e instanceof LabEvent.AdvertSent a && a.host().equals("db1") && a.priority() == 0 && a.timeUs() > 0)
                .map(e -> (LabEvent.AdvertSent) e).findFirst().orElseThrow(() -> new AssertionError("no priority-0 advert from db1")));
        assertEquals(zero, fx(() -> charts.data().nearest(zero.timeUs(), org.viplab.charts.ChartData.Part.ADVERTS)));
        assertTrue(zero.timeUs() < toDb2.timeUs(), "db1 releases (priority 0) before db2 takes over");
        javafx.geometry.Point2D onVipPlot = fx(() -> charts.viewer().localToScreen(charts.pointOf(toDb2.timeUs(), charts.charts().vipPlot(), 0.5)));
        robot.clickOn(onVipPlot);
        waitUntil("the click selected an event in the list", () -> fx(() -> session.window.eventList().table().getSelectionModel().getSelectedItem() != null));
        LabEvent picked = fx(() -> session.window.eventList().table().getSelectionModel().getSelectedItem());
        assertTrue(picked instanceof LabEvent.VipChanged && Math.abs(picked.timeUs() - toDb2.timeUs()) < 1_000_000,
                "clicking the VIP chart at the switch selects a VIP event there: " + picked);
        LabEvent stopAction = shown.stream().filter(e -> e instanceof LabEvent.ActionApplied).findFirst().orElseThrow();
        fx(() -> {
            session.window.eventList().table().getSelectionModel().select(stopAction);
            return null;
        });
        assertEquals(stopAction.timeUs(), fx(() -> charts.charts().highlightUs()), "the list selection is marked on the charts");

        Path csv = fx(() -> session.window.exportCsv(SCREENSHOTS.resolve("events.csv"))).get(10, TimeUnit.SECONDS);
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFtime_s,t_us,host,source,kind,details\r\n"), "the one events CSV, with a byte-order mark");
        assertTrue(text.contains("stop db1/mysqld (by user)"), text.substring(0, Math.min(2000, text.length())));

        Path png = fx(() -> session.window.exportDrawingPng(SCREENSHOTS.resolve("topology.png"))).get(10, TimeUnit.SECONDS);
        BufferedImage drawing = ImageIO.read(png.toFile());
        assertTrue(Math.abs(drawing.getWidth() - 1800) <= 2, "the drawing is exported at twice its size: " + drawing.getWidth());

        snapshot("main-window.png");
    }

    @Test
    void searchAndKindFiltersNarrowTheEventList(FxRobot robot) throws Exception {
        session.live.runFastUntil(5_000_000).get(10, TimeUnit.SECONDS);
        waitUntil("events arrived", () -> fx(() -> session.viewModel.clockProperty().get() >= 4_900_000));
        int all = fx(() -> session.window.eventList().shown().size());
        robot.clickOn("#event-search").write("Entering MASTER");
        waitUntil("search applied", () -> fx(() -> session.window.eventList().shown().size() < all));
        List<LabEvent> found = fx(() -> new ArrayList<>(session.window.eventList().shown()));
        assertEquals(1, found.size(), "one 'Entering MASTER STATE' log line in the warm-up: " + found);
        fx(() -> {
            session.window.eventList().searchField().clear();
            session.window.eventList().kindFilter().getCheckModel().check("probe");
            return null;
        });
        assertTrue(fx(() -> session.window.eventList().shown().stream().anyMatch(e -> e instanceof LabEvent.ClientProbe)));
    }

    @Test
    void aSettingsChangeRestartsTheRunAndShowsInConfigAndEvents(FxRobot robot) throws Exception {
        waitUntil("first run drawn", () -> fx(() -> session.viewModel.vipHolders().equals(List.of("db1"))));
        int runs = fx(() -> session.viewModel.runsProperty().get());
        fx(() -> {
            session.window.settingsPanel().item("db2.priority").orElseThrow().setValue(120);
            session.window.settingsPanel().commitNow();
            return null;
        });
        waitUntil("a new run started", () -> fx(() -> session.viewModel.runsProperty().get() > runs
                && session.viewModel.events().stream().anyMatch(e -> e instanceof LabEvent.LogLine l && l.source().equals("settings"))));
        String conf = fx(() -> session.window.configView().text("db2").getText());
        assertTrue(conf.contains("priority 120"), conf);
        assertEquals(120, session.live.topology().node("db2").keepalived.priority);
        assertTrue(fx(() -> session.controls.statusProperty().get()).contains("db2.priority = 120"));
        // db2 now outranks db1 and preempts: the VIP ends up on db2 in the warm-up already.
        waitUntil("db2 took the VIP by priority", () -> fx(() -> session.viewModel.vipHolders().equals(List.of("db2"))));
        robot.clickOn("#tab-settings");
        snapshot("settings-tab.png");

        int runsNow = fx(() -> session.viewModel.runsProperty().get());
        fx(() -> {
            session.window.settingsPanel().item("db1.priority").orElseThrow().setValue(300);
            session.window.settingsPanel().commitNow();
            return null;
        });
        assertTrue(fx(() -> session.controls.statusProperty().get()).contains("priority must be 1..255"),
                fx(() -> session.controls.statusProperty().get()));
        assertEquals(100, fx(() -> session.window.settingsPanel().item("db1.priority").orElseThrow().getValue()),
                "the editor shows the running value again");
        assertEquals(runsNow, fx(() -> session.viewModel.runsProperty().get()), "an invalid change restarts nothing");
        robot.clickOn("#tab-config");
        snapshot("config-tab.png");
    }

    @Test
    void chineseLeavesNoEnglishOnTheMainWindow(FxRobot robot) throws Exception {
        session.live.runFastUntil(2_000_000).get(10, TimeUnit.SECONDS);
        waitUntil("events arrived", () -> fx(() -> session.viewModel.clockProperty().get() >= 1_900_000));
        assertFalse(englishWords().isEmpty(), "the check sees the English texts before the switch");
        fx(() -> {
            session.window.setLanguage(I18n.CHINESE);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Set<String> left = englishWords();
        assertTrue(left.isEmpty(), "English left after switching to Chinese: " + left);
        assertTrue(stage.getTitle().startsWith("VIP Lab"), stage.getTitle());
        assertTrue(robot.lookup("#badge-db1-mysqld").queryAs(Label.class).getText().contains("运行中"));
        snapshot("main-window-zh.png");
        fx(() -> {
            session.window.setLanguage(I18n.ENGLISH);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#badge-db1-mysqld").queryAs(Label.class).getText().contains("running"));
    }

    /**
     * Words of two or more Latin letters in the window's visible labels, tabs and menus, minus what stays
     * the same in every language: host and process names, protocol and product names, keepalived's own
     * state words, units, and a language offered under its own name. The event table's rows are data
     * (daemon log lines) and are not checked; its column headers are.
     */
    private Set<String> englishWords() throws Exception {
        return fx(() -> {
            List<String> texts = new ArrayList<>();
            collect(stage.getScene().getRoot(), texts);
            Set<String> words = new TreeSet<>();
            Pattern p = Pattern.compile("[A-Za-z][A-Za-z0-9_\\-]+");
            for (String t : texts) {
                Matcher m = p.matcher(t);
                while (m.find()) if (!ALLOWED.contains(m.group())) words.add(m.group() + " (in \"" + t.replace('\n', ' ') + "\")");
            }
            return words;
        });
    }

    static final Set<String> ALLOWED = Set.of("db1", "db2", "mysqld", "haproxy", "keepalived", "VIP", "Lab", "VRRP", "HAProxy",
            "MySQL", "MariaDB", "Galera", "Percona", "XtraDB", "CSV", "PNG", "ARP", "MASTER", "BACKUP", "FAULT", "INIT", "SIGKILL",
            "SIGSTOP", "SIGCONT", "English", "us", "ms", "mode1", "mode2",
            // data of the lab's configuration on the node cards: the check script's name and the command it runs
            "check_haproxy", "ps",
            // the Preset menu names each preset as `viplab preset` takes it, in any language
            "galera3", "mode1-recommended", "mode2-recommended", "mode1-unicast", "readwrite");

    private static void collect(Node n, List<String> out) {
        if (!n.isVisible() || n instanceof TableRow || n instanceof TableCell) return;
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) out.add(l.getText());
        if (n instanceof TabPane tp) for (Tab t : tp.getTabs()) out.add(t.getText());
        if (n instanceof MenuBar mb) for (Menu m : mb.getMenus()) collectMenu(m, out);
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) collect(c, out);
    }

    private static void collectMenu(MenuItem m, List<String> out) {
        if (m.getText() != null) out.add(m.getText());
        if (m instanceof Menu sub) for (MenuItem i : sub.getItems()) collectMenu(i, out);
    }

    private void snapshot(String name) throws Exception {
        WritableImage img = fx(() -> stage.getScene().snapshot(null));
        Files.createDirectories(SCREENSHOTS);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", SCREENSHOTS.resolve(name).toFile());
    }
}
