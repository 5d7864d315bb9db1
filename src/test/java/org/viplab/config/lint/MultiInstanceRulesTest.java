package org.viplab.config.lint;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;
import static org.viplab.config.lint.LintPair.instance;
import static org.viplab.config.lint.LintPair.of;

/**
 * The rules of issue 19, each triggered by one change to a clean pair and quiet without it: unicast peer lists,
 * notify scripts, sync groups, VRID clashes across nodes, VIPs that can part.
 */
class MultiInstanceRulesTest {
    @TempDir
    Path tmp;
    private LintPair pair;

    @BeforeEach
    void clean() {
        pair = new LintPair(tmp);
    }

    /** A second instance (write + read VIP) on both nodes, db1 preferred, as the two instances of a real pair. */
    private void readInstance(int db1Prio, int db2Prio, String db1Extra) {
        pair.append("db1", instance("VI_2", 52, db1Prio, "10.9.8.201", "10.9.8.223", "10.9.8.121", db1Extra));
        pair.append("db2", instance("VI_2", 52, db2Prio, "10.9.8.223", "10.9.8.201", "10.9.8.121", ""));
    }

    private static final String GROUP = "vrrp_sync_group VG {\n    group {\n        VI_1\n        VI_2\n    }\n}\n";

    @Test
    void theCleanPairHasNoFinding() throws Exception {
        assertEquals(List.of(), pair.lint());
        readInstance(100, 90, "");
        pair.append("db1", GROUP).append("db2", GROUP);
        assertEquals(List.of(), pair.lint(), "two instances in a sync group, unicast both ways");
    }

    @Test
    void aUnicastPeerTypoIsOneWayAdverts() throws Exception {
        pair.edit("db1", "        10.9.8.223\n", "        10.9.8.233\n");
        List<Finding> fs = of(pair.lint(), "unicast-peer-mismatch");
        assertEquals(1, fs.size(), fs.toString());
        Finding f = fs.get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("db1", f.node());
        assertEquals(pair.lineOf("db1", "keepalived.conf", "10.9.8.233"), f.pos().line());
        assertEquals("VI_1 on db1: unicast_peer lists 10.9.8.233, which is no other node's address; also, unicast_peer leaves out db2 (10.9.8.223)",
                f.message());
        assertTrue(f.why().contains("db2 (10.9.8.223) never hears db1"), f.why());
        assertTrue(f.fix().contains("10.9.8.223"), f.fix());
        assertTrue(f.message(Locale.SIMPLIFIED_CHINESE).contains("不是任何其他节点的地址"), f.message(Locale.SIMPLIFIED_CHINESE));
        clean();
        assertTrue(of(pair.lint(), "unicast-peer-mismatch").isEmpty());
    }

    @Test
    void unicastOnOneSideAndMulticastOnTheOther() throws Exception {
        pair.edit("db2", "unicast_peer {\n        10.9.8.201\n    }", "");
        Finding f = of(pair.lint(), "unicast-peer-mismatch").get(0);
        assertEquals("db1", f.node());
        assertTrue(f.message().contains("db2 runs it by multicast"), f.message());
    }

    @Test
    void aNotifyScriptThatAddsAnAddressWithoutLooking() throws Exception {
        String notify = "    notify_master \"/etc/keepalived/notify.sh MASTER\"\n";
        pair.edit("db1", "track_script {", notify + "track_script {").edit("db2", "track_script {", notify + "track_script {");
        pair.node("db1").put("notify.sh", "#!/bin/bash\nset -e\n# take the cloud address\nip addr add 10.9.8.130/24 dev eth0\nlogger master\n");
        pair.node("db2").put("notify.sh", "#!/bin/bash\nip addr show dev eth0 | grep -q 10.9.8.130 || ip addr add 10.9.8.130/24 dev eth0\n");
        List<Finding> fs = of(pair.lint(), "notify-not-idempotent");
        assertEquals(1, fs.size(), "db2 looks first: " + fs);
        Finding f = fs.get(0);
        assertEquals("db1", f.node());
        assertTrue(f.pos().file().endsWith("db1/notify.sh"), f.pos().toString());
        assertEquals(4, f.pos().line());
        assertEquals("notify_master of VI_1 runs \"ip addr add 10.9.8.130/24 dev eth0\" without checking first", f.message());
        assertTrue(f.fix().contains("ip addr replace"), f.fix());
        pair.node("db1").put("notify.sh", "#!/bin/bash\nip addr replace 10.9.8.130/24 dev eth0\niptables -C INPUT -p vrrp -j ACCEPT || iptables -A INPUT -p vrrp -j ACCEPT\n");
        assertTrue(of(pair.lint(), "notify-not-idempotent").isEmpty());
    }

    @Test
    void anInlineNotifyCommandIsReadToo() throws Exception {
        pair.edit("db1", "track_script {", "notify_master \"/sbin/iptables -I INPUT -p vrrp -j ACCEPT\"\ntrack_script {");
        Finding f = of(pair.lint(), "notify-not-idempotent").get(0);
        assertEquals(pair.lineOf("db1", "keepalived.conf", "notify_master"), f.pos().line());
    }

