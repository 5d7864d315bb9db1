package org.viplab.engine.sim;

import org.junit.jupiter.api.Test;
import org.viplab.core.model.Presets;
import org.viplab.core.timeline.CauseChain;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;

import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulator's causes, link by link, for the failovers a trainer shows: each chain is what one would read
 * aloud, from the action to the VIP on its new holder (and on to the client). Links are described by the
 * events' fields, not their display texts, so the test pins the causes and nothing else.
 */
class CauseChainsTest {
    private static final long SKEW_90_US = 648_437; // (256 - 90) / 256 s, keepalived's integer microseconds
    private static final long SKEW_9_US = 964_843; // (256 - 9) / 256 s

    @Test
    void mode1MysqldStop() {
        Scenario sc = new Scenario(Presets.mode1()).act("stop", "db1/mysqld").at(Scenario.s(15));
        List<CauseChain.Link> chain = why(sc, LabEvent.VipChanged.class, v -> v.host().equals("db2") && v.added());
        assertEquals(List.of(
                "db1 action stop db1/mysqld",
                "db1 mysqld RUNNING -> STOPPING",
                "db1 mysqld STOPPING -> STOPPED",
                "db1 check exit 0: ps -C mysqld: none",
                "db1 keepalived RUNNING -> STOPPING",
                "db1 advert priority 0",
                "db2 log (VI_1) Backup received priority 0 advertisement",
                "db2 vrrp BACKUP -> MASTER",
                "db2 vip added"), describe(chain));
        assertEquals(SKEW_90_US, chain.get(7).event().timeUs() - chain.get(5).event().timeUs(), "MASTER after Skew(90) alone");

        List<CauseChain.Link> served = why(sc, LabEvent.ClientProbe.class, p -> p.ok() && p.backend().equals("db2"));
        assertEquals(describe(chain), describe(served).subList(0, chain.size()), "the client's recovery follows the same chain");
        assertEquals(List.of("db2 garp x5", "client arp -> db2 STALE", "client probe ok db2"),
                describe(served).subList(chain.size(), served.size()));
    }

    @Test
    void mode1KeepalivedStop() {
        Scenario sc = new Scenario(Presets.mode1()).act("stop", "db1/keepalived").at(Scenario.s(10));
        List<CauseChain.Link> chain = why(sc, LabEvent.VipChanged.class, v -> v.host().equals("db2") && v.added());
        assertEquals(List.of(
                "db1 action stop db1/keepalived",
                "db1 keepalived RUNNING -> STOPPING",
                "db1 advert priority 0",
                "db2 log (VI_1) Backup received priority 0 advertisement",
                "db2 vrrp BACKUP -> MASTER",
                "db2 vip added"), describe(chain));
        assertEquals(SKEW_90_US, chain.get(4).event().timeUs() - chain.get(2).event().timeUs(), "MASTER after Skew(90) alone");
        // the VIP leaving db1 is a sibling: keepalived's stop removes it, not the advert
        assertEquals(List.of("db1 action stop db1/keepalived", "db1 keepalived RUNNING -> STOPPING", "db1 vip removed"),
                describe(why(sc, LabEvent.VipChanged.class, v -> v.host().equals("db1") && !v.added())));
    }

    @Test
    void mode2HaproxyKill() {
        Scenario sc = new Scenario(Presets.mode2()).act("kill", "db1/haproxy").at(Scenario.s(15));
        List<CauseChain.Link> chain = why(sc, LabEvent.VipChanged.class, v -> v.host().equals("db2") && v.added());
        assertEquals(List.of(
                "db1 action kill db1/haproxy",
                "db1 haproxy RUNNING -> STOPPED",
                "db1 check exit 0: ps -C haproxy: none",
                "db1 keepalived RUNNING -> STOPPING",
                "db1 advert priority 0",
                "db2 log (VI_1) Backup received priority 0 advertisement",
                "db2 vrrp BACKUP -> MASTER",
                "db2 vip added"), describe(chain));
        assertEquals(SKEW_9_US, chain.get(6).event().timeUs() - chain.get(4).event().timeUs(), "MASTER after Skew(9)");
        // refused at once by the dead haproxy: the first failed probe follows from the kill
        assertEquals(List.of("db1 action kill db1/haproxy", "db1 haproxy RUNNING -> STOPPED", "client probe REFUSED"),
                describe(why(sc, LabEvent.ClientProbe.class, p -> !p.ok())));
    }

