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
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("probe-tick"));
    private final ExecutorService probes = Executors.newCachedThreadPool(daemon("probe"));

    public ClientProber(String vip, int port, long intervalMs, int timeoutMs, List<String> hosts, LongSupplier nowUs, Consumer<LabEvent> sink) {
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

    /** One probe, now. */
    public LabEvent.ClientProbe probeOnce() {
        long start = nowUs.getAsLong();
        long t0 = System.nanoTime();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(vip, port), timeoutMs);
            int left = (int) Math.max(1, timeoutMs - (System.nanoTime() - t0) / 1_000_000);
            s.setSoTimeout(left);
            MysqlGreeting g = MysqlGreeting.read(s.getInputStream());
            return new LabEvent.ClientProbe(start, true, (System.nanoTime() - t0) / 1000, g.hostSuffix(hosts), LabEvent.ProbeFailure.NONE);
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

    private static LabEvent.ClientProbe fail(long start, long t0, LabEvent.ProbeFailure why) {
        return new LabEvent.ClientProbe(start, false, (System.nanoTime() - t0) / 1000, null, why);
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
