package org.viplab.config.lint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viplab.config.ConfigImporter;
import org.viplab.config.ConfigRenderer;
import org.viplab.config.KeepalivedConf;
import org.viplab.config.NodeConfig;
import org.viplab.config.TopologyEquivalence;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyJson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * samples/configs/realworld: two instances (write and read VIP) in a sync group, unicast, notify scripts,
 * track_interface, an LVS virtual_server block and haproxy with a listen stats in mode http. Lint finds the one real
 * problem (db1's notify script appends an iptables rule on every run) and nothing else.
 */
class RealWorldSampleTest {
    @TempDir
    Path tmp;

    static Map<String, Path> sample(Path root) {
        Map<String, Path> m = new LinkedHashMap<>();
        m.put("db1", root.resolve("db1"));
        m.put("db2", root.resolve("db2"));
        return m;
    }

    private static final Path SAMPLE = Path.of("samples/configs/realworld");

    @Test
    void lintFindsTheRealProblemAndNoFalsePositive() throws Exception {
        Lint.Report r = Lint.report(sample(SAMPLE));
        List<Finding> fs = r.findings();
        // the one real problem, and the failover budget every config gets (keepalived dying silently on db1)
        assertEquals(List.of("notify-not-idempotent", "failover-budget-silent"), LintPair.rules(fs), fs.toString());
        Finding f = fs.get(0);
        assertEquals("db1", f.node());
        assertEquals("samples/configs/realworld/db1/notify.sh", f.pos().file());
        assertEquals(8, f.pos().line());
        assertTrue(f.message().contains("iptables -A INPUT -d 10.9.8.121"), f.message());
        assertFalse(r.hasErrors(), "no haproxy-not-tcp for the stats page, nothing from the LVS block or the comments");
    }

    @Test
    void theImportKeepsEveryInstanceAndTheClientUsesTheWriteVip() throws Exception {
        ConfigImporter.Result r = ConfigImporter.importNodes(sample(SAMPLE));
        Topology t = r.topology();
        assertEquals("10.9.8.120", t.vip);
        assertEquals(3307, t.clientPort, "haproxy's client frontend, not the stats page on 8404");
        assertEquals("VI_WRITE", t.node("db1").keepalived.instance);
        assertEquals(150, t.node("db1").keepalived.priority);
        assertEquals("10.9.8.223", t.node("db2").ip, "from unicast_src_ip");
        assertTrue(TopologyJson.problems(t).isEmpty(), TopologyJson.problems(t).toString());
        assertTrue(r.notes().stream().anyMatch(n -> n.message().equals(
                "vrrp_sync_group VG_DB read (members VI_WRITE, VI_READ); the simulator moves its members together as keepalived does; lint checks it")),
                r.notes().toString());

        NodeConfig db1 = r.nodes().get(0);
        KeepalivedConf k = db1.keepalived;
        assertEquals(List.of("VI_WRITE", "VI_READ"), k.instances.stream().map(i -> i.name).toList());
        assertEquals(List.of("VI_WRITE", "VI_READ"), k.syncGroups.get(0).group.stream().map(KeepalivedConf.Val::value).toList());
        assertEquals(3, k.syncGroups.get(0).notify.size());
        assertEquals(60.0, k.global.garpMasterRefresh.value());
        assertTrue(k.instance("VI_READ").lowerPrioNoAdvert.value());
        assertEquals(-60, k.instance("VI_WRITE").trackInterfaces.get(0).weight());
        assertEquals(List.of("10.9.8.223"), k.instance("VI_READ").unicastPeers.stream().map(KeepalivedConf.Val::value).toList());
        // the group's three notify keywords and the instance's notify, each with the file found in the folder
        assertEquals(4, db1.notifyScripts.size());
        assertTrue(db1.notifyScripts.stream().allMatch(n -> n.file() != null && n.executable()), db1.notifyScripts.toString());
    }

    @Test
    void renderRoundTripsWhatTheModelHolds() throws Exception {
        Topology t = ConfigImporter.importNodes(sample(SAMPLE)).topology();
        Map<String, Path> dirs = ConfigRenderer.write(t, tmp.resolve("out"));
        Topology back = ConfigImporter.importNodes(dirs).topology();
        assertEquals(List.of(), TopologyEquivalence.differences(t, back));
        assertEquals(List.of(), Lint.run(ConfigImporter.importNodes(dirs), false).stream()
                .filter(f -> f.severity() == Severity.ERROR).toList(), "the rendered files lint without errors");
    }

    @Test
    void aUnicastTypoInTheSampleIsCaught() throws Exception {
        Path copy = tmp.resolve("copy");
        for (String n : List.of("db1", "db2")) {
            Files.createDirectories(copy.resolve(n));
            try (Stream<Path> s = Files.list(SAMPLE.resolve(n))) {
                for (Path p : s.toList()) Files.copy(p, copy.resolve(n).resolve(p.getFileName()), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Path k = copy.resolve("db2/keepalived.conf");
        String text = Files.readString(k);
        int read = text.indexOf("vrrp_instance VI_READ");
        Files.writeString(k, text.substring(0, read) + text.substring(read).replaceFirst("        10\\.9\\.8\\.201\n", "        10.9.8.210\n"));
        List<Finding> fs = Lint.run(sample(copy));
        Finding f = LintPair.of(fs, "unicast-peer-mismatch").get(0);
        assertEquals("VI_READ on db2: unicast_peer lists 10.9.8.210, which is no other node's address; also, unicast_peer leaves out db1 (10.9.8.201)",
                f.message());
        assertEquals(List.of("unicast-peer-mismatch", "notify-not-idempotent", "failover-budget-silent"), LintPair.rules(fs));
    }
}
