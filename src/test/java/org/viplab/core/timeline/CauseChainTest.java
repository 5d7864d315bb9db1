package org.viplab.core.timeline;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Event ids, the cause side-table, why(event), and causes in JSON Lines. */
class CauseChainTest {
    private static final LabEvent ACTION = new LabEvent.ActionApplied(1_000, "stop", "db1/keepalived", Actor.USER);
    private static final LabEvent ADVERT = new LabEvent.AdvertSent(1_000, "db1", 51, 0, 2, 1_000_000);
    private static final LabEvent PROBE = new LabEvent.ClientProbe(5_000, true, 800, "db1", LabEvent.ProbeFailure.NONE);
    private static final LabEvent MASTER = new LabEvent.VrrpStateChanged(649_437, "db2",
            org.viplab.core.model.VrrpState.BACKUP, org.viplab.core.model.VrrpState.MASTER, Reason.of(Reason.Code.ADVERT_TIMEOUT));
    private static final LabEvent VIP = new LabEvent.VipChanged(649_437, "db2", "10.0.0.1", true, Reason.of(Reason.Code.VRRP_STATE, org.viplab.core.model.VrrpState.MASTER));

    /** action -> advert -> MASTER -> VIP, with an unrelated probe in between. */
    private static Timeline chained() {
        Timeline t = new Timeline();
        long a = t.accept(ACTION, Causes.NONE);
        long adv = t.accept(ADVERT, a);
        t.accept(PROBE);
        long m = t.accept(MASTER, adv);
        t.accept(VIP, m);
        return t;
    }

    @Test
    void anEventsIdIsItsAppendIndexAndItsCauseIsKeptBesideIt() {
        Timeline t = chained();
        assertEquals(5, t.size());
        assertEquals(Causes.NONE, t.causeOf(0), "the action is a root");
        assertEquals(0, t.causeOf(1));
        assertEquals(Causes.NONE, t.causeOf(2), "accept(event) names no cause");
        assertEquals(1, t.causeOf(3));
        assertEquals(3, t.causeOf(4));
        assertEquals(Causes.NONE, t.causeOf(99), "no such event");
        assertEquals(List.of(ACTION, ADVERT, PROBE, MASTER, VIP), t.caused().events());
    }

    @Test
    void whyWalksFromTheRootToTheEventOldestFirst() {
        Timeline t = chained();
        List<CauseChain.Link> chain = CauseChain.why(t, 4);
        assertEquals(List.of(0L, 1L, 3L, 4L), chain.stream().map(CauseChain.Link::id).toList());
        assertEquals(List.of(ACTION, ADVERT, MASTER, VIP), chain.stream().map(CauseChain.Link::event).toList());
        assertEquals(List.of(new CauseChain.Link(2, PROBE)), CauseChain.why(t, 2), "a root's chain is itself");
        assertEquals(List.of(), CauseChain.why(t, 7));
        var snap = t.caused();
        assertEquals(ACTION, CauseChain.root(snap.events(), snap.causes(), 4).event());
    }

    @Test
    void aCauseMustBeAnEarlierEvent() {
        Timeline t = new Timeline();
        t.accept(ACTION, Causes.NONE);
        assertThrows(IllegalArgumentException.class, () -> t.accept(ADVERT, 1), "itself");
        assertThrows(IllegalArgumentException.class, () -> t.accept(ADVERT, 5), "a later one");
        assertEquals(1, t.size(), "nothing appended");
    }

    @Test
    void aDamagedTableEndsTheWalkInsteadOfLooping() {
        List<LabEvent> events = List.of(ACTION, ADVERT, MASTER);
        Causes loop = Causes.of(new long[]{2, 0, 1});
        assertEquals(List.of(0L, 1L, 2L), CauseChain.why(events, loop, 2).stream().map(CauseChain.Link::id).toList(),
                "2 <- 1 <- 0, whose cause 2 is not earlier: the walk ends there");
    }

