package org.viplab.core.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several instances per node in the topology model: compatible JSON, round trips, and the checks. */
class InstanceModelTest {

    @Test
    void aSingleInstanceTopologyWritesNoneOfTheNewFields() {
        String json = TopologyJson.toJson(Presets.mode1());
        for (String f : List.of("moreInstances", "syncGroups", "unicastPeers", "notify", "lowerPrioNoAdvert", "garpMasterRefreshSec",
                "trackInterfaceWeight")) {
            assertFalse(json.contains("\"" + f + "\""), f);
        }
    }

    @Test
    void anOldTopologyFileReadsAsOneInstance() {
        Topology t = TopologyJson.fromJson("{\"mode\":\"DB_TRACKING\",\"nodes\":[{\"name\":\"db1\",\"ip\":\"10.9.8.201\",\"keepalived\":{\"priority\":100}},"
                + "{\"name\":\"db2\",\"ip\":\"10.9.8.223\",\"keepalived\":{\"priority\":90}}]}");
        assertEquals(1, t.node("db1").keepalived.instances().size());
        assertNull(t.node("db1").keepalived.syncGroupOf("VI_1"));
        assertTrue(TopologyJson.problems(t).isEmpty(), TopologyJson.problems(t).toString());
    }

    @Test
    void theReadWritePresetRoundTripsThroughJson() {
        Topology t = TopologyJson.copy(Presets.readWrite());
        KeepalivedSpec k = t.node("db2").keepalived;
        assertEquals(List.of("VI_WRITE", "VI_READ"), k.instances().stream().map(i -> i.instance).toList());
        assertEquals(List.of(Presets.READ_VIP), k.moreInstances.get(0).vips);
        assertEquals("VG_DB", k.syncGroupOf("VI_READ").name);
        assertTrue(TopologyJson.problems(t).isEmpty(), TopologyJson.problems(t).toString());
        assertEquals(TopologyJson.toJson(t), TopologyJson.toJson(TopologyJson.copy(t)), "a second trip changes nothing");
    }

    @Test
    void aReusedVridAnUnknownMemberAndAnInstanceInTwoGroupsAreProblems() {
        Topology t = Presets.readWrite();
        KeepalivedSpec k = t.node("db1").keepalived;
        k.moreInstances.get(0).virtualRouterId = 51;
        k.syncGroups.get(0).members.add("VI_TYPO");
        k.syncGroups.add(new SyncGroupSpec("VG_2", List.of("VI_READ")));
        List<String> p = TopologyJson.problems(t);
        assertTrue(p.contains("node db1: VRRP instance VI_READ reuses virtual_router_id 51"), p.toString());
        assertTrue(p.contains("node db1: sync group VG_DB names unknown instance VI_TYPO"), p.toString());
        assertTrue(p.contains("node db1: instance VI_READ is in two sync groups"), p.toString());
        assertEquals(3, p.size(), p.toString());
    }
}
