package org.viplab.core.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A topology holds 2 to 5 nodes; a file with more or fewer is refused at the "nodes" key's line. */
class NodeCountTest {
    private static String withNodes(int count) {
        Topology t = Presets.galera3();
        while (t.nodes.size() > count) t.nodes.remove(t.nodes.size() - 1);
        for (int i = t.nodes.size() + 1; i <= count; i++) {
            NodeSpec n = new NodeSpec("db" + i, "10.9.8." + (240 + i), "02:00:00:00:00:0" + i);
            t.nodes.add(n);
        }
        for (NodeSpec n : t.nodes) {
            n.haproxy = Presets.galera3().nodes.get(0).haproxy;
            n.haproxy.servers.removeIf(s -> t.node(s.node) == null);
        }
        return TopologyJson.toJson(t);
    }

    @Test
    void twoToFiveNodesAreAccepted() throws Exception {
        for (int n = 2; n <= 5; n++) {
            Topology t = TopologyFiles.parse("t.json", withNodes(n));
            assertEquals(n, t.nodes.size());
        }
    }

    @Test
    void sixOrOneNodeIsRefusedWithFileLineAndRange() {
        String six = withNodes(6);
        int line = (int) six.substring(0, six.indexOf("\"nodes\"")).chars().filter(c -> c == '\n').count() + 1;
        String m = assertThrows(TopologyFiles.TopologyFileException.class, () -> TopologyFiles.parse("t.json", six)).getMessage();
        assertTrue(m.startsWith("t.json:" + line + ":"), m);
        assertTrue(m.endsWith("nodes must list 2..5 hosts, got 6"), m);
        String one = withNodes(1);
        m = assertThrows(TopologyFiles.TopologyFileException.class, () -> TopologyFiles.parse("t.json", one)).getMessage();
        assertTrue(m.endsWith("nodes must list 2..5 hosts, got 1"), m);
    }

    @Test
    void clusterSettingsAndWeightsHaveRanges() {
        Topology t = Presets.galera3();
        t.node("db2").pcWeight = 256;
        t.cluster.memberExpelTimeoutSec = -1;
        var v = Limits.check(t).stream().map(Limits.Violation::message).toList();
        assertTrue(v.contains("db2.pcWeight must be 0..255, got 256"), v.toString());
        assertTrue(v.contains("cluster.memberExpelTimeoutSec must be 0..3600 s, got -1"), v.toString());
    }

    @Test
    void galera3IsAPresetOfThreeNodesWithPriorities150_100_50() {
        assertTrue(Presets.names().contains("galera3"));
        Topology t = Presets.byName("galera3");
        assertEquals(java.util.List.of(150, 100, 50), t.nodes.stream().map(n -> n.keepalived.priority).toList());
        assertTrue(t.nodes.stream().allMatch(n -> n.haproxy != null && n.haproxy.servers.size() == 3));
        assertEquals(Flavour.GALERA, t.flavour);
        assertTrue(TopologyJson.problems(t).isEmpty(), TopologyJson.problems(t).toString());
    }
}
