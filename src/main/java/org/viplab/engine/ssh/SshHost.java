package org.viplab.engine.ssh;

import org.viplab.lab.LabText;
import org.viplab.lab.hosts.HostKeyPrompt;
import org.viplab.lab.hosts.Inventory;
import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.Session;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One SSH session to one host (JSch), kept open: commands run as exec channels on it, and long-running
 * observers stream their output over channels of the same session. Every call has a timeout. A JSch session
 * cannot reconnect; {@link #connect} makes a new one.
 */
public final class SshHost implements Closeable {
    /** What a remote command did. */
    public record Result(int exit, String out, String err, long millis) {
        public boolean ok() { return exit == 0; }
    }

    /** A running streamed command. */
    public interface Stream extends Closeable {
        boolean running();

        @Override
        void close();
    }

    private final Inventory.Host host;
    private final Path knownHosts;
    private final HostKeyPrompt prompt;
    private final char[] password;
    private final java.time.Clock clock;
    private volatile Session session;
    /** The host has {@code timeout} (coreutils or busybox): commands run under it and die there on time. */
    private volatile boolean remoteTimeout;

    /** @param password for {@code auth: password}; kept in memory only */
    public SshHost(Inventory.Host host, Path knownHosts, HostKeyPrompt prompt, char[] password) {
        this(host, knownHosts, prompt, password, java.time.Clock.systemUTC());
    }

    /** @param clock the local wall clock the host's clock is measured against */
    public SshHost(Inventory.Host host, Path knownHosts, HostKeyPrompt prompt, char[] password, java.time.Clock clock) {
        this.clock = clock;
        this.host = host;
        this.knownHosts = knownHosts;
        this.prompt = prompt;
        this.password = password;
    }

    public Inventory.Host host() { return host; }

    public String name() { return host.name; }

    /**
     * Whether to run each command under the host's {@code timeout --kill-after}, which puts it in a process
     * group of its own and signals the whole group on time: closing an exec channel without a PTY leaves the
     * command running on the host (a hung {@code service mysql stop} would carry on after VIP Lab gave up).
     */
    public void killOnTimeout(boolean hostHasTimeout) { this.remoteTimeout = hostHasTimeout; }

    /** Seconds between timeout's TERM and its KILL to the command's process group. */
    static final int KILL_AFTER_S = 2;

    /** The command as sent: under {@code timeout} when the host has it, with the deadline in whole seconds. */
    String wire(String command, long timeoutMs) {
        if (!remoteTimeout) return command;
        long seconds = Math.max(1, (timeoutMs + 999) / 1000);
        return Shell.command("timeout", "-k", KILL_AFTER_S + "s", seconds + "s", "bash", "-c", command);
    }

    public boolean connected() {
        Session s = session;
        return s != null && s.isConnected();
    }

    /** Opens a new session (closing an old one); throws with the host and the reason when it cannot. */
    public synchronized void connect(int timeoutMs) throws RemoteException {
        close();
        JSch jsch = new JSch();
        VerifyingHostKeys keys;
        try {
            keys = new VerifyingHostKeys(jsch, knownHosts, prompt);
            switch (host.auth) {
                case "key" -> jsch.addIdentity(host.keyFile);
                case "agent" -> jsch.setIdentityRepository(new AgentIdentityRepository(new SSHAgentConnector()));
                default -> { }
            }
        } catch (JSchException | com.jcraft.jsch.AgentProxyException | RuntimeException e) {
            throw new RemoteException(RemoteException.Kind.AUTH, host.name, LabText.of("remote.credentials", host.auth, e.getMessage()), e);
        }
        Session s;
        try {
            s = jsch.getSession(host.user, host.address, host.port);
            s.setHostKeyRepository(keys);
            s.setConfig("StrictHostKeyChecking", "yes");
            s.setConfig("PreferredAuthentications", host.auth.equals("password") ? "password,keyboard-interactive" : "publickey");
            if (password != null) s.setPassword(new String(password));
            // also the socket timeout; three missed answers (about 3 s) and the session is dead
            s.setServerAliveInterval(1000);
            s.setServerAliveCountMax(3);
            s.connect(timeoutMs);
        } catch (JSchException e) {
            if (keys.keyChanged()) throw new RemoteException(RemoteException.Kind.HOST_KEY_CHANGED, host.name, keys.problem(), e);
            if (keys.problem() != null) throw new RemoteException(RemoteException.Kind.HOST_KEY_REJECTED, host.name, keys.problem(), e);
            String m = String.valueOf(e.getMessage());
            if (m.contains("Auth fail") || m.contains("Auth cancel")) {
                throw new RemoteException(RemoteException.Kind.AUTH, host.name, LabText.of("remote.auth", host.user, host.address, host.auth), e);
            }
            if (m.contains("timeout")) {
                throw new RemoteException(RemoteException.Kind.TIMEOUT, host.name, LabText.of("remote.noAnswer", host.address, host.port, timeoutMs), e);
            }
            throw new RemoteException(RemoteException.Kind.UNREACHABLE, host.name, LabText.of("remote.cannotConnect", host.address, host.port, m), e);
        }
        session = s;
    }

    /**
     * Runs a command and waits for its exit, at most {@code timeoutMs}; on timeout the channel is closed
     * (the remote command gets SIGHUP only if it reads or writes) and a TIMEOUT is thrown.
     */
    public Result exec(String command, long timeoutMs) throws RemoteException {
        return run(command, command, timeoutMs, null);
    }

    /** Runs {@code exec} and fails with the command's stderr unless it exits 0. */
    public Result check(String command, long timeoutMs) throws RemoteException {
        Result r = exec(command, timeoutMs);
        if (!r.ok()) {
            throw new RemoteException(RemoteException.Kind.FAILED, host.name, exited(command, r));
        }
        return r;
    }

    /** Why a command failed: its exit status, and its stderr when it wrote any (the host's words, untranslated). */
    private static LabText exited(String command, Result r) {
        return r.err().isBlank() ? LabText.of("remote.exited", command, r.exit()) : LabText.of("remote.exited.err", command, r.exit(), r.err().strip());
    }

    /** What a stamped command prints first on stderr: the host's clock (nanoseconds) as it began. */
    static final String STAMP = "viplab-start ";

    /**
     * Like {@link #check}, but the host first prints its own clock, and {@code onStart} gets it (host epoch
     * microseconds) as soon as it arrives, while the command still runs; -1 when the host printed none (a
     * {@code date} without %N). Opening an exec channel on a busy host takes 0.1-0.6 s, so the moment a
     * command was sent is not the moment it acted. The stamp line is removed from the result's stderr.
     */
    public Result checkStamped(String command, long timeoutMs, java.util.function.LongConsumer onStart) throws RemoteException {
        Result r = run(Shell.sequence("printf '" + STAMP + "%s\\n' \"$(date +%s%N)\" >&2", command), command, timeoutMs, onStart);
        if (!r.ok()) {
            throw new RemoteException(RemoteException.Kind.FAILED, host.name, exited(command, r));
        }
        return r;
    }

    /**
     * Runs {@code command} (under the host's {@code timeout} when it has one); messages name {@code shown}.
     * With {@code onStart}, the first stderr line is the stamp. The host's own timeout fires first: this side
     * waits {@link #KILL_AFTER_S} and a second longer before it gives up on the channel.
     */
    private Result run(String command, String shown, long timeoutMs, java.util.function.LongConsumer onStart) throws RemoteException {
        long t0 = System.nanoTime();
        boolean killedThere = remoteTimeout;
        long deadline = t0 + (timeoutMs + (killedThere ? (KILL_AFTER_S + 1) * 1000L + 999 : 0)) * 1_000_000;
        ChannelExec ch = open(wire(command, timeoutMs), false);
        boolean stamped = onStart == null;
        try {
            InputStream out = ch.getInputStream();
            InputStream err = ch.getErrStream();
            ch.connect((int) Math.max(1, timeoutMs));
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            ByteArrayOutputStream e = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            // drain both to EOF, then wait for the close that carries the exit status
            while (true) {
                boolean read = drain(out, o, buf) | drain(err, e, buf);
                if (!stamped) stamped = takeStamp(e, onStart);
                if (ch.isClosed() && out.available() == 0 && err.available() == 0) break;
                if (System.nanoTime() > deadline) {
                    throw new RemoteException(RemoteException.Kind.TIMEOUT, host.name, LabText.of(killedThere ? "remote.timeout.noAnswer" : "remote.timeout.noTimeoutCommand", shown, timeoutMs));
                }
                if (!connected()) throw new RemoteException(RemoteException.Kind.UNREACHABLE, host.name, LabText.of("remote.connectionLost", shown));
                if (!read) Thread.sleep(5);
            }
            if (!stamped) onStart.accept(-1);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            // timeout's exit: 124 after TERM, 137 (128 + KILL) when TERM was not enough
            if (killedThere && (ch.getExitStatus() == 124 || ch.getExitStatus() == 137) && ms >= timeoutMs) {
                throw new RemoteException(RemoteException.Kind.TIMEOUT, host.name, LabText.of("remote.timeout.killed", shown, timeoutMs));
            }
            return new Result(ch.getExitStatus(), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8),
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (JSchException | IOException ex) {
            if (ex instanceof RemoteException re) throw re;
            throw new RemoteException(connected() ? RemoteException.Kind.FAILED : RemoteException.Kind.UNREACHABLE, host.name,
                    LabText.of("remote.commandError", shown, ex.getMessage()), ex);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new RemoteException(RemoteException.Kind.FAILED, host.name, LabText.of("remote.interrupted", shown));
        } finally {
            ch.disconnect();
        }
    }

    /** Once stderr holds a whole first line: hands its stamp on (or -1), removes it, and says it is done. */
    private static boolean takeStamp(ByteArrayOutputStream e, java.util.function.LongConsumer onStart) {
        String text = e.toString(StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        if (nl < 0) return false;
        String first = text.substring(0, nl);
        long us = -1;
        if (first.startsWith(STAMP)) {
            try {
                us = Long.parseLong(first.substring(STAMP.length()).strip()) / 1000;
            } catch (NumberFormatException notGnuDate) {
                us = -1;
            }
            e.reset();
            e.writeBytes(text.substring(nl + 1).getBytes(StandardCharsets.UTF_8));
        }
        onStart.accept(us);
        return true;
    }

    /**
     * Streams a long-running command's output line by line to {@code onLine} on a thread of its own, until
     * the command ends or the stream is closed; then {@code onEnd} runs. A pseudo-terminal is asked for, so
     * closing the channel hangs up the remote command (tcpdump, tail, ip monitor) instead of leaving it.
     */
    public Stream stream(String command, Consumer<String> onLine, Runnable onEnd) throws RemoteException {
        ChannelExec ch = open(command, true);
        InputStream in;
        try {
            in = ch.getInputStream();
            ch.connect(10_000);
        } catch (JSchException | IOException e) {
            ch.disconnect();
            throw new RemoteException(RemoteException.Kind.FAILED, host.name, LabText.of("remote.cannotStart", command, e.getMessage()), e);
        }
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) onLine.accept(line.replace("\r", ""));
            } catch (IOException ignored) {
                // the channel closed under us: the end is reported below
            } finally {
                ch.disconnect();
                if (onEnd != null) onEnd.run();
            }
        }, "ssh-" + host.name + "-" + command.split(" ")[0]);
        t.setDaemon(true);
        t.start();
        return new Stream() {
            public boolean running() { return !ch.isClosed(); }

            public void close() { ch.disconnect(); }
        };
    }

    /**
     * Measures the host clock against the local one: a small remote loop answers each line with the time,
     * so one sample costs one round trip on an open channel (no channel set-up, no process start inside
     * it) and the midpoint rule holds. Returns {offset host - local, round trip}, both in microseconds,
     * of the sample with the shortest round trip.
     */
    public long[] clockOffsetUs(int samples, long timeoutMs) throws RemoteException {
        ChannelExec ch = open("while read -r x; do date +%s%N; done", false);
        try {
            java.io.OutputStream to = ch.getOutputStream();
            BufferedReader from = new BufferedReader(new InputStreamReader(ch.getInputStream(), StandardCharsets.UTF_8));
            ch.connect((int) timeoutMs);
            long best = Long.MAX_VALUE;
            long offset = 0;
            long deadline = System.nanoTime() + timeoutMs * 1_000_000;
            for (int i = 0; i < samples && System.nanoTime() < deadline; i++) {
                long t0 = epochUs();
                to.write('\n');
                to.flush();
                String line = from.readLine();
                long t1 = epochUs();
                if (line == null) break;
                long remote = Long.parseLong(line.strip()) / 1000;
                if (t1 - t0 < best) {
                    best = t1 - t0;
                    offset = remote - (t0 + t1) / 2;
                }
            }
            if (best == Long.MAX_VALUE) throw new RemoteException(RemoteException.Kind.FAILED, host.name, LabText.of("remote.clock.noAnswer"));
            return new long[]{offset, best};
        } catch (JSchException | IOException | NumberFormatException e) {
            throw new RemoteException(RemoteException.Kind.FAILED, host.name, LabText.of("remote.clock.unreadable", e.getMessage()), e);
        } finally {
            ch.disconnect();
        }
    }

    private long epochUs() {
        java.time.Instant i = clock.instant();
        return i.getEpochSecond() * 1_000_000 + i.getNano() / 1000;
    }

    private ChannelExec open(String command, boolean pty) throws RemoteException {
        Session s = session;
        if (s == null || !s.isConnected()) throw new RemoteException(RemoteException.Kind.UNREACHABLE, host.name, LabText.of("remote.notConnected"));
        try {
            ChannelExec ch = (ChannelExec) s.openChannel("exec");
            ch.setCommand(command);
            ch.setPty(pty);
            return ch;
        } catch (JSchException e) {
            throw new RemoteException(s.isConnected() ? RemoteException.Kind.FAILED : RemoteException.Kind.UNREACHABLE, host.name,
                    LabText.of("remote.cannotOpenChannel", e.getMessage()), e);
        }
    }

    private static boolean drain(InputStream in, ByteArrayOutputStream to, byte[] buf) throws IOException {
        boolean any = false;
        while (in.available() > 0) {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) break;
            to.write(buf, 0, n);
            any = true;
        }
        return any;
    }

    /** Closes the session and with it every channel. */
    @Override
    public synchronized void close() {
        Session s = session;
        session = null;
        if (s != null) s.disconnect();
    }
}
