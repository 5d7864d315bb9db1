package org.viplab.ui;

import org.viplab.core.timeline.Actor;
import org.viplab.app.AppRoot;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.viplab.drill.DrillResult;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.core.model.Presets;
import org.viplab.engine.ssh.InProcessHosts;
import org.viplab.lab.hosts.Inventory;
import org.viplab.lab.hosts.HostsEngine;
import org.viplab.core.timeline.LabEvent;
import org.viplab.ui.settings.Prefs;
import org.viplab.ui.settings.PrefsStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app switched to "real" hosts: an in-process SSH server on 127.0.0.1 standing in for db1 and db2 (only
 * harmless custom commands run). The same views follow them, simulator controls step aside, every action
 * shows its commands and asks first, and disconnecting brings the simulation back.
 */
@ExtendWith(ApplicationExtension.class)
class RealHostsInAppTest {
    static {
        System.setProperty("headless.geometry", "2400x1400-32");
    }

    @TempDir
    Path dir;
    private AppRoot session;
    private InProcessHosts hosts;

    @Start
    void start(Stage stage) throws Exception {
        session = TestSessions.openPaused(stage, Presets.mode1(), "hosts");
    }

    @AfterEach
    void close() throws Exception {
        session.close();
        if (hosts != null) hosts.close();
    }

    private <T> T fx(Callable<T> c) throws Exception { return FxWait.fx(c, 5); }

    private static void waitUntil(String what, Callable<Boolean> condition) throws Exception { FxWait.until(what, 15, condition); }

    private <T> T await(Callable<CompletableFuture<T>> onFx) throws Exception {
        return fx(onFx).get(30, TimeUnit.SECONDS);
    }

    @Test
    void connectActWithConfirmationExportAndDisconnect(FxRobot robot) throws Exception {
        hosts = InProcessHosts.start(dir);
        Inventory inv = hosts.inventory;
        List<String> fingerprints = new CopyOnWriteArrayList<>();
        List<String> commandLog = new CopyOnWriteArrayList<>();
        List<List<String>> asked = new CopyOnWriteArrayList<>();
        boolean[] answer = {false};
        fx(() -> {
            session.controls.setRealActionConfirm((action, commands) -> {
                asked.add(commands);
                return answer[0];
            });
            return null;
        });

        HostsEngine live = await(() -> session.hosts.connect(inv, Map.of(), (h, type, fp) -> fingerprints.add(fp), commandLog::add));
        assertEquals(1, fingerprints.size(), "the unknown host key was shown once (the second host has the same key)");
        waitUntil("the views switch to the hosts", () -> fx(() -> session.controls.onHostsProperty().get()
                && session.viewModel.topologyProperty().get().vip.equals(inv.vip)));
        // events wait out the engine's 1.5 s ordering window before they reach the timeline
        waitUntil("connect is on the timeline", () -> session.lab.timeline().snapshot().stream().anyMatch(e -> e instanceof LabEvent.HostReachability r
                && r.host().equals("db1") && r.reachable() && (r.detail().is(org.viplab.core.timeline.Reason.Code.CONNECTED)
                || r.detail().is(org.viplab.core.timeline.Reason.Code.AT_ZERO_CLOCK))));
        assertTrue(robot.lookup("#play-pause").queryAs(Button.class).isDisabled(), "no pause on real hosts");
        assertTrue(robot.lookup("#speeds").query().isDisabled(), "no speeds on real hosts");
        assertTrue(robot.lookup("#mode1").query().isDisabled(), "no mode switch on real hosts");
        waitUntil("status bar names the hosts", () -> fx(() -> robot.lookup("#status-engine").queryAs(Label.class).getText().contains("127.0.0.1")));
        assertTrue(fx(() -> robot.lookup("#run-state").queryAs(Label.class).getText()).equals("real time"));
        assertTrue(fx(() -> session.controls.statusProperty().get()).contains("db1 "), "the status shows each host's clock offset");

        // an action asks first, showing the exact commands; a no runs nothing
        Target db1Mysqld = Target.parse("db1/mysqld", inv.hostNames());
        assertThrows(java.util.concurrent.CancellationException.class,
                () -> fx(() -> session.controls.apply(Verb.STOP, db1Mysqld)).get(5, TimeUnit.SECONDS));
        assertTrue(fx(() -> session.controls.statusProperty().get()).startsWith("Not done"));
        assertEquals(List.of(List.of("db1$ echo stopping mysqld")), asked);
        assertTrue(commandLog.stream().noneMatch(c -> c.contains("echo stopping")), "nothing ran: " + commandLog);

        answer[0] = true;
        await(() -> session.controls.apply(Verb.STOP, db1Mysqld));
        assertTrue(commandLog.contains("db1$ echo stopping mysqld"), commandLog.toString());
        waitUntil("the action reaches the timeline", () -> session.lab.timeline().snapshot().stream().anyMatch(e ->
                e instanceof LabEvent.ActionApplied a && a.target().equals("db1/mysqld") && a.by() == Actor.USER));
        // the simulator's controls refuse and say why
        assertThrows(ExecutionException.class, () -> fx(() -> session.controls.pause()).get(5, TimeUnit.SECONDS));
        assertTrue(fx(() -> session.controls.statusProperty().get()).startsWith("Not on real hosts"));

        // File > Export report on real hosts: the report says ssh and carries the hosts' events
        DrillResult report = fx(() -> session.features.reports().captureLive()).get(10, TimeUnit.SECONDS);
        assertEquals("ssh", report.engine());
        assertTrue(report.events().stream().anyMatch(e -> e instanceof LabEvent.ActionApplied a && a.target().equals("db1/mysqld")));

        await(() -> session.hosts.disconnect());
        waitUntil("back on the simulator", () -> fx(() -> !session.controls.onHostsProperty().get()
                && session.viewModel.topologyProperty().get().vip.equals(Presets.mode1().vip)
                && session.viewModel.vipHolders().equals(List.of("db1"))));
        assertFalse(robot.lookup("#play-pause").queryAs(Button.class).isDisabled());
        assertEquals(org.viplab.lab.Engine.SIM, session.lab.engine());
        assertTrue(live.timeline().snapshot().size() > 0);
    }

