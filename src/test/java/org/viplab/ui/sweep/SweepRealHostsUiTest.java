package org.viplab.ui.sweep;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.viplab.engine.sim.SimulatedLab;
import org.viplab.engine.ssh.BaselineHosts;
import org.viplab.engine.ssh.SshRealHosts;
import org.viplab.lab.hosts.Inventory;
import org.viplab.report.RealTable;
import org.viplab.ui.FxWait;
import org.viplab.ui.common.FxTaskExecutor;
import org.viplab.ui.common.I18n;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Sweep tab's "Real hosts" on in-process hosts over real SSH (commands only echo; see BaselineHosts): the
 * refusals say why and leave the tab usable, a sweep shows each real run's line, the KS table and both CDFs
 * labelled by engine, in both languages, and Cancel stops the run in progress, whose restore still runs.
 */
@ExtendWith(ApplicationExtension.class)
class SweepRealHostsUiTest {
    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    @TempDir
    Path dir;
    private final ExecutorService work = Executors.newSingleThreadExecutor();
    private I18n i18n;
    private SweepModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        i18n = new I18n(Locale.ENGLISH);
        SweepModel.RealAccess real = new SweepModel.RealAccess(new SshRealHosts(), Path.of("target", "no-such-lab", "inventory.json"),
                (h, t, f) -> true, hosts -> null);
        model = new SweepModel(new FxTaskExecutor(work), (d, t) -> SimulatedLab.steadyState(d.topology(), d.seed(), t), i18n, d -> { }, 2, real);
        org.viplab.ui.settings.Theme.LIGHT.apply();
        Scene scene = new Scene(new SweepView(model, i18n, () -> stage), 1560, 960);
        scene.getStylesheets().add(SweepView.class.getResource("/org/viplab/ui/viplab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        model.cancel();
        work.shutdownNow();
    }

    /** Stops db1's mysqld at 1 s (on these hosts: the VIP moves to db2) and starts it again in the restore (it moves back). */
    private Path drill(String duration, String preset) throws Exception {
        Path f = dir.resolve("drill-" + duration + ".json");
        Files.writeString(f, """
                {"name": "in-process: stop mysqld on db1", "preset": "%s", "duration": "%s",
                 "steps": [{"at": "1s", "action": "stop", "target": "db1/mysqld"}, {"expect": "no-split-brain"}],
                 "restore": [{"action": "start", "target": "db1/mysqld"}]}
                """.formatted(preset, duration));
        return f;
    }

    private String state(FxRobot robot) throws Exception { return FxWait.fx(() -> robot.lookup("#sweep-state").queryAs(Label.class).getText(), 5); }

    private List<String> log() throws Exception { return FxWait.fx(() -> model.realLog().stream().map(Supplier::get).toList(), 5); }

    private void set(FxRobot robot, String id, String text) throws Exception {
        FxWait.fx(() -> { robot.lookup(id).queryAs(TextField.class).setText(text); return null; }, 5);
    }

    @Test
    void refusalsSayWhyAndARealSweepShowsBothEnginesThenCancelStopsAndRestores(FxRobot robot) throws Exception {
        robot.clickOn("#sweep-engine-real");
        assertEquals("1-60", FxWait.fx(() -> model.seedsProperty().get(), 5), "real hosts: fewer seeds beside the slow real runs, as the CLI");
        assertTrue(FxWait.fx(() -> robot.lookup("#sweep-runs").query().isVisible() && robot.lookup("#sweep-inventory").query().isVisible(), 5));
        set(robot, "#sweep-file", drill("3s", "mode1").toString());
        set(robot, "#sweep-seeds", "1-20");

        // no inventory: the lab is not up here
        robot.clickOn("#sweep-run");
        FxWait.until("the refusal", 30, () -> state(robot).startsWith("Cannot sweep: No inventory at "));
        assertTrue(state(robot).contains("viplab lab up --mode 1"), state(robot));
        assertFalse(FxWait.fx(() -> robot.lookup("#sweep-run").queryAs(Button.class).isDisabled(), 5), "nothing frozen: Run again");

        // settings to sweep change only the simulator: refused on real hosts, the field stays editable to clear it
        set(robot, "#sweep-inventory", "");
        FxWait.fx(() -> { model.settingsProperty().set("db2.keepalived.priority=90,95"); return null; }, 5);
        robot.clickOn("#sweep-run");
        FxWait.until("the settings refusal", 30, () -> state(robot).startsWith("Cannot sweep: Real hosts run their own configuration"));
        assertFalse(FxWait.fx(() -> robot.lookup("#sweep-settings").query().isDisabled(), 5));
        FxWait.fx(() -> { model.settingsProperty().set(""); return null; }, 5);

        // hosts that run another preset than the drill's: refused before connecting
        try (BaselineHosts hosts = BaselineHosts.start(dir)) {
            Inventory other = hosts.inventory;
            other.preset = "mode2";
            Path otherFile = dir.resolve("mode2-inventory.json");
            other.write(otherFile);
            other.preset = "mode1";
            Path file = dir.resolve("inventory.json");
            hosts.inventory.write(file);
            set(robot, "#sweep-inventory", otherFile.toString());
            robot.clickOn("#sweep-run");
            FxWait.until("the preset refusal", 30, () -> state(robot).contains("The drill is written for mode1 and the hosts run mode2"));

            // a host that does not answer: named, and nothing runs
            Inventory gone = Inventory.read(file);
            try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                gone.host("db1").port = closed.getLocalPort();
            } // closed now: nothing listens on that port
            Path goneFile = dir.resolve("gone-inventory.json");
            gone.write(goneFile);
            set(robot, "#sweep-inventory", goneFile.toString());
            robot.clickOn("#sweep-run");
            FxWait.until("the unreachable host", 60, () -> state(robot).startsWith("Cannot sweep: Cannot reach the hosts: "));
            assertTrue(state(robot).contains("db1"), "names the host: " + state(robot));
            assertFalse(FxWait.fx(() -> robot.lookup("#sweep-run").queryAs(Button.class).isDisabled(), 5));

            // the sweep: 20 simulated seeds, then 2 runs on the hosts
            set(robot, "#sweep-inventory", file.toString());
            FxWait.fx(() -> { model.realRunsProperty().set(2); return null; }, 5);
            robot.clickOn("#sweep-run");
            FxWait.until("the real runs to finish", 180, () -> !model.runningProperty().get() && model.comparisonProperty().get() != null);
            assertTrue(state(robot).startsWith("Real hosts: 2 runs, 2 passed; simulator: 20 runs"), state(robot));
            List<String> lines = log();
            assertTrue(lines.contains("Real run 1 of 2 (ETA about 36 s)"), "the first ETA: two runs of the drill's 3 s and the baseline's 15 s guess: " + lines);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("Real run 2 of 2 (ETA ")), lines.toString());
            assertTrue(lines.contains("Baseline reached: VIP on db1; t = 0 now"), lines.toString());
            assertTrue(lines.contains("$ " + hosts.stopDb1Mysqld()), "the commands are shown: " + lines);
            for (int run = 1; run <= 2; run++) {
                String prefix = "Real run " + run + " of 2 passed in ";
                String done = lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(prefix + " in " + lines));
                assertTrue(done.contains(": failovers 1, split brain 0.0 ms, longest client outage 0.0 ms (0 of "), done);
            }
            TableView<?> ks = robot.lookup("#sweep-ks").queryAs(TableView.class);
            List<RealTable.Row> rows = FxWait.fx(() -> ks.getItems().stream().map(RealTable.Row.class::cast).toList(), 5);
            RealTable.Row downtime = rows.stream().filter(r -> r.name().equals("client downtime")).findFirst().orElseThrow();
            // the 2 real failovers beside the 6 of 20 seeds whose check saw the stop within the drill's 3 s
            assertEquals("2 / 6", downtime.runs(), downtime.toString());
            assertEquals("0.0", downtime.realP50(), "the VIP's port answered throughout");
            assertEquals("1.000", downtime.d(), "no real run lost a probe, every simulated failover did: the CDFs never meet");
            assertEquals("0.071", downtime.p(), "2 against 6 values: at best 2 / C(8,2)");
            assertEquals("none: too few runs", downtime.crit());
            assertEquals("too few runs to tell", downtime.verdict());
            RealTable.Row split = rows.get(4);
            assertEquals(List.of("split brain", "2 / 20", "0.000", "1.000", "0.950", "no significant difference"),
                    List.of(split.name(), split.runs(), split.d(), split.p(), split.crit(), split.verdict()));
            assertTrue(FxWait.fx(() -> robot.lookup("#sweep-result-engine").queryAs(Label.class).getText(), 5)
                    .startsWith("2 runs on real hosts (2 passed) beside the simulator's seeds 1-20 (20 runs)."));
            ChartViewer both = FxWait.fx(() -> robot.lookup(n -> n instanceof ChartViewer v && v.getId() != null && v.getId().startsWith("sweep-real-chart")
                    && v.getChart().getTitle().getText().equals("client downtime")).queryAs(ChartViewer.class), 5);
            assertEquals(2, FxWait.fx(() -> both.getChart().getXYPlot().getDataset().getSeriesCount(), 5), "the simulator's CDF and the real hosts'");
            assertEquals(List.of("simulator, seeds 1-20", "real hosts, 2 runs"), FxWait.fx(() -> List.of(
                    both.getChart().getXYPlot().getDataset().getSeriesKey(0).toString(),
                    both.getChart().getXYPlot().getDataset().getSeriesKey(1).toString()), 5));
            snapshot("sweep-real-tab.png");
            FxWait.fx(() -> { i18n.setLocale(I18n.CHINESE); return null; }, 5);
            assertTrue(state(robot).startsWith("真实主机：2 次运行，2 次通过"), state(robot));
            assertTrue(log().stream().anyMatch(l -> l.startsWith("真实运行 2 次中的第 1 次通过")), log().toString());
            TableView<?> ksZh = robot.lookup("#sweep-ks").queryAs(TableView.class);
            assertEquals("客户端中断时间", FxWait.fx(() -> ((RealTable.Row) ksZh.getItems().get(3)).name(), 5));
            snapshot("sweep-real-tab-zh.png");
            FxWait.fx(() -> { i18n.setLocale(I18n.ENGLISH); return null; }, 5);

            // Cancel during a long run: the run in progress stops, its restore runs, no run follows
            set(robot, "#sweep-file", drill("120s", "mode1").toString());
            FxWait.fx(() -> { model.realRunsProperty().set(3); return null; }, 5);
            robot.clickOn("#sweep-run");
            FxWait.until("the first real run's fault", 120, () -> log().contains("$ " + hosts.stopDb1Mysqld()));
            assertTrue(state(robot).startsWith("Real hosts: run 1 of 3, about "), state(robot));
            long t0 = System.nanoTime();
            robot.clickOn("#sweep-cancel");
            FxWait.until("the cancel", 60, () -> !model.runningProperty().get());
            assertTrue((System.nanoTime() - t0) / 1e9 < 60, "long before the drill's 120 s");
            assertEquals("Cancelled: 0 of 3 real runs finished; the run in progress was stopped and the hosts restored.", state(robot));
            List<String> after = log();
            assertTrue(after.indexOf("$ " + hosts.startDb1Mysqld()) > after.indexOf("$ " + hosts.stopDb1Mysqld()), "restored: " + after);
            assertTrue(after.stream().noneMatch(l -> l.startsWith("Real run 2 of 3")), "no run after the cancel: " + after);
            assertFalse(FxWait.fx(() -> robot.lookup("#sweep-run").queryAs(Button.class).isDisabled(), 5));
            assertEquals(null, FxWait.fx(() -> model.comparisonProperty().get(), 5), "a cut-short run is no sample");
        }
        assertTrue(FxWait.fx(() -> robot.lookup("#sweep-real-log").queryAs(ListView.class).getItems().size(), 5) > 0);
    }

    private void snapshot(String name) throws Exception {
        WritableImage img = FxWait.fx(() -> stage.getScene().snapshot(null), 10);
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.resolve(name).toFile());
    }
}
