package org.viplab.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viplab.testing.EnglishText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Every parser note and parse error in English and Simplified Chinese: the keys the code uses, the bundles, and real notes and errors rendered. */
class ConfigTextTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Pattern KEY = Pattern.compile("\"(config\\.[A-Za-z0-9.\\-]+)\"");
    private static final Pattern ARG = Pattern.compile("\\{(\\d+)}");

    /** Every "config.…" literal in the parsers, the importer, the lint/import commands and the Findings tab. */
    static Set<String> keysInCode() throws IOException {
        Set<String> keys = new TreeSet<>();
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("src/main/java/org/viplab/config"))) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
        }
        sources.add(Path.of("src/main/java/org/viplab/cli/LintCommand.java"));
        sources.add(Path.of("src/main/java/org/viplab/cli/ImportCommand.java"));
        sources.add(Path.of("src/main/java/org/viplab/ui/findings/FindingsPanel.java"));
        for (Path p : sources) {
            Matcher m = KEY.matcher(Files.readString(p));
            while (m.find()) {
                assertFalse(m.group(1).endsWith("."), "a key prefix completed in code that this test does not know: " + m.group(1) + " in " + p);
                keys.add(m.group(1));
            }
        }
        return keys;
    }

    @Test
    void everyKeyTheCodeUsesIsInBothBundlesAndNoneIsLeftOver() throws IOException {
        Set<String> used = keysInCode();
        assertTrue(used.size() > 80, "the scan found the keys (" + used.size() + ")");
        for (Locale l : List.of(Locale.ENGLISH, ZH)) {
            ResourceBundle b = ConfigText.bundle(l);
            assertEquals(List.of(), used.stream().filter(k -> !b.containsKey(k)).toList(), "keys missing in the " + l + " bundle");
            assertEquals(List.of(), b.keySet().stream().filter(k -> !used.contains(k)).sorted().toList(), "keys in the " + l + " bundle that no code uses");
        }
    }

    @Test
    void bothLanguagesTakeTheSameArgumentsAndTheChineseIsChinese() {
        ResourceBundle en = ConfigText.bundle(Locale.ENGLISH);
        ResourceBundle zh = ConfigText.bundle(ZH);
        assertNotSame(en, zh, "a separate Chinese bundle");
        assertEquals(new TreeSet<>(en.keySet()), new TreeSet<>(zh.keySet()));
        for (String k : en.keySet()) {
            assertEquals(args(en.getString(k)), args(zh.getString(k)), k + ": the same {n} in both languages");
            assertTrue(EnglishText.hasChinese(zh.getString(k)), k + " is not translated: " + zh.getString(k));
            assertEquals(List.of(), EnglishText.phrases(zh.getString(k)), k + " still reads English: " + zh.getString(k));
        }
    }

    private static Set<String> args(String pattern) {
        Set<String> s = new TreeSet<>();
        Matcher m = ARG.matcher(pattern);
        while (m.find()) s.add(m.group(1));
        return s;
    }

    /** The English of a few patterns with MessageFormat's traps (braces, an apostrophe, numbers) is what the concatenation gave. */
    @Test
    void englishIsTheDefaultAndKeepsItsBytes() {
        assertEquals("expected \"}\" or a keyword, got a second \"{\"", ConfigText.of("config.error.secondBrace").english());
        assertEquals("db1: server s1 10.0.0.9 is neither node's address; left out of the simulation",
                ConfigText.of("config.note.serverNotNode", "db1", "s1", "10.0.0.9").english());
        assertEquals("file is 16777217 bytes, over the 16777216-byte limit for a config file; is this the right file?",
                ConfigText.of("config.error.fileTooLarge", 16777217L, 16777216L).english(), "numbers are not grouped");
        assertEquals("expected advert_int in 0.01..255.0, got 300", ConfigText.of("config.error.range", "advert_int", 0.01, 255.0, "300").english());
        ConfigText t = ConfigText.of("config.error.expected", ConfigText.of("config.what.numberAfterQ", "priority"));
        assertEquals("expected a number after \"priority\"", t.english());
        assertEquals(t.english(), t.render(Locale.GERMAN));
        assertEquals(t.english(), t.render(null));
        assertEquals("缺少 \"priority\" 后的数字", t.render(ZH));
        assertEquals(t.render(ZH), t.render(Locale.forLanguageTag("zh-TW")));
    }

    private static final String BAD_KEEPALIVED = """
            vrrp_instance VI_1 {
                state BACKUP
                priority high
            }
            """;

    /** Each broken input gives a parse error whose Chinese has no English sentence and keeps the user's words. */
    @Test
    void parseErrorsReadChinese() {
        Map<String, String> keepalived = new LinkedHashMap<>();
        keepalived.put(BAD_KEEPALIVED, "high");
        keepalived.put("vrrp_instance VI_1 {\n  state SLAVE\n}\n", "SLAVE");
        keepalived.put("vrrp_instance VI_1 {\n  virtual_router_id 300\n}\n", "300");
        keepalived.put("vrrp_instance VI_1 {\n  priority 100\n", "vrrp_instance");
        keepalived.put("}\n", "}");
        keepalived.put("vrrp_script {\n}\n", "vrrp_script");
        keepalived.put("vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.x/abc\n  }\n}\n", "10.0.0.x/abc");
        keepalived.put("vrrp_instance VI_1 {\n  advert_int fast\n}\n", "fast");
        keepalived.put("global_defs {\n  router_id \"db1\n}\n", "\"");
        keepalived.put("vrrp_instance VI_1 {\n  track_script {\n    chk weight\n  }\n}\n", "weight");
        int n = 0;
        for (Map.Entry<String, String> e : keepalived.entrySet()) {
            ConfigParseException x = assertThrows(ConfigParseException.class, () -> KeepalivedParser.parse(e.getKey(), "k.conf"));
            checkChinese(x, e.getValue());
            n++;
        }
        Map<String, String> haproxy = new LinkedHashMap<>();
        haproxy.put("frontend\n", "frontend");
        haproxy.put("frontend fe\n  bind :99999\n", "99999");
        haproxy.put("backend be\n  timeout check 2x\n", "2x");
        haproxy.put("backend be\n  server s1 10.0.0.1:3306 check inter\n", "inter");
        haproxy.put("backend be\n  server s1 10.0.0.1:3306 check fall 0\n", "0");
        haproxy.put("frontend fe from nodefaults\n", "nodefaults");
        for (Map.Entry<String, String> e : haproxy.entrySet()) {
            ConfigParseException x = assertThrows(ConfigParseException.class, () -> HaproxyParser.parse(e.getKey(), "h.cfg"));
            checkChinese(x, e.getValue());
            n++;
        }
        assertEquals(16, n);
    }

    private static void checkChinese(ConfigParseException x, String userWord) {
        String zh = x.message(ZH);
        assertTrue(zh.startsWith(x.pos() + ": "), zh);
        assertTrue(EnglishText.hasChinese(zh), zh);
        assertEquals(List.of(), EnglishText.phrases(zh), "reads English: " + zh + " (English: " + x.getMessage() + ")");
        assertTrue(zh.contains(userWord), "the user's word stays: " + zh);
        assertEquals(x.getMessage(), x.message(Locale.ENGLISH));
        assertEquals(x.pos() + ": " + x.reason(), x.getMessage());
        assertNotEquals(x.getMessage(), zh);
    }

    /** Notes from a file with unknown keywords, a sync group, a missing VRID, a dangling track_script and unmodelled haproxy lines. */
    @Test
    void notesReadChineseAndMessageStaysEnglish(@TempDir Path tmp) throws Exception {
        Path db1 = Files.createDirectories(tmp.resolve("db1"));
        Path db2 = Files.createDirectories(tmp.resolve("db2"));
        String k = """
                lvs_thing 1
                global_defs {
                  frobnicate yes
                }
                vrrp_sync_group G {
                  group {
                    VI_1
                  }
                }
                vrrp_script chk {
                  script "/etc/keepalived/check_mysql.sh"
                  weight -20 reverse
                  bogus 1
                }
                vrrp_instance VI_1 {
                  state BACKUP
                  interface eth0
                  priority 100
                  frobnicate
                  authentication {
                    auth_kind x
                  }
                  virtual_ipaddress {
                    10.0.0.100/24
                  }
                  track_script {
                    chk
                    missing
                  }
                }
                virtual_server 10.0.0.100 3306 {
                }
                """;
        Files.writeString(db1.resolve("keepalived.conf"), k);
        Files.writeString(db2.resolve("keepalived.conf"), k.replace("priority 100", "priority 90"));
        String h = """
                peers mypeers
                  peer a 1.2.3.4:1024
                frontend fe
                  bind :3306
                  mode http
                  frobnicate
                  default_backend be
                backend be
                  bind :1
                  mode tcp
                  option httpchk
                  server db1 10.0.0.1:3306 check wobble
                  server other 10.9.9.9:3306 check
                """;
        Files.writeString(db1.resolve("haproxy.cfg"), h);
        Files.writeString(db2.resolve("haproxy.cfg"), h);
        Map<String, Path> dirs = new LinkedHashMap<>();
        dirs.put("db1", db1);
        dirs.put("db2", db2);
        ConfigImporter.Result r = ConfigImporter.importNodes(dirs);
        Set<String> keys = new TreeSet<>();
        for (Note n : r.notes()) {
            assertNotNull(n.text().key(), "every parser note has a key: " + n);
            keys.add(n.text().key());
            String zh = n.message(ZH);
            assertTrue(EnglishText.hasChinese(zh), zh);
            assertEquals(List.of(), EnglishText.phrases(zh), "reads English: " + zh + " (English: " + n.message() + ")");
            assertEquals(n.message(), n.message(Locale.ENGLISH));
            assertEquals(n.pos() + ": " + n.message(), n.toString());
            assertFalse(EnglishText.phrases(n.message()).isEmpty(), "the check sees English where it is: " + n.message());
        }
        assertTrue(keys.size() >= 16, "many kinds of note: " + keys);
        assertTrue(r.notes().stream().anyMatch(n -> n.message().equals("unknown keyword \"lvs_thing\" at top level; keepalived would ignore it with a warning")),
                r.notes().toString());
        assertTrue(r.notes().stream().anyMatch(n -> n.message(ZH).equals("顶层的未知关键字 \"lvs_thing\"；keepalived 会忽略它并给出警告")));
    }
}
