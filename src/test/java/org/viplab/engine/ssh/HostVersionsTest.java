package org.viplab.engine.ssh;

import org.junit.jupiter.api.Test;
import org.viplab.drill.Provenance;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostVersionsTest {
    @Test
    void readsWhatAHostSaysAndBoundsIt() {
        String out = "os=Debian GNU/Linux 12 (bookworm)\nkernel=6.1.0-40-amd64\nkeepalived=Keepalived v2.2.7 (01/16,2022)\n"
                + "haproxy=HAProxy version 2.6.12-1+deb12u4 2026/10/17 - https://haproxy.org/\nmariadb=\nevil=\u001b[31mx\n"
                + "kernel=" + "k".repeat(500) + "\nload=0.20 0.41 0.95\ncpus=2\n";
        Map<String, String> v = HostVersions.parse(out);
        assertEquals("Debian GNU/Linux 12 (bookworm)", v.get("os"));
        assertEquals("Keepalived v2.2.7 (01/16,2022)", v.get("keepalived"));
        assertEquals("unknown", v.get("mariadb"), "nothing printed: unknown");
        assertEquals("0.20 0.41 0.95", v.get("load"));
        assertEquals("2", v.get("cpus"));
        assertTrue(v.get("kernel").length() <= HostVersions.MAX_VALUE + 1, "bounded");
        assertEquals(HostVersions.KEYS, v.keySet().stream().toList(), "only the known keys, in order");
    }

    /** The keys are the report's list; the command must ask the host for each of them. */
    @Test
    void theEngineAsksForEveryKeyTheReportShows() {
        for (String k : Provenance.Host.KEYS) assertTrue(HostVersions.COMMAND.contains("echo \"" + k + "="), k);
    }
}
