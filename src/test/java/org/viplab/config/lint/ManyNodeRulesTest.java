package org.viplab.config.lint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;
import static org.viplab.config.lint.LintPair.instance;
import static org.viplab.config.lint.LintPair.of;

/**
 * The rules that compare nodes, on three and four nodes: every pair of nodes is compared (not only the first two, or
 * each node with the first other one), and one wrong setting is one finding, at the line of the node that differs
 * from the others, naming the nodes on both sides.
 */
class ManyNodeRulesTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    @TempDir
    Path tmp;

    private LintPair nodes(int n) { return new LintPair(tmp.resolve("n" + n), n); }

    @Test
    void cleanSetsOfThreeAndFourNodesHaveNoFinding() throws Exception {
        assertEquals(List.of(), nodes(3).lint());
        assertEquals(List.of(), nodes(4).lint());
    }

    @Test
    void aThirdNodeWithAnotherVridIsOneFindingAtItsOwnLine() throws Exception {
        LintPair p = nodes(3).edit("db3", "virtual_router_id 51", "virtual_router_id 52");
        List<Finding> fs = p.lint();
        assertEquals(List.of("vrrp-mismatch"), LintPair.rules(fs), "said once, not once for db1 and once for db2: " + fs);
        Finding f = fs.get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("db3", f.node());
        assertTrue(f.pos().file().endsWith("db3/keepalived.conf"), f.pos().toString());
        assertEquals(p.lineOf("db3", "keepalived.conf", "virtual_router_id 52"), f.pos().line());
        assertEquals("virtual_router_id differs: 51 on db1 and db2, 52 on db3", f.message());
        assertEquals("use the same virtual_router_id on db1, db2 and db3", f.fix());
        assertEquals("virtual_router_id 不一致：db1 和 db2 上为 51，db3 上为 52", f.message(ZH));
        assertTrue(f.fix(ZH).contains("db1、db2 和 db3"), f.fix(ZH));
        assertNull(f.proof(), "the simulator proves two-node findings only");
    }

    @Test
    void theFirstNodeOutvotedByThreeOthersIsTheOneReported() throws Exception {
        LintPair p = nodes(4).edit("db1", "auth_pass 1111", "auth_pass 2222");
        List<Finding> fs = p.lint();
        assertEquals(List.of("vrrp-mismatch"), LintPair.rules(fs), fs.toString());
        Finding f = fs.get(0);
        assertEquals("db1", f.node());
        assertEquals(p.lineOf("db1", "keepalived.conf", "auth_pass 2222"), f.pos().line());
        assertEquals("authentication differs: set on db2, db3 and db4, set on db1 (different auth_type or auth_pass)", f.message());
        assertTrue(f.message(ZH).contains("db2、db3 和 db4"), f.message(ZH));
        // two nodes each with their own advert_int: one finding each, against the two that agree
        p = nodes(4).edit("db2", "advert_int 1", "advert_int 2").edit("db4", "advert_int 1", "advert_int 3");
        fs = of(p.lint(), "vrrp-mismatch");
        assertEquals(List.of("db2", "db4"), fs.stream().map(Finding::node).toList(), fs.toString());
        assertEquals(List.of("advert_int differs: 1.0 s on db1 and db3, 2.0 s on db2", "advert_int differs: 1.0 s on db1 and db3, 3.0 s on db4"),
                fs.stream().map(Finding::message).toList());
        assertEquals(p.lineOf("db4", "keepalived.conf", "advert_int 3"), fs.get(1).pos().line());
    }

    /**
     * db1 runs the write VIP only; db2 and db3 also run a read VIP whose VRID they disagree on. The old rule compared
     * nothing beyond two nodes, and its two-node form only ever compared the first node with the second.
     */
    @Test
    void onlyTheSecondAndThirdNodesDisagree() throws Exception {
        LintPair p = nodes(3);
        String group = "vrrp_sync_group VG {\n    group {\n        VI_1\n        VI_2\n    }\n}\n";
        p.append("db2", instance("VI_2", 52, 90, "10.9.8.223", "10.9.8.231", "10.9.8.121", "") + group);
        p.append("db3", instance("VI_2", 52, 80, "10.9.8.231", "10.9.8.223", "10.9.8.121", "") + group);
        assertEquals(List.of(), p.lint(), "the read VIP on db2 and db3 only, both alike");
        p.edit("db3", "virtual_router_id 52", "virtual_router_id 53");
        List<Finding> fs = p.lint();
        assertEquals(List.of("vrrp-mismatch"), LintPair.rules(fs), fs.toString());
        Finding f = fs.get(0);
        assertEquals("db3", f.node());
        assertEquals(p.lineOf("db3", "keepalived.conf", "virtual_router_id 53"), f.pos().line());
        assertEquals("instance VI_2: virtual_router_id differs: 52 on db2, 53 on db3", f.message());
        assertEquals("use the same virtual_router_id on db2 and db3", f.fix(), "db1 does not run VI_2");
        assertEquals("实例 VI_2：virtual_router_id 不一致：db2 上为 52，db3 上为 53", f.message(ZH));
    }

    /** Weights -5 everywhere, no nopreempt: the VIP holder db2 (100) against db1 (90) and db3. */
    private LintPair weighted(int db3Priority) throws Exception {
        LintPair p = nodes(3);
        for (String n : List.of("db1", "db2", "db3")) p.edit(n, "weight 0", "weight -5").edit(n, "    nopreempt\n", "");
        return p.edit("db1", "priority 100", "priority 90").edit("db2", "priority 90", "priority 100")
                .edit("db3", "priority 80", "priority " + db3Priority);
    }

    @Test
    void theHoldersWeightIsWeighedAgainstEveryOtherNode() throws Exception {
        // 100 - 5 = 95 < 98: db3 takes over, though db1 (the first other node, 90) would not
        assertEquals(List.of(), of(weighted(98).lint(), "weight-too-small"));
        // 95 >= 94 and >= 90: nobody takes over; said once, for the holder db2, against the strongest other node
        LintPair p = weighted(94);
        List<Finding> fs = of(p.lint(), "weight-too-small");
        assertEquals(1, fs.size(), fs.toString());
        Finding f = fs.get(0);
        assertEquals("db2", f.node());
        assertEquals("weight -5 is too small to move the VIP: 100 − 5 = 95 ≥ 94 (db3)", f.message());
        assertTrue(f.why().contains("still not below db3's 94"), f.why());
        assertEquals(p.lineOf("db2", "keepalived.conf", "weight -5"), f.pos().line());
    }

    @Test
    void nopreemptOnEveryOtherNodeIsOneFindingAndOnSomeOnlyTheOthersCount() throws Exception {
        // db3 (98) would take over but has nopreempt; db1 (90) preempts but is below 95
        LintPair p = weighted(98).edit("db3", "state BACKUP\n", "state BACKUP\n    nopreempt\n");
        List<Finding> fs = p.lint();
        assertEquals(List.of(), of(fs, "weight-never-matters"));
        assertEquals(List.of("weight -5 is too small to move the VIP: 100 − 5 = 95 ≥ 90 (db1)"), of(fs, "weight-too-small").stream().map(Finding::message).toList());
        // both others with nopreempt: the weight can never matter; one finding, at the nopreempt of db3, the next in line
        p.edit("db1", "state BACKUP\n", "state BACKUP\n    nopreempt\n");
        fs = p.lint();
        assertEquals(List.of(), of(fs, "weight-too-small"));
        List<Finding> never = of(fs, "weight-never-matters");
        assertEquals(1, never.size(), never.toString());
        assertEquals("db3", never.get(0).node());
        assertEquals(p.lineOf("db3", "keepalived.conf", "nopreempt"), never.get(0).pos().line());
        assertEquals("nopreempt on db1 and db3: the weight -5 of chk on db2 can never move the VIP", never.get(0).message());
    }

    @Test
    void aVridClashSeenFromTwoNodesIsOneFinding() throws Exception {
        LintPair p = nodes(3);
        p.append("db3", instance("VI_2", 51, 80, "10.9.8.231", "10.9.8.201\n        10.9.8.223", "10.9.8.121", ""));
        List<Finding> clash = of(p.lint(), "vrid-clash");
        assertEquals(1, clash.size(), "db3's VI_2 against VI_1 of db1 and of db2: " + clash);
        Finding f = clash.get(0);
        assertEquals("db3", f.node());
        assertEquals("virtual_router_id 51 of VI_2 on db3 is also used by VI_1 on db1 and db2, with other VIPs ([10.9.8.120] against [10.9.8.121])",
                f.message());
        String k = p.node("db3").get("keepalived.conf");
        assertEquals(k.substring(0, k.lastIndexOf("virtual_router_id 51")).split("\n", -1).length, f.pos().line(), "at VI_2's VRID");
        assertTrue(f.message(ZH).contains("db1 和 db2 上的 VI_1"), f.message(ZH));
    }
}