    @Test
    void notifyScriptsThatCannotRun() throws Exception {
        pair.edit("db1", "track_script {", "notify_backup /etc/keepalived/gone.sh\nnotify_fault \"/usr/local/bin/elsewhere.sh\"\ntrack_script {");
        pair.edit("db2", "track_script {", "notify_master \"/etc/keepalived/notify.sh MASTER\"\ntrack_script {");
        pair.node("db2").put("notify.sh", "#!/bin/bash\nlogger master\n");
        pair.notExecutable.put("db2", List.of("notify.sh"));
        List<Finding> fs = of(pair.lint(), "notify-script-not-runnable");
        assertEquals(2, fs.size(), "a script outside /etc/keepalived cannot be judged: " + fs);
        Finding missing = fs.stream().filter(f -> f.node().equals("db1")).findFirst().orElseThrow();
        assertTrue(missing.message().startsWith("notify_backup of VI_1 runs /etc/keepalived/gone.sh, which is not in "), missing.message());
        assertEquals(pair.lineOf("db1", "keepalived.conf", "gone.sh"), missing.pos().line());
        Finding exec = fs.stream().filter(f -> f.node().equals("db2")).findFirst().orElseThrow();
        assertTrue(exec.message().endsWith("which is not executable"), exec.message());
        assertTrue(exec.fix().contains("chmod 755 /etc/keepalived/notify.sh"), exec.fix());
        // executable, or run through an interpreter: fine
        pair.notExecutable.clear();
        pair.edit("db1", "notify_backup /etc/keepalived/gone.sh\n", "");
        assertTrue(of(pair.lint(), "notify-script-not-runnable").isEmpty());
        pair.notExecutable.put("db2", List.of("notify.sh"));
        pair.edit("db2", "\"/etc/keepalived/notify.sh MASTER\"", "\"/bin/bash /etc/keepalived/notify.sh MASTER\"");
        assertTrue(of(pair.lint(), "notify-script-not-runnable").isEmpty());
    }

    @Test
    void aSyncGroupMixingAdvertIntervals() throws Exception {
        readInstance(100, 90, "");
        pair.append("db1", GROUP).append("db2", GROUP);
        pair.edit("db1", "virtual_router_id 52\n    priority 100\n    advert_int 1",
                "virtual_router_id 52\n    priority 100\n    advert_int 3");
        List<Finding> fs = pair.lint();
        Finding f = of(fs, "sync-group-advert-int").get(0);
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("vrrp_sync_group VG mixes advert_int 1 s (VI_1) and 3 s (VI_2)", f.message());
        assertEquals(pair.lineOf("db1", "keepalived.conf", "advert_int 3"), f.pos().line());
        assertEquals(1, of(fs, "sync-group-advert-int").size(), "db2's group is uniform");
        clean();
        readInstance(100, 90, "");
        pair.append("db1", GROUP).append("db2", GROUP);
        assertTrue(of(pair.lint(), "sync-group-advert-int").isEmpty());
    }

    @Test
    void twoVipsThatCanPartWithoutASyncGroup() throws Exception {
        readInstance(100, 90, "");
        List<Finding> fs = of(pair.lint(), "vips-without-sync-group");
        assertEquals(1, fs.size(), "once, on the node both start on: " + fs);
        Finding f = fs.get(0);
        assertEquals("db1", f.node());
        assertEquals("VI_1 ([10.9.8.120]) and VI_2 ([10.9.8.121]) both start on db1 but share no vrrp_sync_group", f.message());
        assertEquals(pair.lineOf("db1", "keepalived.conf", "vrrp_instance VI_2"), f.pos().line());
        // in a group: fine
        pair.append("db1", GROUP).append("db2", GROUP);
        assertTrue(of(pair.lint(), "vips-without-sync-group").isEmpty());
        // a read VIP deliberately kept on the other node: fine
        clean();
        readInstance(90, 100, "");
        assertTrue(of(pair.lint(), "vips-without-sync-group").isEmpty());
    }

