package org.viplab.charts;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which shaded intervals a window shows: each alone and labelled while few, merged into bands when many. */
class ChartSamplerTest {
    /** {@code n} intervals 1 s long, {@code everyUs} apart. */
    private static List<long[]> intervals(int n, long everyUs) {
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new long[]{i * everyUs, i * everyUs + 1_000_000});
        return out;
    }

    @Test
    void upToFortyIntervalsAreShownAsTheyAreAndLabelled() {
        List<long[]> forty = intervals(ChartSampler.MAX_LABELLED_MARKERS, 1_100_000);
        ChartSampler.Bands b = ChartSampler.bands(forty, 1_000_000);
        assertSame(forty, b.intervals(), "nothing merged");
        assertTrue(b.labelled());
    }

    @Test
    void manyCloseIntervalsMergeWithinThreePixelColumnsUnlabelled() {
        // 41 intervals 0.1 s apart, columns of 50 ms: gaps under 3 columns (150 ms) close up into one band
        List<long[]> many = intervals(41, 1_100_000);
        ChartSampler.Bands b = ChartSampler.bands(many, 50_000);
        assertEquals(1, b.intervals().size());
        assertArrayEquals(new long[]{0, 40 * 1_100_000L + 1_000_000}, b.intervals().get(0));
        assertFalse(b.labelled(), "a merged band says 'flapping here', not a length");
        assertArrayEquals(new long[]{0, 1_000_000}, many.get(0), "the caller's intervals are left as they were");
    }

    @Test
    void manyFarApartIntervalsStaySeparateButUnlabelled() {
        // 41 intervals 1 s apart, columns of 10 ms: none within 3 columns of the next, but too many to label
        ChartSampler.Bands b = ChartSampler.bands(intervals(41, 2_000_000), 10_000);
        assertEquals(41, b.intervals().size());
        assertFalse(b.labelled());
    }
}
