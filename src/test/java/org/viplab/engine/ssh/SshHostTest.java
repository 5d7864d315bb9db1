package org.viplab.engine.ssh;

import org.viplab.lab.hosts.HostKeyPrompt;
import org.viplab.lab.hosts.Inventory;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SSH layer against a real SSH server in process (MINA SSHD on 127.0.0.1). */
class SshHostTest {
    @TempDir
    Path dir;
    TestSshServer server;
    Path knownHosts;
    Path key;

    @BeforeEach
    void start() throws Exception {
        server = new TestSshServer(dir.resolve("hostkey-a.ser"), 0);
        knownHosts = dir.resolve("known_hosts");
        key = dir.resolve("id_rsa");
        KeyPair kp = KeyPair.genKeyPair(new JSch(), KeyPair.RSA, 2048);
        kp.writePrivateKey(key.toString());
        kp.dispose();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.close();
    }

    Inventory.Host host(int port) {
        Inventory.Host h = new Inventory.Host();
        h.name = "db1";
        h.address = "127.0.0.1";
        h.port = port;
        h.user = "tester";
        h.keyFile = key.toString();
        return h;
    }

    static final class CountingPrompt implements HostKeyPrompt {
        final List<String> asked = new CopyOnWriteArrayList<>();
        final boolean answer;

        CountingPrompt(boolean answer) { this.answer = answer; }

        public boolean trustNewKey(String host, String keyType, String fingerprint) {
            asked.add(host + " " + keyType + " " + fingerprint);
            return answer;
        }
    }

    @Test
    void firstUseShowsTheFingerprintAndRemembersTheKey() throws Exception {
        CountingPrompt yes = new CountingPrompt(true);
        try (SshHost h = new SshHost(host(server.port()), knownHosts, yes, null)) {
            h.connect(5000);
            assertEquals(1, yes.asked.size());
            assertTrue(yes.asked.get(0).matches("\\[127\\.0\\.0\\.1]:" + server.port() + " \\S+ SHA256:[A-Za-z0-9+/]{43}"), yes.asked.get(0));
        }
        assertTrue(Files.readString(knownHosts).contains("[127.0.0.1]:" + server.port()));
        CountingPrompt never = new CountingPrompt(false);
        try (SshHost h = new SshHost(host(server.port()), knownHosts, never, null)) {
            h.connect(5000);
            assertTrue(never.asked.isEmpty(), "a known key is not asked about again");
            assertEquals("ok\n", h.check("echo ok", 5000).out());
        }
    }

    @Test
    void declinedKeyIsRejectedAndNotWritten() {
        CountingPrompt no = new CountingPrompt(false);
        SshHost h = new SshHost(host(server.port()), knownHosts, no, null);
        RemoteException e = assertThrows(RemoteException.class, () -> h.connect(5000));
        assertEquals(RemoteException.Kind.HOST_KEY_REJECTED, e.kind());
        assertEquals(1, no.asked.size());
        assertFalse(Files.exists(knownHosts) && !readQuietly(knownHosts).isBlank());
    }

    @Test
    void changedHostKeyIsAHardStopWithoutAPrompt() throws Exception {
        int port = server.port();
        try (SshHost h = new SshHost(host(port), knownHosts, new CountingPrompt(true), null)) {
            h.connect(5000);
        }
        server.close();
        server = new TestSshServer(dir.resolve("hostkey-b.ser"), port); // same address, another key
        CountingPrompt yes = new CountingPrompt(true);
        SshHost h = new SshHost(host(port), knownHosts, yes, null);
        RemoteException e = assertThrows(RemoteException.class, () -> h.connect(5000));
        assertEquals(RemoteException.Kind.HOST_KEY_CHANGED, e.kind());
        assertTrue(e.getMessage().contains("CHANGED"), e.getMessage());
        assertTrue(yes.asked.isEmpty(), "never offered to replace a changed key");
    }

    @Test
    void exitCodesOutputAndQuoting() throws Exception {
        try (SshHost h = new SshHost(host(server.port()), knownHosts, new CountingPrompt(true), null)) {
            h.connect(5000);
            SshHost.Result r = h.exec("echo out; echo err >&2; exit 3", 5000);
            assertEquals(3, r.exit());
            assertEquals("out\n", r.out());
            assertEquals("err\n", r.err());
            String tricky = "it's $HOME; `x` \"y\"";
            assertEquals(tricky + "\n", h.check(Shell.command("printf", "%s\\n", tricky), 5000).out());
            RemoteException e = assertThrows(RemoteException.class, () -> h.check("exit 7", 5000));
            assertEquals(RemoteException.Kind.FAILED, e.kind());
            assertTrue(e.getMessage().contains("exited 7"));
        }
    }

