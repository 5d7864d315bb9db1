package org.viplab.ui.incidents;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
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
import org.viplab.app.AppRoot;
import org.viplab.core.model.Presets;
import org.viplab.core.timeline.LabEvent;
import org.viplab.lab.Capability;
import org.viplab.lab.Engine;
import org.viplab.lab.RunSnapshot;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.ui.FxWait;
import org.viplab.ui.TestSessions;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** File > Open incident… driven through the real window (headless) on the lab's recorded mysqld stop. */
@ExtendWith(ApplicationExtension.class)
class OpenIncidentTest {
    static {
        System.setProperty("headless.geometry", "2400x1400-32");
    }

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path DIR = Path.of("src", "test", "resources", "fixtures", "lab-2026-12-06-mysql-stop");
    private AppRoot session;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        session = TestSessions.openPaused(stage, Presets.mode1(), "open-incident", 1400, 900);
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) if (w != stage && w instanceof Stage s) s.close();
            return null;
        });
        session.close();
    }

    private <T> T fx(Callable<T> c) throws Exception { return FxWait.fx(c, 10); }

    private IncidentDialog dialog() throws Exception {
        return fx(() -> {
            IncidentDialog d = session.features.incidentDialog();
            d.setLogs("db1", DIR.resolve("keepalived-db1.log"), DIR.resolve("mon-db1.log"), DIR.resolve("mariadb-db1.err"));
            d.setLogs("db2", DIR.resolve("keepalived-db2.log"), DIR.resolve("mon-db2.log"), DIR.resolve("mariadb-db2.err"));
            d.setCaptures(DIR.resolve("vrrp.pcap"));
            d.setZone("UTC");
            d.show();
            return d;
        });
    }

    private static Node in(IncidentDialog d, String id) { return d.dialog().getDialogPane().lookup(id); }

    private static void shoot(javafx.scene.Scene scene, String name) throws Exception {
        WritableImage img = FxWait.fx(() -> scene.snapshot(null), 10);
        Files.createDirectories(SCREENSHOTS);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", SCREENSHOTS.resolve(name).toFile());
    }

    @Test
    void replayListsWhatEachFileGaveAndOpenShowsTheIncidentReadOnly(FxRobot robot) throws Exception {
        IncidentDialog d = dialog();
        assertThat(fx(() -> in(d, "#incident-open").isDisabled())).as("nothing to open before a replay").isTrue();
        robot.clickOn(in(d, "#incident-replay"));
        FxWait.until("the replay is done", 30, () -> fx(() -> !d.summaryProperty().get().isEmpty() || !d.errorProperty().get().isEmpty()));
        assertThat(fx(() -> d.errorProperty().get())).isEmpty();
        List<IncidentDialog.Row> rows = fx(() -> List.copyOf(d.rows()));
        // one row per file: db1's keepalived log has 6 lines (Stopping, sent 0 priority, removing VIPs, Stopped - used ...,
        // CPU usage ..., Stopped Keepalived v2.2.7); the CPU usage line is keepalived's but says nothing VIP Lab reads
        assertThat(rows).hasSize(7);
        IncidentDialog.Row k1 = rows.stream().filter(r -> r.file().endsWith("keepalived-db1.log")).findFirst().orElseThrow();
        assertThat(k1.host()).isEqualTo("db1");
        assertThat(k1.format()).isEqualTo("keepalived -l -D behind a local stamp");
        assertThat(k1.read()).isEqualTo("6");
        assertThat(k1.used()).isEqualTo("5");
        assertThat(k1.what()).isEqualTo("5 keepalived");
        IncidentDialog.Row mon = rows.stream().filter(r -> r.file().endsWith("mon-db2.log")).findFirst().orElseThrow();
        assertThat(mon.format()).isEqualTo("ip -ts monitor");
        IncidentDialog.Row err = rows.stream().filter(r -> r.file().endsWith("mariadb-db1.err")).findFirst().orElseThrow();
        assertThat(err.format()).isEqualTo("MariaDB error log");
        IncidentDialog.Row pcap = rows.stream().filter(r -> r.file().endsWith("vrrp.pcap")).findFirst().orElseThrow();
        // README: a classic pcap of 27 frames
        assertThat(pcap.format()).isEqualTo("pcap");
        assertThat(pcap.read()).isEqualTo("27");
        assertThat(pcap.host()).isEmpty();
        assertThat(fx(() -> d.summaryProperty().get())).startsWith("Replayed: 1 failover(s), 0 split brain(s)")
                .contains("keepalived on db1 was stopped by its check script")
                // FreshLabIncidentTest: db2's log 66.683 ms behind the wire, one pair, not applied
                .contains("Clocks: db1 ").contains("db2 +66.683 ms \u00b1 21 ms");
        assertThat(fx(() -> in(d, "#incident-open").isDisabled())).isFalse();
        WaitForAsyncUtils.waitForFxEvents();
        shoot(d.dialog().getDialogPane().getScene(), "open-incident-dialog.png");

        robot.clickOn(in(d, "#incident-open"));
        FxWait.until("the incident is shown", 20, () -> fx(() -> session.controls.incidentProperty().get()));
        assertThat(fx(() -> d.dialog().isShowing())).isFalse();
        assertThat(session.controls.lab().can(Capability.READ_ONLY)).isTrue();
        RunSnapshot run = session.controls.lab().snapshot().get(10, TimeUnit.SECONDS);
        assertThat(run.engine()).isEqualTo(Engine.INCIDENT);
        // the VIP moved to db2 in the run the window shows, and db1 released it first
        List<LabEvent.VipChanged> vips = run.events().stream().filter(e -> e instanceof LabEvent.VipChanged).map(e -> (LabEvent.VipChanged) e).toList();
        assertThat(vips).extracting(v -> v.host() + (v.added() ? "+" : "-")).containsSubsequence("db1-", "db2+");
        // the why chain of db2's VIP is there, inferred: back to db1's mysqld
        int vipIndex = run.events().indexOf(vips.stream().filter(v -> v.host().equals("db2") && v.added()).findFirst().orElseThrow());
        assertThat(run.causes().causeOf(vipIndex)).isNotEqualTo(org.viplab.core.timeline.Causes.NONE);
        assertThat(fx(() -> ((javafx.scene.control.Labeled) stage.getScene().lookup("#run-state")).getText())).isEqualTo("INCIDENT · read-only");
        assertThat(fx(() -> session.controls.statusProperty().get())).startsWith("Incident opened read-only");
        // nothing can be done to an incident
        assertThat(fx(() -> session.controls.apply(Verb.STOP, new Target.Process("db1", org.viplab.core.model.ProcessKind.MYSQLD)))).isCompletedExceptionally();
        // db2's VIP selected: the drawing goes back to that moment and the why panel says its chain is inferred
        LabEvent db2Vip = run.events().get(vipIndex);
        FxWait.until("the event list has the incident", 10, () -> fx(() -> session.window.eventList().shown().contains(db2Vip)));
        fx(() -> session.window.eventList().select(db2Vip));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> ((javafx.scene.control.Labeled) stage.getScene().lookup("#why-title")).getText()))
                .isEqualTo("Why: the chain of causes (inferred from what the hosts showed)");
        WaitForAsyncUtils.waitForFxEvents();
        shoot(stage.getScene(), "open-incident-window.png");
    }

    @Test
    void processesTheLogsNeverMentionAreDrawnNotInTheLogsInBothLanguagesNeverStopped(FxRobot robot) throws Exception {
        IncidentDialog d = dialog();
        fx(() -> {
            // keepalived's logs and the capture only: nothing tells mysqld's state on either host
            d.setLogs("db1", DIR.resolve("keepalived-db1.log"));
            d.setLogs("db2", DIR.resolve("keepalived-db2.log"));
            return null;
        });
        robot.clickOn(in(d, "#incident-replay"));
        FxWait.until("the replay is done", 30, () -> fx(() -> !d.summaryProperty().get().isEmpty() || !d.errorProperty().get().isEmpty()));
        assertThat(fx(() -> d.errorProperty().get())).isEmpty();
        robot.clickOn(in(d, "#incident-open"));
        FxWait.until("the incident is shown", 20, () -> fx(() -> session.controls.incidentProperty().get()));
        FxWait.until("the drawing has the incident", 10, () -> fx(() -> badge("db1", "mysqld").getStyleClass().contains("state-unknown")));
        for (String h : List.of("db1", "db2")) {
            javafx.scene.control.Label mysqld = fx(() -> badge(h, "mysqld"));
            assertThat(fx(mysqld::getText)).isEqualTo("mysqld\nnot in the logs");
            assertThat(fx(() -> mysqld.getStyleClass())).contains("state-unknown").doesNotContain("state-stopped");
        }
        // the drawing is at the incident's end: db1's keepalived stopped, as its log says; db2's wrote its log and runs
        assertThat(fx(() -> badge("db1", "keepalived").getText())).isEqualTo("keepalived\nstopped");
        assertThat(fx(() -> badge("db2", "keepalived").getText())).isEqualTo("keepalived\nrunning");
        WaitForAsyncUtils.waitForFxEvents();
        shoot(stage.getScene(), "open-incident-unknown-en.png");
        fx(() -> {
            session.i18n.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> badge("db1", "mysqld").getText())).isEqualTo("mysqld\n日志中未提及");
        shoot(stage.getScene(), "open-incident-unknown-zh.png");
        fx(() -> {
            session.i18n.setLocale(java.util.Locale.ENGLISH);
            return null;
        });
    }

    @Test
    void withTheHostsConfigsTheNodesTheConfigurationTabAndTheFindingsAreTheirs(FxRobot robot) throws Exception {
        IncidentDialog d = dialog();
        Path cfg = Path.of("samples", "configs", "mode1-recommended");
        fx(() -> {
            d.setConfig("db1", cfg.resolve("db1"));
            d.setConfig("db2", cfg.resolve("db2"));
            return null;
        });
        robot.clickOn(in(d, "#incident-replay"));
        FxWait.until("the replay is done", 30, () -> fx(() -> !d.summaryProperty().get().isEmpty() || !d.errorProperty().get().isEmpty()));
        assertThat(fx(() -> d.errorProperty().get())).isEmpty();
        assertThat(fx(() -> d.summaryProperty().get())).contains("Shown with the hosts' configs (db1, db2; mode1, VIP 10.9.8.120)");
        robot.clickOn(in(d, "#incident-open"));
        FxWait.until("the incident is shown", 20, () -> fx(() -> session.controls.incidentProperty().get()));
        // the nodes run the configs' settings: mode1-recommended's nopreempt, not the tutorial's mode 1
        assertThat(fx(() -> session.controls.topologyProperty().get().nodes)).allMatch(n -> n.keepalived.nopreempt);
        // the Configuration tab shows db1's files as read (nopreempt is in them, the tutorial's have none)
        FxWait.until("the configuration tab follows", 10, () -> fx(() -> {
            javafx.scene.control.TextArea t = session.window.configView().text("db1");
            return t != null && t.getText().contains("nopreempt") && t.getText().contains("chk_mysql");
        }));
        // lint ran on the user's own files, not on a rendering of the topology
        var findings = session.features.findingsPanel().model();
        FxWait.until("lint is done", 60, () -> fx(() -> !findings.busyProperty().get() && !findings.rows().isEmpty()));
        assertThat(fx(() -> findings.sourceProperty().get())).startsWith("Imported files: db1=" + cfg.resolve("db1"));
        assertThat(fx(findings::findings)).extracting(f -> f.pos().file()).allMatch(f -> f.startsWith(cfg.toString()));
        assertThat(fx(findings::findings)).extracting(org.viplab.config.lint.Finding::rule).contains("failover-budget");
        WaitForAsyncUtils.waitForFxEvents();
        shoot(stage.getScene(), "open-incident-configs.png");
    }

    @Test
    void theClientsClockOffsetIsShownWithItsBoundBesideTheHostsInBothLanguages(FxRobot robot) throws Exception {
        Path client = Path.of("src", "test", "resources", "fixtures", "lab-2026-12-06-client-neigh");
        IncidentDialog d = dialog();
        fx(() -> {
            d.setLogs("db1", client.resolve("keepalived-db1.log"));
            d.setLogs("db2", client.resolve("keepalived-db2.log"));
            d.setCaptures(client.resolve("vrrp.pcap"));
            d.setClients(client.resolve("neigh-client.log"));
            return null;
        });
        robot.clickOn(in(d, "#incident-replay"));
        FxWait.until("the replay is done", 30, () -> fx(() -> !d.summaryProperty().get().isEmpty() || !d.errorProperty().get().isEmpty()));
        assertThat(fx(() -> d.errorProperty().get())).isEmpty();
        // ClientNeighIncidentTest: two pairs, within a couple of ms of the hosts' clock, bound 1 ms stamps + 20 ms
        assertThat(fx(() -> d.summaryProperty().get())).contains("\nClocks: db1 ").contains(" · client +519 \u00b5s \u00b1 21 ms");
        fx(() -> {
            session.i18n.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
            return null;
        });
        robot.clickOn(in(d, "#incident-replay"));
        FxWait.until("the replay is done again", 30, () -> fx(() -> d.summaryProperty().get().startsWith("已回放")));
        assertThat(fx(() -> d.summaryProperty().get())).contains("时钟偏差：db1 ").contains(" · client +519 微秒 \u00b1 21 毫秒");
        fx(() -> {
            session.i18n.setLocale(java.util.Locale.ENGLISH);
            return null;
        });
    }

    private javafx.scene.control.Label badge(String host, String process) {
        return (javafx.scene.control.Label) stage.getScene().lookup("#badge-" + host + "-" + process);
    }

    @Test
    void aFileThatCannotBeReadIsNamedWithItsLineAndTheOthersStillShowWhatTheyGave(@TempDir Path tmp, FxRobot robot) throws Exception {
        Path bad = tmp.resolve("db2.log");
        Files.writeString(bad, "hello\n");
        IncidentDialog d = dialog();
        fx(() -> {
            d.setLogs("db2", bad);
            return null;
        });
        robot.clickOn(in(d, "#incident-replay"));
        FxWait.until("the error is shown", 30, () -> fx(() -> !d.errorProperty().get().isEmpty()));
        assertThat(fx(() -> d.errorProperty().get())).startsWith("Cannot replay: " + bad + ":1: no timestamp VIP Lab can read");
        assertThat(fx(() -> List.copyOf(d.rows()))).extracting(IncidentDialog.Row::file)
                .contains(DIR.resolve("keepalived-db1.log").toString());
        assertThat(fx(() -> in(d, "#incident-open").isDisabled())).isTrue();
        assertThat(fx(() -> d.dialog().isShowing())).isTrue();
        assertThat(fx(() -> session.controls.incidentProperty().get())).isFalse();
        shoot(d.dialog().getDialogPane().getScene(), "open-incident-error.png");
    }
}
