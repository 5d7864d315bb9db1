package org.viplab.ssh;

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
 * like a real host would. Public keys are accepted; a password must be "secret".
 */
public final class TestSshServer implements AutoCloseable {
    final SshServer sshd;

    public TestSshServer(Path hostKeyFile, int port) throws IOException {
        sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(port);
        sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKeyFile));
        sshd.setPublickeyAuthenticator(AcceptAllPublickeyAuthenticator.INSTANCE);
        sshd.setPasswordAuthenticator((user, password, session) -> "secret".equals(password));
        sshd.setCommandFactory((channel, command) -> new ShCommand(command));
        sshd.start();
    }

    public int port() { return sshd.getPort(); }

    @Override
    public void close() throws IOException { sshd.stop(true); }

    /** /bin/sh -c COMMAND with its streams wired to the channel. */
    static final class ShCommand implements Command {
        private final String command;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;
        private volatile Process process;

        ShCommand(String command) { this.command = command; }

        public void setExitCallback(ExitCallback callback) { exit = callback; }

        private InputStream in;

        public void setInputStream(InputStream in) { this.in = in; }

        public void setOutputStream(OutputStream out) { this.out = out; }

        public void setErrorStream(OutputStream err) { this.err = err; }

        public void start(ChannelSession channel, Environment env) throws IOException {
            process = new ProcessBuilder("/bin/sh", "-c", command).start();
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