    @Test
    void aHostLostWhileConnectedIsShownAsUnreachableAndActionsFailWithAMessage(FxRobot robot) throws Exception {
        hosts = InProcessHosts.start(dir);
        Inventory inv = hosts.inventory;
        fx(() -> {
            session.controls.setRealActionConfirm((action, commands) -> true);
            return null;
        });
        await(() -> session.hosts.connect(inv, Map.of(), (h, type, fp) -> true, c -> { }));
        waitUntil("connected", () -> fx(() -> session.controls.onHostsProperty().get()
                && session.viewModel.topologyProperty().get().vip.equals(inv.vip)));
        assertFalse(fx(() -> robot.lookup("#unreachable-db1").query().isVisible()));

        hosts.close(); // the SSH server goes away under the engine
        waitUntil("the drawing says db1 cannot be reached", () -> fx(() -> robot.lookup("#unreachable-db1").query().isVisible()
                && robot.lookup("#host-db1").query().getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("unreachable"))));
        assertTrue(session.lab.timeline().snapshot().stream().anyMatch(e -> e instanceof LabEvent.HostReachability r
                && !r.reachable() && r.host().equals("db1")));
        // an action now fails with a message, within the remote call's timeout, and the window stays responsive
        Target db1Mysqld = Target.parse("db1/mysqld", inv.hostNames());
        CompletableFuture<Void> f = fx(() -> session.controls.apply(Verb.STOP, db1Mysqld));
        assertThrows(ExecutionException.class, () -> f.get(70, TimeUnit.SECONDS));
        waitUntil("the status says why", () -> fx(() -> session.controls.statusProperty().get().startsWith("Error")));
        hosts = null;
    }

    @Test
    void aRunOnRealHostsSavedAsASessionReopensReadOnlyAsRecorded() throws Exception {
        hosts = InProcessHosts.start(dir);
        Inventory inv = hosts.inventory;
        fx(() -> {
            session.controls.setRealActionConfirm((action, commands) -> true);
            return null;
        });
        org.viplab.ui.drills.DrillPanelModel drills = session.window.drillPanel().model();
        Path simFile = dir.resolve("sim.viplab");
        await(() -> drills.sessions().saveSession(simFile));
        await(() -> session.hosts.connect(inv, Map.of(), (h, type, fp) -> true, c -> { }));
        await(() -> session.controls.apply(Verb.STOP, Target.parse("db1/mysqld", inv.hostNames())));
        waitUntil("the action is on the timeline", () -> session.lab.timeline().snapshot().stream().anyMatch(e ->
                e instanceof LabEvent.ActionApplied a && a.target().equals("db1/mysqld")));
        Path file = dir.resolve("real.viplab");
        await(() -> drills.sessions().saveSession(file));
        int saved = org.viplab.session.SessionFiles.read(file).events().size();
        assertEquals("ssh", org.viplab.session.SessionFiles.read(file).engine());

        // while connected, a session is not opened over the live hosts
        assertThrows(ExecutionException.class, () -> fx(() -> drills.sessions().openSession(file)).get(10, TimeUnit.SECONDS));
        await(() -> session.hosts.disconnect());
        waitUntil("back on the simulator", () -> fx(() -> !session.controls.onHostsProperty().get()));

        await(() -> drills.sessions().openSession(file));
        waitUntil("the recorded run is shown", () -> fx(() -> session.controls.onHostsProperty().get()
                && session.viewModel.topologyProperty().get().vip.equals(inv.vip)));
        assertEquals(org.viplab.lab.Engine.RECORDED, session.lab.engine());
        assertEquals(saved, session.lab.timeline().snapshot().size());
        assertTrue(fx(() -> drills.messageProperty().get()).contains("recorded on real hosts"));
        assertThrows(ExecutionException.class, () -> fx(() -> session.controls.apply(Verb.START, Target.parse("db1/mysqld", inv.hostNames())))
                .get(5, TimeUnit.SECONDS), "nothing can be done to a recording");
        assertTrue(fx(() -> session.controls.statusProperty().get()).contains("read-only"));
        fx(() -> {
            session.controls.setRealActionConfirm((action, commands) -> { throw new AssertionError("a recording asks nothing"); });
            return null;
        });
        assertThrows(ExecutionException.class, () -> fx(() -> session.controls.restore()).get(5, TimeUnit.SECONDS));
        assertTrue(fx(() -> session.controls.statusProperty().get()).contains("read-only"));
        DrillResult report = fx(() -> session.features.reports().captureLive()).get(10, TimeUnit.SECONDS);
        assertEquals("ssh", report.engine());

        // a simulator session opened over the recording: back on the simulator, replayed and paused
        await(() -> drills.sessions().openSession(simFile));
        waitUntil("the simulator session is shown", () -> fx(() -> !session.controls.onHostsProperty().get() && session.lab.engine() == org.viplab.lab.Engine.SIM));
        assertTrue(session.live.paused(), "left paused where the session ended");
    }

    @Test
    void aHostThatDoesNotAnswerLeavesTheSimulationOnScreen() throws Exception {
        Inventory inv;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            hosts = InProcessHosts.start(dir);
            inv = hosts.inventory;
            for (Inventory.Host h : inv.hosts) h.port = closed.getLocalPort();
        } // closed now: nothing listens on that port
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> fx(() -> session.hosts.connect(inv, Map.of(), (h, t, f) -> true, c -> { })).get(30, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("db1"), "names the host: " + e.getCause().getMessage());
        assertTrue(fx(() -> session.controls.statusProperty().get()).startsWith("Cannot connect"));
        assertFalse(fx(() -> session.controls.onHostsProperty().get()));
        assertEquals(org.viplab.lab.Engine.SIM, session.lab.engine());
        assertTrue(fx(() -> session.hosts.hostsProperty().get() == null));
    }
}