    @Test
    void oneVridWithAnotherVipAcrossNodes() throws Exception {
        readInstance(100, 90, "");
        pair.append("db1", GROUP).append("db2", GROUP);
        // db2's read instance took the write instance's VRID
        pair.edit("db2", "virtual_router_id 52", "virtual_router_id 51");
        List<Finding> fs = pair.lint();
        List<Finding> clash = of(fs, "vrid-clash");
        assertEquals(1, clash.size(), fs.toString());
        Finding f = clash.get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("db2", f.node());
        assertEquals("virtual_router_id 51 of VI_2 on db2 is also used by VI_1 on db1, with other VIPs ([10.9.8.120] against [10.9.8.121])",
                f.message());
        // the why is the simulator's model (ForeignRouterTest): keepalived 2.2.7 logs the missing VIP and drops the advert
        assertTrue(f.why().contains("keepalived 2.2.7") && f.why().contains("not present in MASTER advert") && f.why().contains("dropped"), f.why());
        assertTrue(f.why(java.util.Locale.SIMPLIFIED_CHINESE).contains("2.2.7") && f.why(java.util.Locale.SIMPLIFIED_CHINESE).contains("丢弃"));
        String k = pair.node("db2").get("keepalived.conf");
        assertEquals(k.substring(0, k.lastIndexOf("virtual_router_id 51")).split("\n", -1).length, f.pos().line(), "at VI_2's VRID");
        // db2 also reuses 51 on one interface, and VI_2's VRID differs between the nodes: both rules still speak
        assertFalse(of(fs, "vrid-reused").isEmpty());
        assertTrue(of(fs, "vrrp-mismatch").stream().anyMatch(m -> m.message().equals("instance VI_2: virtual_router_id differs: 52 on db1, 51 on db2")),
                fs.toString());
        pair.edit("db2", "vrrp_instance VI_2 {\n    state BACKUP\n    nopreempt\n    interface eth0\n    virtual_router_id 51",
                "vrrp_instance VI_2 {\n    state BACKUP\n    nopreempt\n    interface eth0\n    virtual_router_id 52");
        assertEquals(List.of(), pair.lint());
    }

    @Test
    void aThirdNodeMissingFromThePeerLists() throws Exception {
        java.util.Map<String, String> db3 = new java.util.LinkedHashMap<>(pair.node("db2"));
        db3.put("keepalived.conf", LintPair.GLOBAL.formatted("db3")
                + instance("VI_1", 51, 50, "10.9.8.224", "10.9.8.201\n        10.9.8.223", "10.9.8.120", ""));
        pair.files.put("db3", db3);
        List<Finding> fs = of(pair.lint(), "unicast-peer-mismatch");
        assertEquals(List.of("db1", "db2"), fs.stream().map(Finding::node).toList(), fs.toString());
        assertEquals("VI_1 on db1: unicast_peer leaves out db3 (10.9.8.224)", fs.get(0).message());
        pair.edit("db1", "        10.9.8.223\n", "        10.9.8.223\n        10.9.8.224\n");
        pair.edit("db2", "        10.9.8.201\n", "        10.9.8.201\n        10.9.8.224\n");
        assertTrue(of(pair.lint(), "unicast-peer-mismatch").isEmpty());
    }

    @Test
    void oneVridOnAnotherInterfaceIsAnotherNetwork() throws Exception {
        readInstance(100, 90, "");
        pair.append("db1", GROUP).append("db2", GROUP);
        for (String n : List.of("db1", "db2")) {
            pair.edit(n, "vrrp_instance VI_2 {\n    state BACKUP\n    nopreempt\n    interface eth0\n    virtual_router_id 52",
                    "vrrp_instance VI_2 {\n    state BACKUP\n    nopreempt\n    interface eth1\n    virtual_router_id 51");
        }
        assertEquals(List.of(), pair.lint(), "VRID 51 on eth0 and on eth1 of both nodes: two segments, no clash");
        // db2 puts its VI_2 on eth0: now it shares VI_1's segment and VRID
        pair.edit("db2", "interface eth1", "interface eth0");
        assertFalse(of(pair.lint(), "vrid-clash").isEmpty());
    }

    @Test
    void everyNewRuleReadsChinese() throws Exception {
        readInstance(100, 90, "");
        pair.append("db1", GROUP).append("db2", GROUP);
        pair.edit("db1", "virtual_router_id 52\n    priority 100\n    advert_int 1", "virtual_router_id 52\n    priority 100\n    advert_int 2");
        pair.edit("db1", "        10.9.8.223\n", "        10.9.8.233\n");
        pair.append("db1", instance("VI_3", 53, 100, "10.9.8.201", "10.9.8.223", "10.9.8.122",
                "notify_master \"/sbin/ip addr add 10.9.8.130/24 dev eth0\"\n    notify_fault /etc/keepalived/gone.sh"));
        pair.append("db2", instance("VI_4", 51, 90, "10.9.8.223", "10.9.8.201", "10.9.8.123", ""));
        List<Finding> fs = pair.lint();
        java.util.Set<String> rules = new java.util.TreeSet<>(LintPair.rules(fs));
        assertTrue(rules.containsAll(List.of("unicast-peer-mismatch", "sync-group-advert-int", "vips-without-sync-group", "vrid-clash",
                "notify-not-idempotent", "notify-script-not-runnable")), rules.toString());
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        for (Finding f : fs) {
            for (String t : List.of(f.message(zh), f.why(zh), f.fix(zh))) {
                assertTrue(org.viplab.testing.EnglishText.hasChinese(t), f.rule() + ": " + t);
                assertEquals(List.of(), org.viplab.testing.EnglishText.phrases(t), f.rule() + " reads English: " + t);
            }
        }
    }
}
