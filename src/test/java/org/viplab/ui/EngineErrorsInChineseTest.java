package org.viplab.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.Presets;
import org.viplab.engine.sim.LiveSimulation;
import org.viplab.engine.ssh.InProcessHosts;
import org.viplab.engine.ssh.SshHostsEngines;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.lab.hosts.HostKeyPrompt;
import org.viplab.lab.hosts.Inventory;
import org.viplab.ui.common.I18n;
import org.viplab.ui.controls.HostsConnection;
import org.viplab.ui.controls.LabControls;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With Chinese selected, what the engines say reaches the status bar in Chinese: a host that does not answer,
 * a wrong password, a host key not accepted, a command that failed on a host, an action the inventory has no
 * command for, an action refused; and a switch to English renders the same failure in English. The hosts are an
 * in-process SSH server on 127.0.0.1 (harmless custom commands), as in {@link HostsMenuUiTest}; no window.
 */
class EngineErrorsInChineseTest {
    /** Three English words in a row: a sentence left untranslated (names, commands and paths have no spaces). */
    static final Pattern ENGLISH_RUN = Pattern.compile("\\b[a-z]{2,}( [a-z]{2,}){2,}\\b");
    private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");

    @TempDir
    Path dir;
    private InProcessHosts hosts;
    private LiveSimulation sim;
    private HostsConnection connection;
    private final I18n i18n = new I18n(Locale.SIMPLIFIED_CHINESE);
    private LabControls controls;

    @AfterEach
    void close() throws Exception {
        if (connection != null) connection.close();
        if (sim != null) sim.close();
        if (hosts != null) hosts.close();
    }

    private void open() throws Exception {
        hosts = InProcessHosts.start(dir);
        sim = new LiveSimulation(Presets.mode1(), 1);
        controls = new LabControls(sim, Runnable::run, i18n);
        connection = new HostsConnection(controls, new SshHostsEngines(), Runnable::run, Runnable::run);
    }

    private Throwable connectFails(Inventory inv, HostKeyPrompt prompt, Map<String, char[]> passwords) {
        CompletableFuture<?> f = connection.connect(inv, passwords, prompt, c -> { });
        return assertThrows(ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS)).getCause();
    }

    /** Chinese around the engine's own arguments, and no English sentence in it. */
    private static String chinese(String status, String... mustContain) {
        assertTrue(CJK.matcher(status).find(), status);
        assertTrue(!ENGLISH_RUN.matcher(status).find(), "an English sentence in: " + status);
        for (String s : mustContain) assertTrue(status.contains(s), "\"" + s + "\" in " + status);
        return status;
    }

    private String status() { return controls.statusProperty().get(); }

    @Test
    void connectFailuresAreShownInChineseAndFollowASwitchToEnglish() throws Exception {
        open();
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        int port = hosts.inventory.hosts.get(0).port;
        hosts.inventory.hosts.get(0).port = closed;
        connectFails(hosts.inventory, (h, t, fp) -> true, Map.of());
        chinese(status(), "无法连接：db1：无法连接 127.0.0.1:" + closed + "：");
        i18n.setLocale(Locale.ENGLISH);
        assertTrue(status().contains("db1: cannot connect to 127.0.0.1:" + closed + ": "), "the same failure in English: " + status());
        i18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        hosts.inventory.hosts.get(0).port = port;

        connectFails(hosts.inventory, (h, t, fp) -> false, Map.of());
        chinese(status(), "db1：", "的主机密钥", "未被接受");

        for (Inventory.Host h : hosts.inventory.hosts) h.auth = "password";
        connectFails(hosts.inventory, (h, t, fp) -> true, Map.of("db1", "wrong".toCharArray(), "db2", "wrong".toCharArray()));
        chinese(status(), "db1：tester@127.0.0.1 认证失败（password）");
    }

    @Test
    void aFailedCommandAMissingCommandAndARefusedActionAreShownInChinese() throws Exception {
        open();
        hosts.inventory.host("db1").commands.put("stop mysqld", "echo nope >&2; exit 4");
        connection.connect(hosts.inventory, Map.of(), (h, t, fp) -> true, c -> { }).get(30, TimeUnit.SECONDS);
        controls.setRealActionConfirm((what, commands) -> true);

        CompletableFuture<Void> stop = controls.apply(Verb.STOP, new Target.Process("db1", ProcessKind.MYSQLD));
        assertThrows(ExecutionException.class, () -> stop.get(30, TimeUnit.SECONDS));
        chinese(status(), "错误：db1：命令 'echo nope >&2; exit 4' 以退出码 4 结束：nope");

        // the inventory's custom services define no restart: the engine says so before anything runs
        assertThrows(ExecutionException.class, () -> controls.apply(Verb.RESTART, new Target.Process("db2", ProcessKind.KEEPALIVED)).get(5, TimeUnit.SECONDS));
        chinese(status(), "db2：清单中没有 'restart keepalived' 的命令");

        assertThrows(ExecutionException.class, () -> controls.apply(Verb.STOP, new Target.Host("db1")).get(5, TimeUnit.SECONDS));
        chinese(status(), "错误：无法对 db1 执行 stop：请指定一个进程");
        i18n.setLocale(Locale.ENGLISH);
        assertTrue(status().contains("cannot stop db1: name a process"), status());
    }
}
