package org.viplab.ui;

import org.viplab.app.AppRoot;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.viplab.cli.Launcher;
import org.viplab.drill.DrillResult;
import org.viplab.drill.Verdict;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.core.model.Presets;
import org.viplab.lab.hosts.HostKeyPrompt;
import org.viplab.lab.hosts.Inventory;
import org.viplab.core.timeline.LabEvent;
import org.viplab.ui.drills.DrillPanelModel;
import org.viplab.ui.settings.Prefs;
import org.viplab.ui.settings.PrefsStore;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app on the one-machine real lab (mode 2): connect, a manual failover through the app's controls (shown
 * and confirmed), then a sample drill from the Drills tab on the real hosts; the views follow throughout.
 * Root and the lab's packages needed: only with VIPLAB_E2E=1 (.ci/e2e-lab.sh). Always brings the lab down.
 */
@EnabledIfEnvironmentVariable(named = "VIPLAB_E2E", matches = "1",
        disabledReason = "needs root and the one-machine lab (network namespaces); run with VIPLAB_E2E=1")
@ExtendWith(ApplicationExtension.class)
class RealLabInAppE2ETest {
    static {
        System.setProperty("headless.geometry", "2400x1400-32");
    }

    static final Path DIR = Path.of(System.getenv().getOrDefault("VIPLAB_LAB_DIR", "/run/viplab-lab-e2e") + "-app");
    private AppRoot session;
    private Stage stage;

    @BeforeAll
    static void labUp() {
        int rc = Launcher.run(List.of("lab", "up", "--mode", "2", "--dir", DIR.toString()), System.out, System.err);
        if (rc != 0) {
            labDown();
            throw new AssertionError("lab up --mode 2 failed with exit " + rc);
        }
    }

    @AfterAll
    static void labDown() {
        Launcher.run(List.of("lab", "down", "--dir", DIR.toString()), System.out, System.err);
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        session = TestSessions.openPaused(stage, Presets.mode2(), "reallab");
    }

    @AfterEach
    void close() { session.close(); }

    private <T> T fx(Callable<T> c) throws Exception { return FxWait.fx(c, 10); }

    private static void waitUntil(String what, long seconds, Callable<Boolean> condition) throws Exception { FxWait.until(what, seconds, condition); }

    @Test
    void connectFailOverByHandThenRunASampleDrillOnTheRealHosts() throws Exception {
        Inventory inv = Inventory.read(DIR.resolve("inventory.json"));
        List<List<String>> confirmed = new CopyOnWriteArrayList<>();
        fx(() -> {
            session.controls.setRealActionConfirm((action, commands) -> confirmed.add(commands));
            return null;
        });
        // the lab wrote known_hosts: no host key is asked about
        fx(() -> session.hosts.connect(inv, Map.of(), HostKeyPrompt.refuse(), c -> { })).get(60, TimeUnit.SECONDS);
        waitUntil("the VIP on db1 and every process running, as seen by the views", 60, () -> fx(() ->
                session.viewModel.vipHolders().equals(List.of("db1")) && session.controls.onHostsProperty().get()));

        // a manual failover: kill haproxy on the holder through the app's controls
        fx(() -> session.controls.apply(Verb.KILL, Target.parse("db1/haproxy", inv.hostNames()))).get(60, TimeUnit.SECONDS);
        assertEquals(1, confirmed.size());
        assertTrue(confirmed.get(0).get(0).startsWith("db1$ ") && confirmed.get(0).get(0).contains("pkill -9 -x haproxy"), confirmed.toString());
        waitUntil("the VIP moves to db2 on screen", 30, () -> fx(() -> session.viewModel.vipHolders().equals(List.of("db2"))));
        assertTrue(session.lab.timeline().snapshot().stream().anyMatch(e -> e instanceof LabEvent.AdvertSent a
                && a.host().equals("db1") && a.priority() == 0), "db1's priority-0 advert was seen");
        screenshot("real-hosts-failover.png");

        // a sample drill from the Drills tab: it restores the baseline itself, then runs in real time
        DrillPanelModel drills = session.window.drillPanel().model();
        fx(() -> drills.load(Path.of("samples/drills/real-mode2-haproxy-kill.json"))).get(30, TimeUnit.SECONDS);
        DrillResult r = fx(drills::run).get(150, TimeUnit.SECONDS);
        assertEquals("ssh", r.engine());
        assertTrue(r.verdicts().stream().noneMatch(Verdict::failed), () -> "drill failed on the real hosts: " + r.verdicts());
        assertTrue(r.restoreProblems().isEmpty(), r.restoreProblems().toString());
        assertEquals(DrillPanelModel.Outcome.PASSED, fx(() -> drills.outcomeProperty().get()));
        assertTrue(fx(() -> session.viewModel.topologyProperty().get().nodes.get(0).ip.equals(inv.hosts.get(0).address)));
        screenshot("real-hosts-drill.png");

        fx(() -> session.hosts.disconnect()).get(30, TimeUnit.SECONDS);
        waitUntil("back on the simulator", 15, () -> fx(() -> !session.controls.onHostsProperty().get()));
    }

    private void screenshot(String name) throws Exception {
        WritableImage img = fx(() -> stage.getScene().snapshot(null));
        Path out = Files.createDirectories(Path.of("target", "screenshots")).resolve(name);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.toFile());
    }
}
