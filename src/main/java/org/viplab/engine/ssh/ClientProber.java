package org.viplab.engine.ssh;

import org.viplab.core.timeline.LabEvent;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The client, from the machine VIP Lab runs on: every interval a TCP connect to VIP:port and a read of the
 * MySQL greeting, all within the timeout. A probe that hangs (no VIP holder: SYN retransmits) does not delay
 * the next one; each probe is stamped with its start time.
 */
public final class ClientProber implements AutoCloseable {
    private final String vip;
    private final int port;
    private final long intervalMs;
    private final int timeoutMs;
    private final List<String> hosts;
    private final LongSupplier nowUs;
    private final Consumer<LabEvent> sink;
    /** Monotonic nanoseconds, for the probe's one deadline (a test gives its own). */
    private final LongSupplier nanos;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("probe-tick"));
    private final ExecutorService probes = Executors.newCachedThreadPool(daemon("probe"));

    public ClientProber(String vip, int port, long intervalMs, int timeoutMs, List<String> hosts, LongSupplier nowUs, Consumer<LabEvent> sink) {
        this(vip, port, intervalMs, timeoutMs, hosts, nowUs, sink, System::nanoTime);
    }

    /** @param nanos a monotonic clock in nanoseconds (System::nanoTime) */
    public ClientProber(String vip, int port, long intervalMs, int timeoutMs, List<String> hosts, LongSupplier nowUs, Consumer<LabEvent> sink,
                        LongSupplier nanos) {
        this.nanos = nanos;
        this.vip = vip;
        this.port = port;
        this.intervalMs = intervalMs;
        this.timeoutMs = timeoutMs;
        this.hosts = List.copyOf(hosts);
        this.nowUs = nowUs;
        this.sink = sink;
    }

    public void start() {
        ticker.scheduleAtFixedRate(() -> probes.execute(() -> sink.accept(probeOnce())), 0, intervalMs, TimeUnit.MILLISECONDS);
    }

    /**
     * One probe, now: connect and greeting share one deadline, as in the simulator. Each blocking step waits
     * at most what is left of it, and a probe that ends after it (1,007 ms for a 1,000 ms timeout) failed.
     */
    public LabEvent.ClientProbe probeOnce() {
        long start = nowUs.getAsLong();
        long t0 = nanos.getAsLong();
        long deadline = t0 + timeoutMs * 1_000_000L;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(vip, port), leftMs(deadline));
            MysqlGreeting g = MysqlGreeting.read(new DeadlineInput(s, deadline));
            if (nanos.getAsLong() > deadline) return fail(start, t0, LabEvent.ProbeFailure.TIMEOUT);
            return new LabEvent.ClientProbe(start, true, (nanos.getAsLong() - t0) / 1000, g.hostSuffix(hosts), LabEvent.ProbeFailure.NONE);
        } catch (ConnectException e) {
            return fail(start, t0, LabEvent.ProbeFailure.REFUSED);
        } catch (SocketTimeoutException | NoRouteToHostException e) {
            return fail(start, t0, LabEvent.ProbeFailure.TIMEOUT);
        } catch (EOFException | MysqlGreeting.ErrorPacket e) {
            return fail(start, t0, LabEvent.ProbeFailure.CLOSED);
        } catch (IOException e) {
            return fail(start, t0, String.valueOf(e.getMessage()).contains("reset") ? LabEvent.ProbeFailure.CLOSED : LabEvent.ProbeFailure.TIMEOUT);
        }
    }

    /** Milliseconds left before the deadline; a SocketTimeoutException when none are. */
    private int leftMs(long deadline) throws SocketTimeoutException {
        long left = (deadline - nanos.getAsLong()) / 1_000_000;
        if (left <= 0) throw new SocketTimeoutException("probe deadline passed");
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    /** The socket's input, each read waiting only for what is left of the probe's deadline. */
    private final class DeadlineInput extends java.io.InputStream {
        private final Socket socket;
        private final java.io.InputStream in;
        private final long deadline;

        DeadlineInput(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            socket.setSoTimeout(leftMs(deadline));
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            socket.setSoTimeout(leftMs(deadline));
            return in.read(b, off, len);
        }
    }

    private LabEvent.ClientProbe fail(long start, long t0, LabEvent.ProbeFailure why) {
        return new LabEvent.ClientProbe(start, false, (nanos.getAsLong() - t0) / 1000, null, why);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        probes.shutdownNow();
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
