package org.viplab.charts;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ChartTextTest {
    /** A user who picks English on a Chinese desktop gets English charts, not the machine's language. */
    @Test
    void englishStaysEnglishWhateverTheMachinesLanguage() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            String zh = new ChartText(Locale.SIMPLIFIED_CHINESE).get("chart.client.timeout");
            String en = new ChartText(Locale.ENGLISH).get("chart.client.timeout");
            assertEquals("timed out", en);
            assertNotEquals(en, zh);
        } finally {
            Locale.setDefault(before);
        }
    }
}