    @Test
    void theFailoverEndIsTheVipOnItsNewHolder() {
        Timeline t = chained();
        Failover f = new Failover("db1", "db2", "stop db1/keepalived", 1_000, 1_000, 649_437, 648_437, 0, 0);
        var snap = t.caused();
        assertEquals(4, CauseChain.failoverEnd(snap.events(), f));
        assertEquals(List.of(ACTION, ADVERT, MASTER, VIP),
                CauseChain.why(snap.events(), snap.causes(), f).stream().map(CauseChain.Link::event).toList());
        Failover elsewhere = new Failover("db2", "db1", "?", -1, 0, 3_000, 0, 0, 0);
        assertEquals(Causes.NONE, CauseChain.failoverEnd(snap.events(), elsewhere));
        assertEquals(List.of(), CauseChain.why(snap.events(), snap.causes(), elsewhere));
    }

    @Test
    void jsonLinesCarryTheCauseAndReadItBack() throws Exception {
        Timeline t = chained();
        var snap = t.caused();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonLines.write(snap.events(), snap.causes(), out);
        String text = out.toString(StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        assertFalse(lines[0].contains("\"cause\""), "a root has no cause field: " + lines[0]);
        assertTrue(lines[3].endsWith(",\"cause\":1}"), lines[3]);
        Timeline.Caused back = JsonLinesReader.readCaused("t.jsonl", new StringReader(text));
        assertEquals(snap.events(), back.events());
        assertEquals(snap.causes(), back.causes());
        assertEquals(snap.events(), JsonLinesReader.read("t.jsonl", new StringReader(text)), "a reader that ignores causes");
    }

    @Test
    void aFileWithoutCausesStillLoads() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonLines.write(List.of(ACTION, ADVERT), out);
        Timeline.Caused back = JsonLinesReader.readCaused("old.jsonl", new StringReader(out.toString(StandardCharsets.UTF_8)));
        assertEquals(List.of(ACTION, ADVERT), back.events());
        assertFalse(back.causes().any());
    }

    @Test
    void causesInAFileAreIndexesAmongItsEventsWhateverTheSinkAlreadyHolds() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Timeline src = chained();
        JsonLines.write(src.caused().events(), src.caused().causes(), out);
        Timeline t = new Timeline();
        t.accept(PROBE);
        t.accept(PROBE);
        JsonLinesReader.readInto("t.jsonl", new StringReader(out.toString(StandardCharsets.UTF_8)), t);
        assertEquals(List.of(ACTION, ADVERT, MASTER, VIP), CauseChain.why(t, 6).stream().map(CauseChain.Link::event).toList());
    }

    @Test
    void aCauseThatIsNotAnEarlierEventIsAFormatError() {
        String good = JsonLines.line(ACTION);
        String forward = JsonLines.line(ADVERT, 1);
        var e = assertThrows(JsonLinesReader.FormatException.class,
                () -> JsonLinesReader.readCaused("x.jsonl", new StringReader(good + "\n" + forward)));
        assertEquals(2, e.line());
        assertTrue(e.detail().contains("\"cause\" 1 is not an earlier event"), e.detail());
        String word = good.replace("}", ",\"cause\":\"db1\"}");
        assertThrows(JsonLinesReader.FormatException.class, () -> JsonLinesReader.readCaused("x.jsonl", new StringReader(word)));
    }

    @Test
    void aSinkThatKeepsNoIdsDropsCauses() {
        List<LabEvent> seen = new ArrayList<>();
        EventSink plain = seen::add;
        assertEquals(Causes.NONE, plain.accept(ADVERT, 3));
        assertEquals(List.of(ADVERT), seen);
    }

    @Test
    void aRecordedTimelineKeepsItsCauses() {
        var snap = chained().caused();
        Timeline copy = new Timeline(snap.events(), snap.causes());
        assertEquals(snap.causes(), copy.caused().causes());
        assertEquals(5, copy.accept(PROBE, 4), "ids go on from the recorded events");
        assertEquals(4, copy.causeOf(5));
        long id = copy.accept(PROBE, Causes.NONE);
        assertEquals(Causes.NONE, copy.causeOf(id), "an event appended without a cause has none");
    }
}
