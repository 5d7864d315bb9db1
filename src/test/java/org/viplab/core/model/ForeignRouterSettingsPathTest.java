package org.viplab.core.model;

import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A drill's "set" reaches the foreign routers by the same paths the settings form names them with. */
class ForeignRouterSettingsPathTest {
    @Test
    void aRoutersFieldsAreSetByPath() {
        Topology t = new SettingPaths(Presets.mode1())
                .set("foreignRouters", JsonParser.parseString("[{\"ip\": \"10.9.8.77\", \"vrid\": 51, \"priority\": 120, \"vips\": [\"10.9.8.150\"]}]"))
                .build();
        Topology edited = new SettingPaths(t)
                .set("foreignRouters.0.priority", new JsonPrimitive(130))
                .set("foreignRouters.0.fromSec", new JsonPrimitive(5))
                .set("foreignRouters.0.vips", JsonParser.parseString("[\"10.9.8.120\"]"))
                .build();
        ForeignRouterSpec f = edited.foreignRouters.get(0);
        assertEquals(130, f.priority);
        assertEquals(5.0, f.fromSec);
        assertEquals(List.of("10.9.8.120"), f.vips);
        assertEquals(List.of(), TopologyJson.problems(edited));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> new SettingPaths(Presets.mode1()).set("foreignRouters.0.priority", new JsonPrimitive(130)));
        assertTrue(none.getMessage().contains("no such setting foreignRouters.0.priority"), none.getMessage());
    }

    @Test
    void aNewRoutersAddressIsFreeOnTheNodesSegment() {
        Topology t = Presets.mode1();
        assertEquals("10.9.8.77", ForeignRouterSpec.freeAddress(t));
        t.foreignRouters = new java.util.ArrayList<>(List.of(new ForeignRouterSpec()));
        assertEquals("10.9.8.78", ForeignRouterSpec.freeAddress(t));
        for (NodeSpec n : t.nodes) n.ip = n.ip.replace("10.9.8.", "192.168.7.");
        assertEquals("192.168.7.77", ForeignRouterSpec.freeAddress(t));
    }

    @Test
    void aVipThatIsNoAddressIsAProblem() {
        Topology t = Presets.mode1();
        ForeignRouterSpec f = new ForeignRouterSpec();
        f.vips = new java.util.ArrayList<>(List.of("10.9.8.150", "db1"));
        t.foreignRouters = new java.util.ArrayList<>(List.of(f));
        assertEquals(List.of("foreignRouters.0: a VIP is not an IPv4 address: db1"), TopologyJson.problems(t));
    }
}
