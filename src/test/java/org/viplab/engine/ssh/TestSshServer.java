package org.viplab.engine.ssh;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.AcceptAllPublickeyAuthenticator;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * An in-process SSH server (Apache MINA SSHD) on 127.0.0.1 that runs each exec request with /bin/sh -c,
 * like a real host would (with SSH_CLIENT set as sshd sets it). Public keys are accepted; a password must be
 * "secret". A server made with a PATH runs its commands with that PATH, so a test can put fake tools first.
 */
public final class TestSshServer implements AutoCloseable {
    final SshServer sshd;
    /** A slow host: each command starts this much later (as when opening a channel is slow). */
    volatile long startDelayMs;
    /**
     * Like OpenSSH's sshd for a command without a PTY: a closed channel leaves the command running (only
     * its pipes close). Off: a closed channel kills the command and its descendants here.
     */
    volatile boolean leaveOrphans;

    public TestSshServer(Path hostKeyFile, int port) throws IOException { this(hostKeyFile, "127.0.0.1", port, null); }

    /** On {@code address} (any 127.x.y.z works on Linux's loopback); {@code path}: the commands' PATH, or null for this JVM's. */
    public TestSshServer(Path hostKeyFile, String address, int port, String path) throws IOException {
        sshd = SshServer.setUpDefaultServer();
        sshd.setHost(address);
        sshd.setPort(port);
        sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKeyFile));
        sshd.setPublickeyAuthenticator(AcceptAllPublickeyAuthenticator.INSTANCE);
        sshd.setPasswordAuthenticator((user, password, session) -> "secret".equals(password));
        sshd.setCommandFactory((channel, command) -> new ShCommand(startDelayMs > 0 ? "sleep " + startDelayMs / 1000.0 + "; " + command : command, path, this));
        sshd.start();
    }

    public int port() { return sshd.getPort(); }

    @Override
    public void close() throws IOException { sshd.stop(true); }

    /** /bin/sh -c COMMAND with its streams wired to the channel. */
    static final class ShCommand implements Command {
        private final String command;
        private final String path;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;
        private final TestSshServer server;
        private volatile Process process;

        ShCommand(String command, String path, TestSshServer server) {
            this.command = command;
            this.path = path;
            this.server = server;
        }

        public void setExitCallback(ExitCallback callback) { exit = callback; }

        private InputStream in;

        public void setInputStream(InputStream in) { this.in = in; }

        public void setOutputStream(OutputStream out) { this.out = out; }

        public void setErrorStream(OutputStream err) { this.err = err; }

        public void start(ChannelSession channel, Environment env) throws IOException {
            ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command);
            if (path != null) pb.environment().put("PATH", path);
            // like sshd: "client-address client-port server-port" (the SSH engine learns the client's address from it)
            if (channel.getSession().getClientAddress() instanceof java.net.InetSocketAddress c
                    && channel.getSession().getIoSession().getLocalAddress() instanceof java.net.InetSocketAddress l) {
                pb.environment().put("SSH_CLIENT", c.getAddress().getHostAddress() + " " + c.getPort() + " " + l.getPort());
            }
            process = pb.start();
            OutputStream stdin = process.getOutputStream();
            Thread inCopy = new Thread(() -> {
                try (stdin) {
                    if (in != null) in.transferTo(new FlushingStream(stdin));
                } catch (IOException ignored) {
                    // process or channel gone
                }
            });
            inCopy.setDaemon(true);
            inCopy.start();
            Thread errCopy = copy(process.getErrorStream(), err);
            Thread t = new Thread(() -> {
                try {
                    process.getInputStream().transferTo(new FlushingStream(out));
                    errCopy.join();
                    int rc = process.waitFor();
                    exit.onExit(rc);
                } catch (Exception e) {
                    exit.onExit(255, String.valueOf(e));
                }
            });
            t.setDaemon(true);
            t.start();
        }

        private static Thread copy(InputStream in, OutputStream to) {
            Thread t = new Thread(() -> {
                try {
                    in.transferTo(new FlushingStream(to));
                } catch (IOException ignored) {
                    // channel gone
                }
            });
            t.setDaemon(true);
            t.start();
            return t;
        }

        public void destroy(ChannelSession channel) {
            Process p = process;
            if (server.leaveOrphans) return;
            if (p != null) p.descendants().forEach(ProcessHandle::destroyForcibly);
            if (p != null) p.destroyForcibly();
        }
    }

    /** Flushes after every write so that streamed lines arrive as they are printed. */
    static final class FlushingStream extends OutputStream {
        private final OutputStream to;

        FlushingStream(OutputStream to) { this.to = to; }

        public void write(int b) throws IOException {
            to.write(b);
            to.flush();
        }

        public void write(byte[] b, int off, int len) throws IOException {
            to.write(b, off, len);
            to.flush();
        }
    }
}