    @Test
    void splitBrainAndItsHeal() {
        Scenario sc = new Scenario(Presets.mode1()).act("cut", "db1-db2/vrrp").at(Scenario.s(10));
        List<CauseChain.Link> split = why(sc, LabEvent.VipChanged.class, v -> v.host().equals("db2") && v.added());
        assertEquals(List.of(
                "lab action cut db1-db2/vrrp",
                "lab link db1-db2/vrrp cut",
                "db2 vrrp BACKUP -> MASTER",
                "db2 vip added"), describe(split), "db2 stops hearing db1: its timer runs out");
        sc.act("heal", "db1-db2/vrrp").at(Scenario.s(20));
        List<CauseChain.Link> heal = why(sc, LabEvent.VipChanged.class, v -> v.host().equals("db2") && !v.added());
        assertEquals(List.of(
                "lab action heal db1-db2/vrrp",
                "lab link db1-db2/vrrp healed",
                "db2 advert priority 90",
                "db1 advert priority 100",
                "db2 vrrp MASTER -> BACKUP",
                "db2 vip removed"), describe(heal), "db2's advert reaches db1, which answers with a higher priority");
    }

    @Test
    void aKeepalivedKilledSilentlyStillExplainsTheTakeover() {
        Scenario sc = new Scenario(Presets.mode1()).act("kill", "db1/keepalived").at(Scenario.s(10));
        List<CauseChain.Link> chain = why(sc, LabEvent.VipChanged.class, v -> v.host().equals("db2") && v.added());
        assertEquals(List.of(
                "db1 action kill db1/keepalived",
                "db1 keepalived RUNNING -> STOPPED",
                "db2 vrrp BACKUP -> MASTER",
                "db2 vip added"), describe(chain), "no priority 0: the silence is the cause, after a full interval");
        assertTrue(chain.get(2).event().timeUs() - chain.get(0).event().timeUs() > 3_000_000);
    }

    @Test
    void everyChangeOfStateAfterAnActionLeadsBackToIt() {
        for (String[] act : List.of(new String[]{"stop", "db1/mysqld"}, new String[]{"stop", "db1/keepalived"},
                new String[]{"kill", "db1/keepalived"}, new String[]{"hang", "db1/keepalived"}, new String[]{"cut", "db1/link"})) {
            Scenario sc = new Scenario(Presets.mode1()).act(act[0], act[1]).at(Scenario.s(20));
            Timeline.Caused run = sc.timeline.caused();
            int checked = 0;
            for (int i = 0; i < run.events().size(); i++) {
                LabEvent e = run.events().get(i);
                boolean change = e instanceof LabEvent.VipChanged || e instanceof LabEvent.VrrpStateChanged
                        || e instanceof LabEvent.ProcessChanged || e instanceof LabEvent.GarpSent || e instanceof LabEvent.PriorityChanged;
                if (e.timeUs() < 0 || !change) continue;
                LabEvent root = CauseChain.root(run.events(), run.causes(), i).event();
                assertInstanceOf(LabEvent.ActionApplied.class, root, act[0] + " " + act[1] + ": " + e + " has root " + root);
                checked++;
            }
            assertTrue(checked >= 3, act[0] + " " + act[1] + ": " + checked + " changes");
        }
    }

    /** The chain to the first event of {@code type} at or after t = 0 that matches. */
    private static <T extends LabEvent> List<CauseChain.Link> why(Scenario sc, Class<T> type, Predicate<T> p) {
        Timeline.Caused run = sc.timeline.caused();
        for (int i = 0; i < run.events().size(); i++) {
            LabEvent e = run.events().get(i);
            if (e.timeUs() >= 0 && type.isInstance(e) && p.test(type.cast(e))) return CauseChain.why(run.events(), run.causes(), i);
        }
        throw new AssertionError("no such " + type.getSimpleName());
    }

    private static List<String> describe(List<CauseChain.Link> chain) {
        return chain.stream().map(l -> describe(l.event())).toList();
    }

    private static String describe(LabEvent e) {
        String what;
        if (e instanceof LabEvent.ActionApplied a) what = "action " + a.action() + " " + a.target();
        else if (e instanceof LabEvent.ProcessChanged p) what = p.process().id() + " " + p.from() + " -> " + p.to();
        else if (e instanceof LabEvent.ScriptResult s) what = "check exit " + s.exitStatus() + ": " + org.viplab.core.text.EventFormatter.english().reason(s.detail());
        else if (e instanceof LabEvent.AdvertSent a) what = "advert priority " + a.priority();
        else if (e instanceof LabEvent.LogLine l) what = "log " + l.text();
        else if (e instanceof LabEvent.VrrpStateChanged v) what = "vrrp " + v.from() + " -> " + v.to();
        else if (e instanceof LabEvent.VipChanged v) what = "vip " + (v.added() ? "added" : "removed");
        else if (e instanceof LabEvent.GarpSent g) what = "garp x" + g.count();
        else if (e instanceof LabEvent.ArpChanged a) what = "arp -> " + a.pointsAt() + " " + a.state();
        else if (e instanceof LabEvent.ClientProbe p) what = "probe " + (p.ok() ? "ok " + p.backend() : p.failure().name());
        else if (e instanceof LabEvent.LinkChanged l) what = "link " + l.link() + (l.cut() ? " cut" : " healed");
        else what = e.kind();
        return e.host() + " " + what;
    }
}
