package org.viplab.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viplab.config.ConfigImporter;
import org.viplab.config.TopologyEquivalence;
import org.viplab.drill.Drill;
import org.viplab.drill.DrillParser;
import org.viplab.core.model.Mode;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyJson;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ConfigCommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return Launcher.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() { return out.toString(StandardCharsets.UTF_8); }

    private String err() { return err.toString(StandardCharsets.UTF_8); }

    private static String node(String n, String sample) { return n + "=samples/configs/" + sample + "/" + n; }

    @Test
    void importedTopologyRunsInADrill(@TempDir Path dir) throws Exception {
        Path topo = dir.resolve("topology.json");
        assertEquals(0, run("import", "--node", node("db1", "mode1"), "--node", node("db2", "mode1"), "--out", topo.toString()), err());
        Topology t = TopologyJson.read(topo);
        assertEquals(Mode.DB_TRACKING, t.mode);
        Path drill = dir.resolve("drill.json");
        Files.writeString(drill, """
                {
                  "name": "imported mode 1: stop keepalived on db1",
                  "topology": "topology.json",
                  "steps": [
                    {"at": "5s", "action": "stop", "target": "db1/keepalived"},
                    {"expect": "vip-on", "host": "db2", "within": "1s"},
                    {"expect": "no-split-brain"}
                  ]
                }
                """);
        Drill d = DrillParser.parseFile(drill);
        assertEquals("10.9.8.120", d.topology().vip);
        assertEquals(0, run("drill", drill.toString()), out() + err());
        assertTrue(out().contains("PASSED"), out());
    }

    /** --foreign: another router's keepalived.conf becomes a foreign router, which the drill's simulator runs. */
    @Test
    void importWithAForeignRouterRunsTheVridClash(@TempDir Path dir) throws Exception {
        Path topo = dir.resolve("clash.json");
        assertEquals(0, run("import", "--node", node("db1", "mode1"), "--node", node("db2", "mode1"),
                "--foreign", "samples/configs/foreign/keepalived.conf", "--out", topo.toString()), err());
        assertTrue(out().contains("foreign routers 10.9.8.77 VRID 51 priority 120"), out());
        assertTrue(err().contains("samples/configs/foreign/keepalived.conf:27:1: foreign vrrp_instance VI_BACK is on interface ens34"), err());
        assertEquals(List.of("10.9.8.150"), TopologyJson.read(topo).foreignRouters.get(0).vips);
        // a VM cloned from db1 (our VIP and password, priority 150): its adverts win VRID 51's election
        Path clone = Files.writeString(dir.resolve("clone.conf"), """
                vrrp_instance VI_1 {
                    interface ens33
                    virtual_router_id 51
                    priority 150
                    authentication {
                        auth_type PASS
                        auth_pass 1111
                    }
                    virtual_ipaddress {
                        10.9.8.120 dev ens33
                    }
                }
                """);
        assertEquals(0, run("import", "--node", node("db1", "mode1"), "--node", node("db2", "mode1"),
                "--foreign", clone.toString(), "--out", dir.resolve("clone.json").toString()), err());
        Files.writeString(dir.resolve("d.json"), """
                {"name": "imported clone", "topology": "clone.json", "duration": "10s",
                 "steps": [{"at": "5s", "expect": "vip-nowhere", "for": "4s"}]}
                """);
        assertEquals(0, run("drill", dir.resolve("d.json").toString()), out() + err());
        Files.writeString(clone, Files.readString(clone).replace("priority 150", "priority 256"));
        assertEquals(2, run("import", "--node", node("db1", "mode1"), "--node", node("db2", "mode1"), "--foreign", clone.toString()));
        assertTrue(err().startsWith(clone + ":4:"), err());
        assertTrue(err().contains("256"), err());
    }

    @Test
    void importedMode2RunsInADrillToo(@TempDir Path dir) throws Exception {
        Path topo = dir.resolve("t2.json");
        assertEquals(0, run("import", "--node", node("db1", "mode2"), "--node", node("db2", "mode2"), "--out", topo.toString()), err());
        Files.writeString(dir.resolve("d.json"), """
                {"name": "imported mode 2: stop haproxy on db1", "topology": "t2.json",
                 "steps": [{"at": "5s", "action": "stop", "target": "db1/haproxy"},
                           {"expect": "vip-on", "host": "db2", "within": "5s"}]}
                """);
        assertEquals(0, run("drill", dir.resolve("d.json").toString()), out() + err());
    }

    @Test
    void lintExitCodes() {
        assertEquals(1, run("lint", "--node", node("db1", "mode1"), "--node", node("db2", "mode1")));
        assertTrue(out().contains("[weight-too-small]"), out());
        assertTrue(out().contains("simulated: "), out());
        assertEquals(0, run("lint", "--node", node("db1", "mode2-recommended"), "--node", node("db2", "mode2-recommended")), out());
        assertTrue(out().contains("0 error(s), 0 warning(s)"), out());
    }

    @Test
    void lintInChinese() {
        assertEquals(1, run("lint", "--node", node("db1", "mode1"), "--node", node("db2", "mode1")));
        String english = out();
        assertEquals(1, run("lint", "--lang", "zh-CN", "--node", node("db1", "mode1"), "--node", node("db2", "mode1")));
        String zh = out();
        System.out.println("viplab lint --lang zh-CN on samples/configs/mode1:\n" + zh);
        assertTrue(zh.contains("keepalived.conf:10:12: 错误 [weight-too-small] 权重 -5 太小，无法让 VIP 漂移：100 − 5 = 95 ≥ 90（db2）"), zh);
        assertTrue(zh.contains("    原因：") && zh.contains("    修正：") && zh.contains("    模拟结果： 5 秒时停止 db1 上的 mysqld，并让 check_haproxy 在检查失败时以 1 退出：VIP 一直在 db1 上；30 s 内客户端中断"), zh);
        assertTrue(zh.matches("(?s).*\\d+ 个错误，\\d+ 个警告，\\d+ 条提示；\\d+ 条备注（用 --notes 显示）\\s*"), zh);
        assertFalse(zh.contains("why:") || zh.contains("fix:") || zh.contains("simulated:") || zh.contains("error(s)"), zh);
        // The same findings in the same order: one line per finding head, rule for rule.
        assertEquals(rules(english), rules(zh));
        assertEquals(english.lines().count(), zh.lines().count());
        for (String line : zh.lines().toList()) {
            assertEquals(List.of(), org.viplab.testing.EnglishText.phrases(line), "English left in: " + line);
        }
        // "en" is the default spelled out; an unknown language is a usage error.
        assertEquals(1, run("lint", "--lang", "en", "--node", node("db1", "mode1"), "--node", node("db2", "mode1")));
        assertEquals(english, out());
        assertEquals(2, run("lint", "--lang", "fr", "--node", node("db1", "mode1"), "--node", node("db2", "mode1")));
        assertTrue(err().contains("unknown language 'fr'; languages: en, zh-CN"), err());
    }

    private static List<String> rules(String out) {
        return out.lines().filter(l -> l.matches(".*:\\d+:\\d+: \\S+ \\[[a-z0-9-]+].*")).map(l -> l.replaceAll(".*\\[([a-z0-9-]+)].*", "$1")).toList();
    }

    /** The three-node sample with db3's VRID changed: one finding, at db3's line, in both languages. */
    @Test
    void lintThreeNodes(@TempDir Path dir) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("lint"));
        for (String n : List.of("db1", "db2", "db3")) {
            Path d = Files.createDirectories(dir.resolve(n));
            try (var files = Files.list(Path.of("samples/configs/galera3", n))) {
                for (Path f : files.toList()) Files.copy(f, d.resolve(f.getFileName()));
            }
            args.addAll(List.of("--node", n + "=" + d));
        }
        assertEquals(0, run(args.toArray(String[]::new)), out());
        Path conf = dir.resolve("db3/keepalived.conf");
        Files.writeString(conf, Files.readString(conf).replace("virtual_router_id 51", "virtual_router_id 52"));
        assertEquals(1, run(args.toArray(String[]::new)), out());
        assertEquals(List.of("vrrp-mismatch"), rules(out()).stream().filter(r -> r.equals("vrrp-mismatch")).toList(), out());
        assertTrue(out().contains(conf + ":20:23: error [vrrp-mismatch] virtual_router_id differs: 51 on db1 and db2, 52 on db3\n"), out());
        assertTrue(out().contains("    fix: use the same virtual_router_id on db1, db2 and db3\n"), out());
        args.addAll(List.of("--lang", "zh-CN"));
        assertEquals(1, run(args.toArray(String[]::new)), out());
        assertTrue(out().contains(conf + ":20:23: 错误 [vrrp-mismatch] virtual_router_id 不一致：db1 和 db2 上为 51，db3 上为 52\n"), out());
        assertTrue(out().contains("    修正： 在 db1、db2 和 db3 上使用相同的 virtual_router_id\n"), out());
    }

    @Test
    void lintJsonInChineseKeepsTheKeysAndRuleIds() {
        assertEquals(1, run("lint", "--json", "--lang", "zh-CN", "--node", node("db1", "mode1"), "--node", node("db2", "mode1")));
        JsonObject o = JsonParser.parseString(out()).getAsJsonObject();
        JsonObject weight = null;
        for (var e : o.getAsJsonArray("findings")) {
            if (e.getAsJsonObject().get("rule").getAsString().equals("weight-too-small")) weight = e.getAsJsonObject();
        }
        assertNotNull(weight, out());
        assertEquals("error", weight.get("severity").getAsString(), "machine fields stay as they are");
        assertTrue(weight.get("message").getAsString().startsWith("权重 -5 太小"), weight.toString());
        assertTrue(weight.get("simulated").getAsString().contains("VIP 一直在 db1 上"), weight.toString());
    }

    @Test
    void lintParseErrorIsExitTwoWithFileLineColumn(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("a/keepalived.conf"), "vrrp_instance VI_1 {\n  state MASTER\n  priority high\n}\n");
        Files.writeString(dir.resolve("b/keepalived.conf"), "vrrp_instance VI_1 {\n}\n");
        assertEquals(2, run("lint", "--node", "db1=" + dir.resolve("a"), "--node", "db2=" + dir.resolve("b")));
        assertTrue(err().contains("keepalived.conf:3:12: expected a whole number after \"priority\""), err());
        assertEquals(2, run("lint", "--json", "--node", "db1=" + dir.resolve("a"), "--node", "db2=" + dir.resolve("b")));
        JsonObject o = JsonParser.parseString(out()).getAsJsonObject();
        assertEquals(3, o.get("line").getAsInt());
        assertEquals(12, o.get("column").getAsInt());
    }

    @Test
    void lintJsonIsMachineReadable() {
        assertEquals(1, run("lint", "--json", "--node", node("db1", "mode2"), "--node", node("db2", "mode2")));
        JsonObject o = JsonParser.parseString(out()).getAsJsonObject();
        var findings = o.getAsJsonArray("findings");
        assertTrue(findings.size() > 5);
        JsonObject first = findings.get(0).getAsJsonObject();
        assertEquals("error", first.get("severity").getAsString());
        assertTrue(first.get("line").getAsInt() > 0);
        assertTrue(first.has("why") && first.has("fix"));
    }

    @Test
    void renderThenImportGivesTheSameTopology(@TempDir Path dir) throws Exception {
        Path topo = dir.resolve("t.json");
        assertEquals(0, run("preset", "mode2", "--out", topo.toString()));
        assertEquals(0, run("render", topo.toString(), "--out", dir.resolve("out").toString()), err());
        assertTrue(out().contains("haproxy.cfg"), out());
        Map<String, Path> dirs = new LinkedHashMap<>();
        dirs.put("db1", dir.resolve("out/db1"));
        dirs.put("db2", dir.resolve("out/db2"));
        Topology back = ConfigImporter.importNodes(dirs).topology();
        assertEquals(List.of(), TopologyEquivalence.differences(TopologyJson.read(topo), back));
    }

    @Test
    void badNodeOptions() {
        assertEquals(2, run("import", "--node", "db1=/nonexistent/dir", "--node", "db2=/tmp"));
        assertTrue(err().contains("not a directory"), err());
        assertEquals(2, run("lint", "--node", "db1"));
    }

    /** Notes and parse errors in Chinese with --lang zh-CN on lint and import; English stays the default. */
    @Test
    void notesAndParseErrorsInChinese(@TempDir Path dir) throws Exception {
        assertEquals(1, run("lint", "--notes", "--no-simulate", "--node", node("db1", "mode1"), "--node", node("db2", "mode1")));
        String en = out();
        assertTrue(en.contains("/db1:1:1: note: node db1: no unicast_src_ip, unicast_peer or haproxy server names its address; 10.9.8.201 assumed"), en);
        assertEquals(1, run("lint", "--notes", "--no-simulate", "--lang", "zh-CN", "--node", node("db1", "mode1"), "--node", node("db2", "mode1")));
        String zh = out();
        assertTrue(zh.contains("/db1:1:1: 备注： 节点 db1：unicast_src_ip、unicast_peer 和 haproxy 的 server 行都没有给出它的地址；假定为 10.9.8.201"), zh);
        for (String line : zh.lines().toList()) assertEquals(List.of(), org.viplab.testing.EnglishText.phrases(line), "English left in: " + line);

        assertEquals(0, run("import", "--node", node("db1", "mode1"), "--node", node("db2", "mode1")));
        assertTrue(err().contains("note: samples/configs/mode1/db1:1:1: node db1: no unicast_src_ip"), err());
        assertEquals(0, run("import", "--lang", "zh-CN", "--node", node("db1", "mode1"), "--node", node("db2", "mode1")));
        assertTrue(err().contains("备注： samples/configs/mode1/db1:1:1: 节点 db1："), err());
        assertFalse(err().contains("assumed"), err());
        assertEquals(2, run("import", "--lang", "fr", "--node", node("db1", "mode1"), "--node", node("db2", "mode1")));

        Path db1 = Files.createDirectories(dir.resolve("db1"));
        Files.writeString(db1.resolve("keepalived.conf"), "vrrp_instance VI_1 {\n  priority high\n}\n");
        String bad = "db1=" + db1;
        assertEquals(2, run("import", "--node", bad, "--node", node("db2", "mode1")));
        assertEquals(db1.resolve("keepalived.conf") + ":2:12: expected a whole number after \"priority\", got \"high\"\n", err());
        assertEquals(2, run("import", "--lang", "zh-CN", "--node", bad, "--node", node("db2", "mode1")));
        assertEquals(db1.resolve("keepalived.conf") + ":2:12: \"priority\" 后应为整数，实际为 \"high\"\n", err());
        assertEquals(2, run("lint", "--lang", "zh-CN", "--node", bad, "--node", node("db2", "mode1")));
        assertEquals(db1.resolve("keepalived.conf") + ":2:12: \"priority\" 后应为整数，实际为 \"high\"\n", err());
        assertEquals(2, run("lint", "--json", "--lang", "zh-CN", "--node", bad, "--node", node("db2", "mode1")));
        assertEquals("\"priority\" 后应为整数，实际为 \"high\"", JsonParser.parseString(out()).getAsJsonObject().get("parseError").getAsString());
    }
}
