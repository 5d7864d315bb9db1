package org.viplab.charts;

import org.junit.jupiter.api.Test;
import org.viplab.core.timeline.LabEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColumnTest {
    /** The indexed search keeps exactly what reading every event and keeping the first per bucket keeps. */
    @Test
    void firstPerBucketEqualsAScanOfTheWindow() {
        Random rnd = new Random(42);
        Column<LabEvent.ClientProbe> col = new Column<>(true);
        long t = -5_000_000;
        for (int i = 0; i < 20_000; i++) {
            t += rnd.nextInt(10) == 0 ? rnd.nextInt(3_000_000) : rnd.nextInt(200_000); // bursts and quiet gaps, ties
            int code = rnd.nextInt(10) == 0 ? -1 - rnd.nextInt(2) : rnd.nextInt(2);
            col.add(new LabEvent.ClientProbe(t, code >= 0, 1000, code >= 0 ? "db" + (code + 1) : null,
                    code == -1 ? LabEvent.ProbeFailure.TIMEOUT : code == -2 ? LabEvent.ProbeFailure.REFUSED : null), code);
        }
        long end = t;
        int checked = 0;
        for (int round = 0; round < 200; round++) {
            long from = -5_000_000 + (long) (rnd.nextDouble() * (end + 5_000_000));
            long to = from + 1 + (long) (rnd.nextDouble() * (end - from + 10_000_000));
            int width = 1 + rnd.nextInt(2000);
            double bucketUs = Math.max(1.0, (to - from) / (double) width);
            for (int code = -2; code <= 1; code++) {
                SeriesBuffer fast = new SeriesBuffer();
                col.firstPerBucket(code, from, to, bucketUs, fast, code);
                List<Double> expected = new ArrayList<>();
                long last = Long.MIN_VALUE;
                for (int i = col.lowerBound(from); i < col.size() && col.time(i) <= to; i++) {
                    if (col.code(i) != code) continue;
                    long b = (long) ((col.time(i) - from) / bucketUs);
                    if (b == last) continue;
                    last = b;
                    expected.add(col.time(i) / 1e6);
                }
                assertEquals(expected.size(), fast.size(), "points for code " + code + " in [" + from + ", " + to + "]");
                for (int i = 0; i < expected.size(); i++) assertEquals(expected.get(i), fast.x(i), 0.0);
                checked += expected.size();
            }
        }
        assertTrue(checked > 10_000, "the windows held probes: " + checked);
    }

    /** Round-robin probes (db1, db2, db1... every 100 ms) and a failover in between: a few runs per code. */
    @Test
    void periodicEventsAreStoredAsRunsAndReadBackExactly() {
        Column<LabEvent.ClientProbe> col = new Column<>(true);
        List<long[]> added = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < 100_000; i++) {
            t += 100_000;
            int code = i >= 50_000 && i < 50_030 ? ChartData.TIMEOUT : i < 50_000 ? i % 2 : 1; // then db2 only
            if (i == 70_000) t += 37; // one probe late: a new run from there
            col.add(new LabEvent.ClientProbe(t, code >= 0, 1000, code >= 0 ? "db" + (code + 1) : null,
                    code >= 0 ? null : LabEvent.ProbeFailure.TIMEOUT), code);
            added.add(new long[]{t, code});
        }
        assertTrue(col.runs() <= 6, "runs: " + col.runs());
        for (int i = added.size() - 1; i >= 0; i -= 7) { // backwards: each read a jump
            assertEquals(added.get(i)[0], col.time(i), "time of " + i);
            assertEquals(added.get(i)[1], col.code(i), "code of " + i);
            assertEquals(added.get(i)[0], col.get(i).timeUs());
        }
        assertEquals(0, col.lowerBound(-1));
        assertEquals(1, col.lowerBound(100_001));
        assertEquals(70_000, col.lowerBound(added.get(69_999)[0] + 1));
        assertEquals(col.size(), col.lowerBound(t + 1));
        assertEquals(added.get(50_010)[0], col.nearest(added.get(50_010)[0] + 40_000).timeUs());
        for (int i = 0; i < added.size(); i++) { // forwards, every event: the reading position moves along
            assertEquals(added.get(i)[0], col.time(i));
            assertEquals(added.get(i)[1], col.code(i));
        }
        for (int code = -1; code <= 1; code++) { // each code's first event per bucket, from its runs, against a scan
            SeriesBuffer fast = new SeriesBuffer();
            col.firstPerBucket(code, 1_000_000, 9_000_000_000L, 250_000.0, fast, 0);
            List<Double> expected = new ArrayList<>();
            long last = Long.MIN_VALUE;
            for (int i = col.lowerBound(1_000_000); i < col.size() && col.time(i) <= 9_000_000_000L; i++) {
                if (col.code(i) != code) continue;
                long b = (long) ((col.time(i) - 1_000_000) / 250_000.0);
                if (b != last) expected.add(col.time(i) / 1e6);
                last = b;
            }
            assertEquals(expected.size(), fast.size(), "code " + code);
            for (int i = 0; i < expected.size(); i++) assertEquals(expected.get(i), fast.x(i), 0.0);
        }
    }
}
