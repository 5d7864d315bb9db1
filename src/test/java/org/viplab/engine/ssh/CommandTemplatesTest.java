package org.viplab.engine.ssh;

import org.viplab.lab.hosts.Inventory;
import org.junit.jupiter.api.Test;
import org.viplab.lab.Verb;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandTemplatesTest {
    static Inventory.Host host(String services, boolean sudo) {
        Inventory.Host h = new Inventory.Host();
        h.name = "db1";
        h.address = "10.9.8.201";
        h.services = services;
        h.sudo = sudo;
        return h;
    }

    @Test
    void sysvSystemdAndSudo() {
        assertEquals("service mysql stop", new CommandTemplates(host("sysv", false)).process(Verb.STOP, ProcessKind.MYSQLD));
        assertEquals("sudo -n systemctl start keepalived", new CommandTemplates(host("systemd", true)).process(Verb.START, ProcessKind.KEEPALIVED));
        Inventory.Host h = host("systemd", false);
        h.serviceNames.put("mysqld", "mariadb");
        assertEquals("systemctl restart mariadb", new CommandTemplates(h).process(Verb.RESTART, ProcessKind.MYSQLD));
    }

    @Test
    void killHitsEveryProcessOfTheName() {
        String kill = new CommandTemplates(host("sysv", false)).process(Verb.KILL, ProcessKind.KEEPALIVED);
        assertEquals("pkill -9 -x keepalived", kill);
        // pkill -x matches its pattern whole, as ^(mysqld|mariadbd)$: one command for both names
        String hang = new CommandTemplates(host("sysv", true)).process(Verb.HANG, ProcessKind.MYSQLD);
        assertEquals("sudo -n pkill -STOP -x 'mysqld|mariadbd'", hang);
        assertEquals("pgrep -x 'mysqld|mariadbd' >/dev/null || { service mysql start\n}",
                new CommandTemplates(host("sysv", false)).ensureRunning(ProcessKind.MYSQLD));
    }

    @Test
    void customCommandsAndMissingOnes() {
        Inventory.Host h = host("custom", false);
        h.commands.put("stop mysqld", "kill -TERM $(pidof mysqld)");
        CommandTemplates c = new CommandTemplates(h);
        assertEquals("kill -TERM $(pidof mysqld)", c.process(Verb.STOP, ProcessKind.MYSQLD));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> c.process(Verb.START, ProcessKind.MYSQLD));
        assertTrue(e.getMessage().contains("start mysqld"));
    }

    @Test
    void argumentsAreQuoted() {
        Inventory.Host h = host("sysv", false);
        h.serviceNames.put("haproxy", "ha proxy;rm -rf /");
        assertEquals("service 'ha proxy;rm -rf /' stop", new CommandTemplates(h).process(Verb.STOP, ProcessKind.HAPROXY));
        assertEquals("'it'\"'\"'s'", Shell.quote("it's"), "shlex.quote's form");
        assertEquals("''", Shell.quote(""), "an empty word stays a word");
    }

    @Test
    void firewallCutsAndTheirAbsence() {
        CommandTemplates c = new CommandTemplates(host("sysv", false));
        assertEquals("iptables -I INPUT -s 10.9.8.223 -p 112 -m comment --comment viplab -j DROP", c.drop(true, "iptables", "10.9.8.223", true));
        assertEquals("iptables -D INPUT -s 10.9.8.223 -p 112 -m comment --comment viplab -j DROP", c.drop(false, "iptables", "10.9.8.223", true));
        assertTrue(c.drop(true, "nft", "10.9.8.223", true).contains("ip saddr 10.9.8.223 ip protocol vrrp drop"));
        assertThrows(UnsupportedOperationException.class, () -> c.drop(true, "none", "10.9.8.223", true));
        assertEquals("nohup sh -c 'ip link set \"$1\" down; sleep \"$2\"; ip link set \"$1\" up' sh eth0 30 >/dev/null 2>&1 &", c.link(true, 30));
        assertThrows(IllegalArgumentException.class, () -> c.drop(true, "iptables", "10.9.8.223;reboot", true), "only an IP literal is a source");
    }

    @Test
    void processWatcherStates() {
        assertEquals(ProcessState.RUNNING, HostObserver.state("Sl,"));
        assertEquals(ProcessState.HUNG, HostObserver.state("Tl,"));
        assertEquals(ProcessState.HUNG, HostObserver.state("T,T,"));
        assertEquals(ProcessState.RUNNING, HostObserver.state("T,S,"));
        assertEquals(ProcessState.STOPPED, HostObserver.state(""));
        assertEquals(ProcessState.STOPPED, HostObserver.state("Z,"));
        var m = HostObserver.parsePs("1795613284.123456 m=Sl, h= k=Ss,S,");
        assertEquals(ProcessState.RUNNING, m.get(ProcessKind.MYSQLD));
        assertEquals(ProcessState.STOPPED, m.get(ProcessKind.HAPROXY));
        assertEquals(ProcessState.RUNNING, m.get(ProcessKind.KEEPALIVED));
        assertEquals(1795613284123456L, HostObserver.psEpochUs("1795613284.123456 m=Sl, h= k=Ss,S,"));
    }
}
