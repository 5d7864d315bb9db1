package org.viplab.core.timeline;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.viplab.core.model.VrrpState;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Property: whatever is appended (periodic streams that drift, change, interleave, with constant, chained or
 * arbitrary causes, and one-off events), the compact timeline reads back exactly what a plain list holds.
 */
class CompactTimelineTest {
    /** A plain record of the same appends: the reference. */
    private static final class Plain {
        final List<LabEvent> events = new ArrayList<>();
        final List<Long> causes = new ArrayList<>();
    }

    @RepeatedTest(40)
    void randomStreamsReadBackAsAppended(RepetitionInfo info) {
        Random rnd = new Random(info.getCurrentRepetition() * 7919L);
        Timeline tl = new Timeline();
        Plain plain = new Plain();
        int n = 2000 + rnd.nextInt(3 * EventStore.K);
        // a few periodic streams: {next time, interval, kind}, each keeping its last id for chained causes
        int streams = 1 + rnd.nextInt(6);
        long[] next = new long[streams];
        long[] interval = new long[streams];
        long[] lastId = new long[streams];
        int[] variant = new int[streams];
        for (int s = 0; s < streams; s++) {
            interval[s] = 1 + rnd.nextInt(5) * 100_000L;
            next[s] = rnd.nextInt(1000);
            lastId[s] = -1;
        }
        for (int i = 0; i < n; i++) {
            LabEvent e;
            long cause;
            if (rnd.nextInt(20) == 0) { // a one-off
                e = new LabEvent.VrrpStateChanged(rnd.nextInt(1_000_000), "db" + rnd.nextInt(3), VrrpState.BACKUP, VrrpState.MASTER, Reason.text("r" + rnd.nextInt(1000)));
                cause = i == 0 || rnd.nextBoolean() ? Causes.NONE : rnd.nextInt(i);
            } else {
                int s = rnd.nextInt(streams);
                if (rnd.nextInt(200) == 0) variant[s] = rnd.nextInt(3); // the outcome changes
                if (rnd.nextInt(300) == 0) interval[s] += 1; // the period drifts
                long t = next[s];
                next[s] += interval[s];
                e = event(s, variant[s], t);
                int how = rnd.nextInt(100);
                cause = how < 60 ? Causes.NONE : how < 90 && lastId[s] >= 0 ? lastId[s] : (i == 0 ? Causes.NONE : rnd.nextInt(i));
                if (s % 2 == 1 && lastId[s] >= 0 && how < 95) cause = lastId[s]; // odd streams mostly chained
                lastId[s] = i;
            }
            assertEquals(i, tl.accept(e, cause));
            plain.events.add(e);
            plain.causes.add(cause);
        }
        assertReadsBack(tl, plain, rnd);
    }

    private static LabEvent event(int stream, int variant, long t) {
        return switch (stream % 3) {
            case 0 -> new LabEvent.ClientProbe(t, variant != 1, 800 + variant, variant == 2 ? "db2" : "db1", LabEvent.ProbeFailure.NONE);
            case 1 -> new LabEvent.AdvertSent(t, "db" + stream, 51, 100 - variant, 2, 1_000_000);
            default -> new LabEvent.ScriptResult(t, "db1", "chk" + stream, variant, variant > 0, Reason.text(""));
        };
    }

    private static void assertReadsBack(Timeline tl, Plain plain, Random rnd) {
        int n = plain.events.size();
        assertEquals(n, tl.size());
        List<LabEvent> snap = tl.snapshot();
        assertEquals(plain.events, new ArrayList<>(snap)); // sequential, through the iterator
        Iterator<LabEvent> it = snap.iterator();
        for (int i = 0; i < n; i++) assertEquals(plain.events.get(i), it.next(), "event " + i);
        assertFalse(it.hasNext());
        for (int k = 0; k < 500; k++) { // random access, jumping both ways
            int i = rnd.nextInt(n);
            assertEquals(plain.events.get(i), snap.get(i), "event " + i);
            assertEquals((long) plain.causes.get(i), tl.causeOf(i), "cause of " + i);
        }
        Timeline.Caused caused = tl.caused();
        assertEquals(plain.events, caused.events());
        long[] table = new long[n];
        for (int i = 0; i < n; i++) table[i] = plain.causes.get(i);
        assertEquals(Causes.of(table), caused.causes());
        for (int i = n - 1; i >= 0; i--) assertEquals(table[i], caused.causes().causeOf(i), "cause of " + i); // backwards
        int from = rnd.nextInt(n);
        assertEquals(plain.events.subList(from, n), tl.since(from));
        assertEquals(plain.events.subList(from, n), snap.subList(from, n));
    }

    @Test
    void aSnapshotDoesNotSeeLaterAppendsAndIsReadOnly() {
        Timeline tl = new Timeline();
        for (int i = 0; i < 10; i++) tl.accept(new LabEvent.ClientProbe(i * 100_000L, true, 800, "db1", LabEvent.ProbeFailure.NONE));
        List<LabEvent> snap = tl.snapshot();
        tl.accept(new LabEvent.ClientProbe(1_000_000, true, 800, "db1", LabEvent.ProbeFailure.NONE));
        assertEquals(10, snap.size());
        assertEquals(11, tl.snapshot().size());
        assertThrows(UnsupportedOperationException.class, () -> snap.add(snap.get(0)));
        assertThrows(IndexOutOfBoundsException.class, () -> snap.get(10));
        assertEquals(List.of(), tl.since(11));
    }

    @Test
    void aRecordedRunWithCausesIsRebuiltExactly() {
        List<LabEvent> events = new ArrayList<>();
        long[] causes = new long[3 * EventStore.K];
        for (int i = 0; i < causes.length; i++) {
            events.add(new LabEvent.AdvertSent(i * 1_000_000L, "db1", 51, 100, 2, 1_000_000));
            causes[i] = i == 0 ? Causes.NONE : i - 1;
        }
        Timeline tl = new Timeline(events, Causes.of(causes));
        assertEquals(events, tl.snapshot());
        assertEquals(Causes.of(causes), tl.caused().causes());
    }
}
