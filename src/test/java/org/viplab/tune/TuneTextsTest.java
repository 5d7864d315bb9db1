package org.viplab.tune;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every text of the tuning advisor (the Tune dialog's and the report's) is in English and in Simplified Chinese. */
class TuneTextsTest {
    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = TuneTextsTest.class.getResourceAsStream("/org/viplab/i18n/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyTuneKeyIsTranslated() throws Exception {
        for (String bundle : new String[] {"messages", "report"}) {
            Properties en = load(bundle);
            Properties zh = load(bundle + "_zh_CN");
            Set<String> keys = en.stringPropertyNames();
            int n = 0;
            for (String k : keys) {
                if (!k.startsWith("tune.") && !k.startsWith("menu.tools")) continue;
                n++;
                assertTrue(zh.containsKey(k), bundle + "_zh_CN lacks " + k);
                if (!k.equals("tune.col.n")) assertNotEquals(en.getProperty(k), zh.getProperty(k), bundle + ": " + k + " is not translated");
            }
            assertTrue(n > 20, bundle + ": " + n + " keys");
            for (String k : zh.stringPropertyNames()) if (k.startsWith("tune.")) assertTrue(en.containsKey(k), bundle + " lacks " + k);
        }
        // every knob has its label in the report
        Properties report = load("report");
        for (Knob k : Knob.values()) assertTrue(report.containsKey(k.textKey()), k.textKey());
        // the report's verdict keys follow the enum
        for (Evaluation.Verdict v : Evaluation.Verdict.values()) {
            assertTrue(report.containsKey("tune.verdict." + v.name().toLowerCase(java.util.Locale.ROOT)), v.name());
            assertTrue(load("messages").containsKey("tune.verdict." + v.name().toLowerCase(java.util.Locale.ROOT)), v.name());
        }
        assertEquals("工具", load("messages_zh_CN").getProperty("menu.tools"));
    }
}
