package org.viplab.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Beyond one instance: what the parser keeps (with file:line) for lint, where the simulator has no field yet. */
class MultiInstanceParseTest {
    private static final String CONF = """
            global_defs {
                router_id db1
                vrrp_garp_master_refresh 60
                vrrp_lower_prio_no_advert
            }
            vrrp_sync_group VG_DB {
                group {
                    VI_WRITE
                    VI_READ
                }
                notify_master "/etc/keepalived/notify.sh MASTER"
                notify "/etc/keepalived/notify_all.sh"
            }
            vrrp_instance VI_WRITE {   # the write VIP
                state BACKUP
                interface eth0
                virtual_router_id 51
                priority 150
                unicast_src_ip 10.0.0.11
                unicast_peer {
                    10.0.0.12
                    10.0.0.13   ! a third box
                }
                track_interface {
                    eth0 weight -30
                    eth1
                }
                notify_backup "/etc/keepalived/notify.sh BACKUP"
                notify_fault /etc/keepalived/notify.sh FAULT
                notify_fifo /run/keepalived.fifo
                garp_master_refresh 30
                lower_prio_no_advert off
                virtual_ipaddress {
                    10.0.0.100/24 dev eth0
                }
            }
            vrrp_instance VI_READ {
                interface eth0
                virtual_router_id 52
                virtual_ipaddress {
                    10.0.0.101/24 dev eth0
                }
            }
            virtual_server 10.0.0.101 3306 {
                delay_loop 6
                real_server 10.0.0.11 3306 {
                    TCP_CHECK {
                        connect_timeout 3
                    }
                }
            }
            """;

    @Test
    void everythingIsKeptWithItsLine() throws Exception {
        KeepalivedConf k = KeepalivedParser.parse(CONF, "k.conf");
        assertEquals(List.of("VI_WRITE", "VI_READ"), k.instances.stream().map(i -> i.name).toList());
        assertEquals(60.0, k.global.garpMasterRefresh.value());
        assertEquals(3, k.global.garpMasterRefresh.pos().line());
        assertTrue(k.global.lowerPrioNoAdvert.value());

        KeepalivedConf.SyncGroup g = k.syncGroups.get(0);
        assertEquals(List.of("VI_WRITE", "VI_READ"), g.group.stream().map(KeepalivedConf.Val::value).toList());
        assertEquals(9, g.group.get(1).pos().line());
        assertEquals("/etc/keepalived/notify.sh MASTER", g.notify.get("notify_master").value());
        assertEquals(11, g.notify.get("notify_master").pos().line());
        assertSame(g, k.groupOf("VI_READ"));

        KeepalivedConf.VrrpInstance w = k.instance("VI_WRITE");
        assertEquals("10.0.0.11", w.unicastSrcIp.value());
        assertEquals(List.of("10.0.0.12", "10.0.0.13"), w.unicastPeers.stream().map(KeepalivedConf.Val::value).toList());
        assertEquals(22, w.unicastPeers.get(1).pos().line());
        assertEquals(-30, w.trackInterfaces.get(0).weight());
        assertEquals(25, w.trackInterfaces.get(0).pos().line());
        assertNull(w.trackInterfaces.get(1).weight());
        assertEquals("/etc/keepalived/notify.sh FAULT", w.notify.get("notify_fault").value());
        assertEquals(29, w.notify.get("notify_fault").pos().line());
        assertFalse(w.notify.containsKey("notify_fifo"), "a FIFO is not a script");
        assertEquals(30.0, w.garp.get("garp_master_refresh").value());
        assertFalse(w.lowerPrioNoAdvert.value());
        assertEquals(32, w.lowerPrioNoAdvert.pos().line());
        assertEquals(java.util.Set.of("10.0.0.101"), k.instance("VI_READ").vipSet());
        // the LVS block is kept in the statement tree and noted, never an error
        assertTrue(k.statements.stream().anyMatch(s -> s.keyword.equals("virtual_server") && s.child("real_server") != null));
        assertTrue(k.notes.stream().anyMatch(n -> n.pos().line() == 44 && n.message().contains("virtual_server")), k.notes.toString());
    }

    @Test
    void aFlagWithAWrongValueNamesItsLine() {
        ConfigParseException e = assertThrows(ConfigParseException.class, () -> KeepalivedParser.parse(
                "vrrp_instance V {\n lower_prio_no_advert maybe\n}\n", "k.conf"));
        assertEquals(2, e.pos().line());
        assertTrue(e.getMessage().contains("maybe"), e.getMessage());
    }
}
