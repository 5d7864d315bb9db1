package org.viplab.core.timeline;

import org.junit.jupiter.api.Test;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.model.VrrpState;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Causes inferred from what the SSH engine observed on the one-machine lab (timelines recorded by .ci/e2e-lab.sh:
 * src/test/resources/fixtures/ssh-engine-runs, README there). The chains must be the ones the simulator states
 * exactly for the same failover, link for link.
 */
class CauseInferenceTest {
    private static List<LabEvent> recorded(String name) throws Exception {
        try (Reader r = new InputStreamReader(CauseInferenceTest.class.getResourceAsStream("/fixtures/ssh-engine-runs/" + name),
                StandardCharsets.UTF_8)) {
            return JsonLinesReader.read(name, r);
        }
    }

    private static List<LabEvent> chainOfOnlyFailover(Timeline t) {
        Timeline.Caused c = t.caused();
        List<Failover> fs = new TimelineAnalysis(c.events(), 0, c.events().get(c.events().size() - 1).timeUs()).failovers();
        assertEquals(1, fs.size(), "one failover: " + fs);
        return CauseChain.why(c.events(), c.causes(), fs.get(0)).stream().map(CauseChain.Link::event).toList();
    }

    @Test
    void mode1MysqldStopOnRealHostsReadsAsTheSimulatorSaysIt() throws Exception {
        List<LabEvent> chain = chainOfOnlyFailover(CauseInference.inferred(recorded("mode1-mysqld-stop.jsonl")));
        assertEquals(5, chain.size(), chain.toString());
        var action = assertInstanceOf(LabEvent.ActionApplied.class, chain.get(0));
        assertEquals("db1/mysqld", action.target());
        var gone = assertInstanceOf(LabEvent.ProcessChanged.class, chain.get(1));
        assertEquals(ProcessKind.MYSQLD, gone.process());
        assertEquals(ProcessState.STOPPED, gone.to());
        var stopping = assertInstanceOf(LabEvent.VrrpStateChanged.class, chain.get(2));
        assertEquals("db1", stopping.host());
        assertEquals(VrrpState.STOPPED, stopping.to());
        var zero = assertInstanceOf(LabEvent.AdvertSent.class, chain.get(3));
        assertEquals("db1", zero.host());
        assertEquals(0, zero.priority());
        var vip = assertInstanceOf(LabEvent.VipChanged.class, chain.get(4));
        assertEquals("db2", vip.host());
        assertEquals(true, vip.added());
    }

    @Test
    void mode2HaproxyKillLeadsToTheVipOnThePeer() throws Exception {
        List<LabEvent> chain = chainOfOnlyFailover(CauseInference.inferred(recorded("mode2-haproxy-kill.jsonl")));
        var action = assertInstanceOf(LabEvent.ActionApplied.class, chain.get(0), chain.toString());
        assertEquals("db1/haproxy", action.target());
        var gone = assertInstanceOf(LabEvent.ProcessChanged.class, chain.get(1), chain.toString());
        assertEquals(ProcessKind.HAPROXY, gone.process());
        var vip = assertInstanceOf(LabEvent.VipChanged.class, chain.get(chain.size() - 1));
        assertEquals("db2", vip.host());
    }

    @Test
    void theClientsFirstGoodAnswerAfterTheOutageFollowsTheVipOnItsNewHolder() throws Exception {
        Timeline t = CauseInference.inferred(recorded("mode1-mysqld-stop.jsonl"));
        Timeline.Caused c = t.caused();
        int firstOnDb2 = -1;
        for (int i = 0; i < c.events().size(); i++) {
            if (c.events().get(i) instanceof LabEvent.ClientProbe p && p.ok() && "db2".equals(p.backend())) {
                firstOnDb2 = i;
                break;
            }
        }
        List<CauseChain.Link> chain = CauseChain.why(t, firstOnDb2);
        assertInstanceOf(LabEvent.ActionApplied.class, chain.get(0).event(), chain.toString());
        LabEvent before = chain.get(chain.size() - 2).event();
        assertNotNull(before);
        assertEquals("db2", before.host(), "the probe follows something on db2 (the VIP, its ARPs): " + chain);
    }

    @Test
    void anActionIsARootAndAnUnrelatedAdvertExplainsNothing() {
        CauseInference ci = new CauseInference();
        Timeline t = new Timeline();
        LabEvent action = new LabEvent.ActionApplied(1_000_000, "stop", "db1/mysqld", Actor.USER);
        assertEquals(Causes.NONE, ci.causeOf(action));
        ci.append(t, action);
        assertEquals(Causes.NONE, ci.causeOf(new LabEvent.AdvertSent(1_100_000, "db1", 51, 100, 2, 1_000_000)));
        // a process stopping 70 s later is too late to be that action's doing
        LabEvent late = new LabEvent.ProcessChanged(71_000_000, "db1", ProcessKind.MYSQLD, ProcessState.RUNNING, ProcessState.STOPPED,
                Reason.of(Reason.Code.PS_WATCH));
        assertEquals(Causes.NONE, ci.causeOf(late));
    }
}
