package org.viplab.engine.ssh;

import org.junit.jupiter.api.Test;
import org.viplab.core.timeline.LabEvent;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client probe and the MySQL greeting, against a greeting recorded from the lab's MariaDB 10.11. */
class ClientProberTest {
    static byte[] recordedGreeting() throws Exception {
        try (InputStream in = ClientProberTest.class.getResourceAsStream("greeting-mariadb-10.11.bin")) {
            return in.readAllBytes();
        }
    }

    @Test
    void parsesTheRecordedGreeting() throws Exception {
        MysqlGreeting g = MysqlGreeting.read(new java.io.ByteArrayInputStream(recordedGreeting()));
        assertEquals(10, g.protocol());
        assertEquals("10.11.19-MariaDB-db1", g.version());
        assertEquals(12, g.threadId());
        assertEquals("db1", g.hostSuffix(List.of("db1", "db2")));
        assertNull(g.hostSuffix(List.of("db2")));
    }

    @Test
    void anErrorPacketIsNotAGreeting() {
        byte[] blocked = {(byte) 0xff, 0x69, 0x04, 'H', 'o', 's', 't', ' ', 'b', 'l', 'o', 'c', 'k', 'e', 'd'};
        MysqlGreeting.ErrorPacket e = assertThrows(MysqlGreeting.ErrorPacket.class, () -> MysqlGreeting.parse(blocked));
        assertEquals(1129, e.code);
        assertTrue(e.getMessage().contains("Host blocked"));
    }

    @Test
    void okRefusedAndTimeout() throws Exception {
        byte[] greeting = recordedGreeting();
        try (ServerSocket good = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            java.util.concurrent.CountDownLatch probed = new java.util.concurrent.CountDownLatch(1);
            Thread server = new Thread(() -> {
                try (Socket s = good.accept(); OutputStream o = s.getOutputStream()) {
                    o.write(greeting);
                    o.flush();
                    probed.await(5, java.util.concurrent.TimeUnit.SECONDS); // a server keeps the connection open
                } catch (Exception ignored) {
                    // test over
                }
            });
            server.start();
            List<LabEvent> sink = new CopyOnWriteArrayList<>();
            long[] clock = {5_000_000};
            ClientProber ok = new ClientProber("127.0.0.1", good.getLocalPort(), 100, 1000, List.of("db1", "db2"), () -> clock[0], sink::add);
            LabEvent.ClientProbe p = ok.probeOnce();
            probed.countDown();
            assertTrue(p.ok());
            assertEquals("db1", p.backend());
            assertEquals(5_000_000, p.timeUs(), "stamped with its start time");

            int closedPort;
            try (ServerSocket tmp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = tmp.getLocalPort();
            }
            LabEvent.ClientProbe refused = new ClientProber("127.0.0.1", closedPort, 100, 1000, List.of(), () -> 0, sink::add).probeOnce();
            assertFalse(refused.ok());
            assertEquals(LabEvent.ProbeFailure.REFUSED, refused.failure());

            // accepted by the kernel, never greeted: a hung server (how long the socket waits is the OS's to time)
            LabEvent.ClientProbe hung = new ClientProber("127.0.0.1", silent.getLocalPort(), 100, 300, List.of(), () -> 0, sink::add).probeOnce();
            assertFalse(hung.ok());
            assertEquals(LabEvent.ProbeFailure.TIMEOUT, hung.failure());
            server.join(2000);
        }
    }

    /** A probe that ends after its timeout failed, however it ended: 1,007 ms for 1,000 ms is a timeout. */
    @Test
    void oneDeadlinePerProbe() throws Exception {
        byte[] greeting = recordedGreeting();
        try (ServerSocket good = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                for (int i = 0; i < 2; i++) {
                    try (Socket s = good.accept(); OutputStream o = s.getOutputStream()) {
                        o.write(greeting);
                    } catch (Exception ignored) {
                        // test over
                    }
                }
            });
            server.start();
            // a monotonic clock the test moves: read at the start and for the connect, then 1,007 ms later (the
            // connect took them): the greeting's read has no time left, as connect and read share one deadline
            int[] reads = {0};
            java.util.function.LongSupplier ticker = () -> reads[0]++ < 2 ? 0 : 1_007_000_000L;
            ClientProber late = new ClientProber("127.0.0.1", good.getLocalPort(), 100, 1000, List.of("db1"), () -> 0, e -> { }, ticker);
            LabEvent.ClientProbe p = late.probeOnce();
            assertFalse(p.ok(), "a 1,007 ms probe with a 1,000 ms timeout");
            assertEquals(LabEvent.ProbeFailure.TIMEOUT, p.failure());
            assertEquals(1_007_000, p.latencyUs());
            // the same probe within its deadline succeeds
            long[] fast = {0};
            ClientProber inTime = new ClientProber("127.0.0.1", good.getLocalPort(), 100, 1000, List.of("db1"), () -> 0, e -> { },
                    () -> fast[0] += 1_000_000);
            assertTrue(inTime.probeOnce().ok());
            server.join(2000);
        }
    }
}