    @Test
    void aCommandThatHangsTimesOut() throws Exception {
        try (SshHost h = new SshHost(host(server.port()), knownHosts, new CountingPrompt(true), null)) {
            h.connect(5000);
            // a 10 s command under a 300 ms limit: TIMEOUT is only ever the limit's verdict (the test is not timed)
            RemoteException e = assertThrows(RemoteException.class, () -> h.exec("sleep 10", 300));
            assertEquals(RemoteException.Kind.TIMEOUT, e.kind());
            assertEquals(0, h.exec("true", 5000).exit(), "the session survives a timed-out command");
        }
    }

    @Test
    void wrongPasswordAndNoServerAreClearErrors() throws Exception {
        Inventory.Host pw = host(server.port());
        pw.auth = "password";
        SshHost bad = new SshHost(pw, knownHosts, new CountingPrompt(true), "wrong".toCharArray());
        assertEquals(RemoteException.Kind.AUTH, assertThrows(RemoteException.class, () -> bad.connect(5000)).kind());
        try (SshHost good = new SshHost(pw, knownHosts, new CountingPrompt(true), "secret".toCharArray())) {
            good.connect(5000);
            assertTrue(good.connected());
        }
        int port = server.port();
        server.close();
        server = null;
        SshHost gone = new SshHost(host(port), knownHosts, new CountingPrompt(true), null);
        assertEquals(RemoteException.Kind.UNREACHABLE, assertThrows(RemoteException.class, () -> gone.connect(2000)).kind());
    }

    @Test
    void streamsLinesAndNoticesADroppedConnection() throws Exception {
        try (SshHost h = new SshHost(host(server.port()), knownHosts, new CountingPrompt(true), null)) {
            h.connect(5000);
            List<String> lines = new CopyOnWriteArrayList<>();
            CountDownLatch three = new CountDownLatch(3);
            CountDownLatch ended = new CountDownLatch(1);
            SshHost.Stream s = h.stream("i=0; while true; do i=$((i+1)); echo line $i; sleep 0.05; done", l -> {
                lines.add(l);
                three.countDown();
            }, ended::countDown);
            assertTrue(three.await(5, TimeUnit.SECONDS));
            assertEquals("line 1", lines.get(0));
            assertTrue(s.running());
            server.close(); // the host goes away
            server = null;
            assertTrue(ended.await(5, TimeUnit.SECONDS), "the stream ends when the connection drops");
            AtomicInteger kinds = new AtomicInteger();
            RemoteException e = assertThrows(RemoteException.class, () -> h.exec("true", 2000));
            if (e.kind() == RemoteException.Kind.UNREACHABLE) kinds.incrementAndGet();
            assertEquals(1, kinds.get(), e.kind() + ": " + e.getMessage());
            assertFalse(h.connected());
        }
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return "";
        }
    }

    /**
     * A command that outlives its timeout is killed on the host with its children, not just abandoned. The
     * server here leaves orphans as OpenSSH does, so only the host-side {@code timeout} can kill them: the
     * same command without it is shown still running afterwards.
     */
    @Test
    void aCommandThatTimesOutIsKilledOnTheHostWithItsChildren() throws Exception {
        server.leaveOrphans = true;
        try (SshHost h = new SshHost(host(server.port()), knownHosts, new CountingPrompt(true), null)) {
            h.connect(5000);
            for (boolean hostTimeout : List.of(true, false)) {
                h.killOnTimeout(hostTimeout);
                Path pidFile = dir.resolve("pid-" + hostTimeout);
                // a child in the background, as `service mysql stop` starts one, and the command waits for it
                String hung = Shell.sequence("sleep 120 & echo $! > " + Shell.quote(pidFile.toString()), "wait");
                RemoteException e = assertThrows(RemoteException.class, () -> h.exec(hung, 1000));
                assertEquals(RemoteException.Kind.TIMEOUT, e.kind(), e.getMessage());
                ProcessHandle child = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).orElse(null);
                if (hostTimeout) {
                    assertTrue(e.getMessage().contains("killed on the host"), e.getMessage());
                    // the child was signalled before the answer came back; it is gone, or reaped moments later
                    if (child != null) child.onExit().get(10, TimeUnit.SECONDS);
                    assertTrue(child == null || !child.isAlive(), "the child was killed");
                } else {
                    assertTrue(child != null && child.isAlive(), "without the host's timeout the child runs on (this test can tell)");
                    child.destroyForcibly();
                }
            }
        }
    }
}
