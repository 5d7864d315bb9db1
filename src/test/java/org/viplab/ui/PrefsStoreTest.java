package org.viplab.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viplab.ui.settings.Prefs;
import org.viplab.ui.settings.PrefsStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrefsStoreTest {
    @Test
    void savesAtomicallyAndReadsBack(@TempDir Path dir) throws Exception {
        try (PrefsStore store = new PrefsStore(dir.resolve("viplab"))) {
            Prefs p = new Prefs();
            p.x = 10.0;
            p.y = 20.0;
            p.width = 1024;
            p.height = 700;
            p.theme = "dark";
            p.language = "zh-CN";
            p.fontScale = 1.5;
            store.saveAsync(p).get(5, TimeUnit.SECONDS);
            try (var files = Files.list(dir.resolve("viplab"))) {
                assertEquals(1, files.count(), "only prefs.json: no temporary file left behind");
            }
            Prefs back = store.load();
            assertEquals(10.0, back.x);
            assertEquals(700, back.height);
            assertEquals("dark", back.theme);
            assertEquals("zh-CN", back.language);
            assertEquals(1.5, back.fontScale);
        }
    }

    @Test
    void aBrokenOrMissingFileGivesDefaultsAndSaysWhy(@TempDir Path dir) throws Exception {
        PrefsStore store = new PrefsStore(dir);
        Prefs fresh = store.load();
        assertNull(fresh.x);
        assertEquals("light", fresh.theme);
        Files.writeString(dir.resolve("prefs.json"), "{ \"width\": ");
        Prefs broken = store.load();
        assertEquals(1400, broken.width);
        assertNotNull(store.lastError());
        assertTrue(store.lastError().contains("prefs.json"), store.lastError());
        Files.writeString(dir.resolve("prefs.json"), "{ \"width\": 5, \"fontScale\": 99, \"theme\": \"neon\" }");
        Prefs insane = store.load();
        assertEquals(1400, insane.width, "a window too small to use is not restored");
        assertEquals(1.0, insane.fontScale);
        assertEquals("light", insane.theme);
        // Written by an early build: NaN position. Read as "not placed", and saving works again.
        Files.writeString(dir.resolve("prefs.json"), "{ \"x\": NaN, \"y\": NaN, \"width\": 1000.0, \"height\": 700.0 }");
        Prefs nan = store.load();
        assertNull(nan.x);
        assertEquals(1000, nan.width);
        store.saveAsync(nan).get(5, TimeUnit.SECONDS);
        assertTrue(Files.readString(dir.resolve("prefs.json")).contains("\"width\": 1000.0"));
        assertFalse(Files.readString(dir.resolve("prefs.json")).contains("NaN"));
        store.close();
    }

    @Test
    void theConfigDirPropertyWins() {
        String old = System.getProperty("viplab.configDir");
        try {
            System.setProperty("viplab.configDir", "/tmp/somewhere/viplab-test");
            assertEquals(Path.of("/tmp/somewhere/viplab-test"), PrefsStore.defaultDir());
            System.clearProperty("viplab.configDir");
            assertTrue(PrefsStore.defaultDir().endsWith(Path.of("viplab")));
        } finally {
            if (old != null) System.setProperty("viplab.configDir", old);
        }
    }
}
