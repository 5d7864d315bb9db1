package org.viplab.core.text;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one time format: seconds rounded half up to the millisecond, and the big clock. */
class TimeTextTest {
    @Test
    void secondsAreRoundedHalfUpToTheMillisecond() {
        Random rnd = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            long us = rnd.nextLong() % 100_000_000_000L;
            String expected = new BigDecimal(us).movePointLeft(6).setScale(3, RoundingMode.HALF_UP).abs().toPlainString();
            if (us < 0 && !expected.equals("0.000")) expected = "-" + expected;
            assertEquals(expected, TimeText.seconds(us), "us=" + us);
        }
        assertEquals("5.000", TimeText.seconds(5_000_000));
        assertEquals("12.346", TimeText.seconds(12_345_678));
        assertEquals("12.346", TimeText.seconds(12_345_500), "half up on the microseconds, not on a double");
        assertEquals("-0.182", TimeText.seconds(-182_374));
        assertEquals("0.000", TimeText.seconds(-400), "no minus zero");
    }

    @Test
    void theClockShowsTenthsTruncated() {
        assertEquals("+00:00:00.0", TimeText.clock(0));
        assertEquals("+00:01:02.3", TimeText.clock(62_345_678));
        assertEquals("-00:00:03.1", TimeText.clock(-3_182_374));
        assertEquals("+25:00:00.0", TimeText.clock(90_000_000_000L));
    }

    @Test
    void lengthsCarryTheirUnitInTheReadersLanguage() {
        assertEquals("800 \u00b5s", TimeText.length(800, java.util.Locale.ENGLISH));
        assertEquals("800 微秒", TimeText.length(800, java.util.Locale.SIMPLIFIED_CHINESE));
        assertEquals("0 \u00b5s", TimeText.length(0, java.util.Locale.ENGLISH));
        assertEquals("12.5 ms", TimeText.length(12_500, java.util.Locale.ENGLISH));
        assertEquals("12.5 毫秒", TimeText.length(12_500, java.util.Locale.SIMPLIFIED_CHINESE));
        assertEquals("20 ms", TimeText.length(20_000, java.util.Locale.ENGLISH));
        assertEquals("1.000001 s", TimeText.length(1_000_001, java.util.Locale.ENGLISH), "exact to the microsecond");
        assertEquals("1 秒", TimeText.length(1_000_000, java.util.Locale.SIMPLIFIED_CHINESE));
        assertEquals("-648.437 ms", TimeText.length(-648_437, java.util.Locale.ENGLISH));
    }

    @org.junit.jupiter.api.Test
    void minutesAndSecondsAsAClockShowsThem() {
        assertEquals("0:00", TimeText.minutesSeconds(0));
        assertEquals("3:07", TimeText.minutesSeconds(187));
        assertEquals("20:00", TimeText.minutesSeconds(1200));
        assertEquals("125:09", TimeText.minutesSeconds(7509), "no hours: a time limit reads in minutes");
        assertEquals("0:00", TimeText.minutesSeconds(-5));
    }
}
