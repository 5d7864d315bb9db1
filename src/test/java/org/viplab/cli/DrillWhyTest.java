package org.viplab.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code drill FILE --why} and the {@code why} of each failover in {@code --json}, on the sample failovers. */
class DrillWhyTest {
    private static final String MODE1 = "samples/drills/01-mode1-basic-failover.json";
    private static final String MODE2 = "samples/drills/02-mode2-basic-failover.json";

    @Test
    void jsonFailoversCarryTheirChainFromTheActionToTheVipOnTheNewHolder(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("r.json");
        assertEquals(0, DrillCommandReportTest.run("drill", MODE2, "--quiet", "--json", out.toString()).exit());
        JsonObject f = JsonParser.parseString(Files.readString(out)).getAsJsonObject().getAsJsonArray("failovers").get(0).getAsJsonObject();
        JsonArray why = f.getAsJsonArray("why");
        List<String> links = new ArrayList<>();
        for (var l : why) {
            JsonObject o = l.getAsJsonObject();
            assertEquals(List.of("atMs", "host", "text"), List.copyOf(o.keySet()));
            links.add(o.get("host").getAsString() + " " + o.get("text").getAsString());
        }
        // the timings are the simulator's (tuned against the real lab); the links are what this pins
        assertEquals(List.of(
                "db1 kill db1/haproxy (by drill)",
                "db1 haproxy: running → stopped (kill by drill)",
                "db1 script check_haproxy exit 0: ps -C haproxy: none",
                "db1 keepalived: running → stopping (check script /etc/keepalived/check_haproxy_status.sh: service keepalived stop)",
                "db1 advert, priority 0, VRID 51, VRRPv2, every 1s",
                "db2 keepalived: (VI_1) Backup received priority 0 advertisement",
                "db2 BACKUP → MASTER (Receive advertisement timeout)",
                "db2 VIP 10.9.8.120 added (VRRP MASTER)"), links);
        double advert = why.get(4).getAsJsonObject().get("atMs").getAsDouble();
        double master = why.get(6).getAsJsonObject().get("atMs").getAsDouble();
        assertEquals(964.843, master - advert, 1e-6, "db2 (priority 9) takes over after Skew(9) alone");
        assertEquals(f.get("endMs").getAsDouble(), why.get(why.size() - 1).getAsJsonObject().get("atMs").getAsDouble(),
                "the last link is the failover's end");
        assertEquals(f.get("causeMs").getAsDouble(), why.get(0).getAsJsonObject().get("atMs").getAsDouble(), "the first is its cause");
    }

    @Test
    void whyPrintsTheChainUnderEachFailoverInTheChosenLanguage() {
        DrillCommandReportTest.Run en = DrillCommandReportTest.run("drill", MODE1, "--quiet", "--why");
        assertEquals(0, en.exit());
        List<String> lines = en.out().lines().toList();
        int at = -1;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).matches("  failover db1 -> db2 at [0-9.]+ s, why:")) at = i;
        assertTrue(at > 0, en.out());
        List<String> chain = lines.subList(at + 1, at + 10);
        for (String l : chain) assertTrue(l.matches(" {4}[ 0-9]{5}\\.[0-9]{3} [ +0-9.]{8}  .*"), "time, delta, then the link: " + l);
        assertEquals(List.of(
                "db1    stop db1/mysqld (by drill)",
                "db1    mysqld: running → stopping (stop by drill)",
                "db1    mysqld: stopping → stopped (exited)",
                "db1    script check_haproxy exit 0: ps -C mysqld: none",
                "db1    keepalived: running → stopping (check script /etc/keepalived/check_mysql.sh: service keepalived stop)",
                "db1    advert, priority 0, VRID 51, VRRPv2, every 1s",
                "db2    keepalived: (VI_1) Backup received priority 0 advertisement",
                "db2    BACKUP → MASTER (Receive advertisement timeout)",
                "db2    VIP 10.9.8.120 added (VRRP MASTER)"), chain.stream().map(l -> l.substring(24)).toList());
        assertEquals("        2.000           db1    stop db1/mysqld (by drill)", chain.get(0), "the drill's action at t = 2 s");
        assertTrue(chain.get(7).contains("  +0.648  db2"), "Skew(90) after the priority-0 advert: " + chain.get(7));
        DrillCommandReportTest.Run zh = DrillCommandReportTest.run("drill", MODE1, "--quiet", "--why", "--lang", "zh-CN");
        assertTrue(zh.out().contains("db2    VIP 10.9.8.120 已添加"), zh.out());
        assertEquals(2, DrillCommandReportTest.run("drill", MODE1, "--lang", "zh-CN").exit(), "--lang alone says nothing to translate");
    }
}
