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
            links.add(o.get("atMs").getAsDouble() + " " + o.get("host").getAsString() + " " + o.get("text").getAsString());
        }
        assertEquals(List.of(
                "2000.0 db1 kill db1/haproxy (by drill)",
                "2000.0 db1 haproxy running → stopped (kill by drill)",
                "2817.626 db1 check_haproxy exit 0: ps -C haproxy: none",
                "2822.626 db1 keepalived running → stopping (check script /etc/keepalived/check_haproxy_status.sh: service keepalived stop)",
                "2822.626 db1 VRRPv2 advert vrid 51 priority 0 interval 1s",
                "2822.626 db2 keepalived: (VI_1) Backup received priority 0 advertisement",
                "3787.469 db2 BACKUP → MASTER (Receive advertisement timeout)",
                "3787.469 db2 10.9.8.120 added (VRRP MASTER)"), links);
        assertEquals(f.get("endMs").getAsDouble(), why.get(why.size() - 1).getAsJsonObject().get("atMs").getAsDouble(),
                "the last link is the failover's end");
        assertEquals(f.get("causeMs").getAsDouble(), why.get(0).getAsJsonObject().get("atMs").getAsDouble(), "the first is its cause");
    }

    @Test
    void whyPrintsTheChainUnderEachFailoverInTheChosenLanguage() {
        DrillCommandReportTest.Run en = DrillCommandReportTest.run("drill", MODE1, "--quiet", "--why");
        assertEquals(0, en.exit());
        List<String> lines = en.out().lines().toList();
        int at = lines.indexOf("  failover db1 -> db2 at 3.471 s, why:");
        assertTrue(at > 0, en.out());
        assertEquals(List.of(
                "        2.000           db1    stop db1/mysqld (by drill)",
                "        2.000           db1    mysqld running → stopping (stop by drill)",
                "        2.300   +0.300  db1    mysqld stopping → stopped (exited)",
                "        2.818   +0.518  db1    check_haproxy exit 0: ps -C mysqld: none",
                "        2.823   +0.005  db1    keepalived running → stopping (check script /etc/keepalived/check_mysql.sh: service keepalived stop)",
                "        2.823           db1    VRRPv2 advert vrid 51 priority 0 interval 1s",
                "        2.823           db2    keepalived: (VI_1) Backup received priority 0 advertisement",
                "        3.471   +0.648  db2    BACKUP → MASTER (Receive advertisement timeout)",
                "        3.471           db2    10.9.8.120 added (VRRP MASTER)"), lines.subList(at + 1, at + 10));
        DrillCommandReportTest.Run zh = DrillCommandReportTest.run("drill", MODE1, "--quiet", "--why", "--lang", "zh-CN");
        assertTrue(zh.out().contains("db2    10.9.8.120 已添加（VRRP MASTER）"), zh.out());
        assertEquals(2, DrillCommandReportTest.run("drill", MODE1, "--lang", "zh-CN").exit(), "--lang alone says nothing to translate");
    }
}
