package org.viplab.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viplab.core.model.ForeignRouterSpec;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyJson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A keepalived.conf of a router that is none of the nodes: its instances on the segment's interface become foreign
 * routers with the values written; the others are left out with a note; what the simulator cannot run is refused
 * at its file:line.
 */
class ForeignImportTest {
    static final Path SAMPLE = Path.of("samples/configs/foreign/keepalived.conf");

    @TempDir
    Path dir;

    private static Topology mode1() throws ConfigParseException {
        Map<String, Path> m = new LinkedHashMap<>();
        m.put("db1", Path.of("samples/configs/mode1/db1"));
        m.put("db2", Path.of("samples/configs/mode1/db2"));
        return ConfigImporter.importNodes(m).topology();
    }

    @Test
    void theSampleBecomesOneForeignRouterOnTheSegment() throws Exception {
        Topology t = mode1();
        assertNull(t.foreignRouters, "no --foreign: none");
        List<Note> notes = new ArrayList<>();
        ForeignImport.add(t, SAMPLE, notes);
        assertEquals(1, t.foreignRouters.size());
        ForeignRouterSpec f = t.foreignRouters.get(0);
        assertEquals("10.9.8.77", f.ip);
        assertEquals(51, f.vrid);
        assertEquals(120, f.priority);
        assertEquals(1.0, f.advertInt);
        assertEquals("1111", f.authPass);
        assertEquals(List.of("10.9.8.150"), f.vips);
        assertEquals(0.0, f.fromSec);
        // VI_BACK on ens34 never reaches the nodes on ens33
        Note left = notes.stream().filter(n -> n.message().contains("VI_BACK")).findFirst().orElseThrow();
        assertTrue(left.pos().toString().endsWith("keepalived.conf:27:1"), left.toString());
        assertTrue(left.message().contains("ens34") && left.message().contains("ens33"), left.message());
        assertTrue(left.message(Locale.SIMPLIFIED_CHINESE).contains("已略去"), left.message(Locale.SIMPLIFIED_CHINESE));
        assertEquals(List.of(), TopologyJson.problems(t));
        // and it reads back from the topology JSON
        assertEquals(List.of("10.9.8.150"), TopologyJson.fromJson(TopologyJson.toJson(t)).foreignRouters.get(0).vips);
    }

    @Test
    void withoutASourceAddressAFreeOneIsAssumedWithANote() throws Exception {
        Path f = write("""
                vrrp_instance CLONE {
                    interface ens33
                    virtual_router_id 51
                    priority 150
                    virtual_ipaddress {
                        10.9.8.120
                    }
                }
                """);
        Topology t = mode1();
        List<Note> notes = new ArrayList<>();
        ForeignImport.add(t, f, notes);
        ForeignImport.add(t, f, notes);
        assertEquals("10.9.8.77", t.foreignRouters.get(0).ip);
        assertEquals("10.9.8.78", t.foreignRouters.get(1).ip, "a second router takes the next free address");
        assertNull(t.foreignRouters.get(0).authPass, "no authentication block");
        assertEquals(100, new ForeignRouterSpec().priority);
        assertEquals(150, t.foreignRouters.get(0).priority);
        assertTrue(notes.stream().anyMatch(n -> n.message().contains("10.9.8.77 assumed") && n.pos().line() == 1), notes.toString());
    }

    @Test
    void badInputIsRefusedAtItsLine() throws Exception {
        assertRefused("""
                vrrp_instance X {
                    interface ens33
                    virtual_router_id 51
                    advert_int 0.5
                }
                """, ":4:", "foreignRouters.0.advertInt must be 1..255 s, got 0.5");
        assertRefused("""
                vrrp_instance X {
                    interface ens33
                    priority 120
                }
                """, ":1:", "has no virtual_router_id");
        assertRefused("""
                vrrp_instance X {
                    interface ens33
                    mcast_src_ip 10.9.8.201
                    virtual_router_id 51
                }
                """, ":3:", "10.9.8.201 is one of the nodes' addresses");
        assertRefused("""
                vrrp_instance X {
                    interface ens34
                    virtual_router_id 51
                }
                """, ":1:1", "no vrrp_instance on the segment's interface ens33");
        assertRefused("""
                vrrp_instance X {
                    interface ens33
                    virtual_router_id 51
                    priority
                }
                """, ":4:", "");
        ConfigParseException e = assertThrows(ConfigParseException.class, () -> ForeignImport.add(mode1(), dir.resolve("missing.conf"), new ArrayList<>()));
        assertTrue(e.message(Locale.ENGLISH).endsWith("missing.conf:1:1: --foreign: no such file (the keepalived.conf of a foreign router)"), e.message(Locale.ENGLISH));
        assertTrue(e.message(Locale.SIMPLIFIED_CHINESE).contains("没有这个文件"), e.message(Locale.SIMPLIFIED_CHINESE));
    }

    private void assertRefused(String text, String at, String why) throws Exception {
        Path f = write(text);
        Topology t = mode1();
        ConfigParseException e = assertThrows(ConfigParseException.class, () -> ForeignImport.add(t, f, new ArrayList<>()), text);
        String msg = e.message(Locale.ENGLISH);
        assertTrue(msg.startsWith(f + at), msg);
        assertTrue(msg.contains(why), msg);
    }

    private Path write(String text) throws Exception {
        Path f = Files.createTempFile(dir, "foreign", ".conf");
        Files.writeString(f, text);
        return f;
    }
}
