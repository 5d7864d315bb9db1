package org.viplab.cli.lab;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One fresh incident recorded on the lab during a real drill run, then replayed: tcpdump on the lab's bridge and
 * each host's keepalived log while {@code real-mode1-mysql-stop} runs with {@code --engine ssh}; {@code viplab
 * replay} on those files must find the failovers the SSH engine observed in the same run (count, from and to,
 * the no-VIP gap within the logs' stamping delay).
 */
@EnabledIfEnvironmentVariable(named = "VIPLAB_E2E", matches = "1",
        disabledReason = "needs root and the lab's packages (run .ci/e2e-lab.sh)")
class ReplayE2ETest {
    /** The hosts' log wrapper stamps a line when it reads it: 67 ms late was seen on a loaded machine. */
    private static final double GAP_TOLERANCE_MS = 150;

    @Test
    void aReplayOfTheRunsOwnLogsAndCaptureFindsWhatTheSshEngineSaw() throws Exception {
        Path out = RealLabE2ETest.OUT.resolve("replay");
        Files.createDirectories(out);
        Map<String, Object> fig = RealLabE2ETest.withLab(1, (dir, f) -> {
            Path pcap = out.resolve("vrrp.pcap");
            Files.deleteIfExists(pcap);
            // tcpdump in the bridge's namespace: it sees both hosts' adverts and gratuitous ARPs
            Process tcpdump = new ProcessBuilder("ip", "netns", "exec", "viplab-sw", "tcpdump", "-i", "br0", "-U", "-w", pcap.toString(), "vrrp or arp")
                    .redirectErrorStream(true).redirectOutput(out.resolve("tcpdump.txt").toFile()).start();
            Path json = out.resolve("ssh.json");
            RealLabE2ETest.Cli d;
            try {
                Thread.sleep(1000); // tcpdump is listening before the drill begins
                d = RealLabE2ETest.cli("drill", "samples/drills/real-mode1-mysql-stop.json", "--engine", "ssh",
                        "--inventory", dir.resolve("inventory.json").toString(), "--json", json.toString());
            } finally {
                tcpdump.destroy(); // SIGTERM: tcpdump flushes and closes the file
                if (!tcpdump.waitFor(10, TimeUnit.SECONDS)) tcpdump.destroyForcibly();
            }
            assertEquals(0, d.rc(), "the drill on real hosts failed:\n" + d.out() + d.err());
            for (String h : List.of("db1", "db2")) {
                String pid = RealLabE2ETest.sh("awk -v h=init-" + h + " '$1==\"proc\" && $4==h {print $2}' " + dir.resolve("records") + " | tail -1").strip();
                assertTrue(pid.matches("\\d+"), "the lab records " + h + "'s init: " + pid);
                Process cat = new ProcessBuilder("nsenter", "-t", pid, "-n", "-m", "-p", "-u", "-i", "--", "cat", "/var/log/keepalived.log")
                        .redirectOutput(out.resolve("keepalived-" + h + ".log").toFile()).start();
                assertEquals(0, cat.waitFor(), "read " + h + "'s keepalived log");
            }
            Path replayJson = out.resolve("incident.json");
            RealLabE2ETest.Cli r = RealLabE2ETest.cli("replay", "--tz", java.time.ZoneId.systemDefault().getId(),
                    "--log", "db1=" + out.resolve("keepalived-db1.log"), "--log", "db2=" + out.resolve("keepalived-db2.log"),
                    "--capture", pcap.toString(), "--json", replayJson.toString());
            assertEquals(0, r.rc(), "replay failed:\n" + r.out() + r.err());
            JsonArray seen = JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonArray("failovers");
            JsonArray replayed = JsonParser.parseString(Files.readString(replayJson)).getAsJsonObject().getAsJsonArray("failovers");
            // the logs cover the lab's whole life: the baseline before the drill and its restore after it (a failback) are
            // in them too, so the SSH engine's failovers must appear in order somewhere in the replay's
            assertTrue(seen.size() >= 1 && replayed.size() >= seen.size(), "failovers seen " + seen + ", replayed " + replayed);
            int at = -1;
            for (int k = 0; k + seen.size() <= replayed.size() && at < 0; k++) {
                boolean same = true;
                for (int i = 0; i < seen.size(); i++) same &= between(seen.get(i).getAsJsonObject()).equals(between(replayed.get(k + i).getAsJsonObject()));
                if (same) at = k;
            }
            assertTrue(at >= 0, "the SSH engine's failovers " + seen + " are not in the replay's " + replayed);
            List<JsonObject> tail = new java.util.ArrayList<>();
            for (int i = at; i < at + seen.size(); i++) tail.add(replayed.get(i).getAsJsonObject());
            for (int i = 0; i < seen.size(); i++) {
                JsonObject s = seen.get(i).getAsJsonObject();
                JsonObject x = tail.get(i);
                assertEquals(s.get("from").getAsString() + "->" + s.get("to").getAsString(), x.get("from").getAsString() + "->" + x.get("to").getAsString());
                double diff = Math.abs(s.get("gapMs").getAsDouble() - x.get("gapMs").getAsDouble());
                f.put("failover" + (i + 1), Map.of("sshGapMs", s.get("gapMs").getAsDouble(), "replayGapMs", x.get("gapMs").getAsDouble(), "diffMs", diff));
                assertTrue(diff <= GAP_TOLERANCE_MS, "no-VIP gap: SSH engine " + s.get("gapMs") + " ms, replay " + x.get("gapMs") + " ms");
            }
            f.put("failoversSeen", seen.size());
            f.put("failoversReplayed", replayed.size());
        });
        RealLabE2ETest.writeFigures("figures-replay.json", new LinkedHashMap<>(fig));
    }

    private static String between(JsonObject failover) { return failover.get("from").getAsString() + "->" + failover.get("to").getAsString(); }
}
