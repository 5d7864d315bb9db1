package org.viplab.report;

import org.junit.jupiter.api.Test;
import org.viplab.util.Durations;

import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EventTextTest {
    @Test
    void fastDurationIsExactlyDurationsFormat() {
        Random rnd = new Random(42);
        long[] fixed = {0, 1, 999, 1000, 1001, 648_437, 1_000_000, 1_500_000, 3_609_375, 86_400_000_000L, -5_007_626, 20_000_000};
        for (long us : fixed) assertEquals(Durations.format(us), EventText.dur(us), "us=" + us);
        for (int i = 0; i < 20_000; i++) {
            long us = (long) (rnd.nextDouble() * Math.pow(10, rnd.nextInt(12))) * (rnd.nextInt(10) == 0 ? -1 : 1);
            assertEquals(Durations.format(us), EventText.dur(us), "us=" + us);
        }
    }

    @Test
    void timeIsSecondsWithThreeDecimals() {
        Random rnd = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            long us = rnd.nextLong() % 100_000_000_000L;
            String expected = new java.math.BigDecimal(us).movePointLeft(6).setScale(3, java.math.RoundingMode.HALF_UP).abs().toPlainString();
            if (us < 0 && !expected.equals("0.000")) expected = "-" + expected;
            assertEquals(expected, EventText.time(us), "us=" + us);
        }
        assertEquals("5.000", EventText.time(5_000_000));
        assertEquals("-30.192", EventText.time(-30_192_374));
        assertEquals(String.format(Locale.ROOT, "%.3f", 5.648437), EventText.time(5_648_437));
    }
}
