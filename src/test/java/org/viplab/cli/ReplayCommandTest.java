package org.viplab.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code viplab replay} on the real-lab recordings: what it prints, its JSON and its report. */
class ReplayCommandTest {
    private static final String DIR = "src/test/resources/fixtures/real-lab-2026-11-25/";

    private static String f(String run, String file) { return DIR + run + "/" + file; }

    private static DrillCommandReportTest.Run s5(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("replay", "--tz", "UTC",
                "--log", "db2=" + f("S5-run3", "keepalived-db2.log") + "," + f("S5-run3", "mon-db2.log"),
                "--capture", f("S5-run3", "tcpdump-br0.txt"), "--address", "db1=10.9.8.201"));
        args.addAll(List.of(more));
        return DrillCommandReportTest.run(args.toArray(String[]::new));
    }

    @Test
    void printsTheFailoverWithItsInferredWhyChainTheClocksAndTheFindings() {
        DrillCommandReportTest.Run r = DrillCommandReportTest.run("replay", "--tz", "UTC",
                "--log", "db1=" + f("S2-run2", "keepalived-db1.log") + "," + f("S2-run2", "mon-db1.log"),
                "--log", "db2=" + f("S2-run2", "keepalived-db2.log") + "," + f("S2-run2", "mon-db2.log"),
                "--capture", f("S2-run2", "tcpdump-br0.txt"));
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("Incident: t = 0 is 2026-11-25 13:31:05.308 +00:00")
                .contains("db1 +2.7 ms ± 21.0 ms (1 pair), one pair cannot tell a clock offset from the log's delay: not applied")
                .contains("  failovers: 1")
                .containsPattern("  failover db1 -> db2 at 6\\.20[0-9] s, why \\(inferred from what the hosts showed\\):")
                .containsPattern("db1 +advert, priority 0, VRID 51")
                .contains("  findings: none")
                .contains("client figures: absent");
    }

    @Test
    void jsonIsTheDrillResultSchemaWithEngineIncidentAndTheReportCarriesTheBadge(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("incident.json");
        Path report = tmp.resolve("report");
        DrillCommandReportTest.Run r = s5("--json", json.toString(), "--report", report.toString(), "--lang", "zh-CN");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("split brain (db1 and db2) from 5.652 s for 17.374692s");
        JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertThat(List.copyOf(o.keySet()).subList(0, 6)).containsExactly("schemaVersion", "tool", "provenance", "drill", "engine", "startEpochMs");
        assertThat(o.get("engine").getAsString()).isEqualTo("incident");
        // 2026-11-25 13:46:45.210 UTC: the capture's first advert
        assertThat(o.get("startEpochMs").getAsDouble()).isEqualTo(1_795_614_405_210.0);
        assertThat(o.get("clientFigures").getAsString()).isEqualTo("absent");
        assertThat(o.getAsJsonObject("metrics").get("clientDowntimeMs").isJsonNull()).isTrue();
        assertThat(o.getAsJsonObject("metrics").get("splitBrainMs").getAsDouble()).isEqualTo(17_374.692);
        JsonObject incident = o.getAsJsonObject("incident");
        assertThat(incident.getAsJsonArray("findings")).hasSize(2);
        assertThat(incident.getAsJsonArray("findings").get(0).getAsJsonObject().get("text").getAsString())
                .isEqualTo("db2 持有 VIP 17.4 秒，而 db1 仍在发送通告：脑裂");
        String html = Files.readString(report.resolve("report.html"));
        assertThat(html).contains("<span class=\"result recorded incident\">事故</span>").contains("db2 持有 VIP 17.4 秒")
                .contains("mysqld：日志中未提及（t = 0")
                .contains("根据日志和抓包回放的事故，没有预期");
        assertThat(Files.readString(report.resolve("result.json"))).contains("\"startEpochMs\"");
    }

    @Test
    void theEmittedDrillNamesTheFaultSeenAndTheSimulatorReproducesWhatHappened(@TempDir Path tmp) throws Exception {
        String d = "src/test/resources/fixtures/lab-2026-12-06-mysql-stop/";
        Path drill = tmp.resolve("incident-drill.json");
        DrillCommandReportTest.Run r = DrillCommandReportTest.run("replay", "--tz", "UTC",
                "--log", "db1=" + d + "keepalived-db1.log," + d + "mon-db1.log," + d + "mariadb-db1.err",
                "--log", "db2=" + d + "keepalived-db2.log," + d + "mon-db2.log," + d + "mariadb-db2.err",
                "--capture", d + "vrrp.pcap", "--emit-drill", drill.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        JsonObject o = JsonParser.parseString(Files.readString(drill)).getAsJsonObject();
        assertThat(o.get("preset").getAsString()).isEqualTo("mode1");
        // MariaDB's "Normal shutdown" at 6:28:56 (whole seconds), 2.078 s after t = 0 (06:28:53.922)
        assertThat(o.getAsJsonArray("steps").get(0).toString()).isEqualTo("{\"at\":\"2.078s\",\"action\":\"stop\",\"target\":\"db1/mysqld\"}");
        assertThat(o.getAsJsonArray("steps").get(1).toString()).isEqualTo("{\"expect\":\"vip-on\",\"host\":\"db2\",\"within\":\"6s\"}");
        DrillCommandReportTest.Run sim = DrillCommandReportTest.run("drill", drill.toString());
        assertThat(sim.exit()).as(sim.out()).isEqualTo(0);
        assertThat(sim.out()).contains("PASSED: Replayed incident");
    }

    @Test
    void whatIfRunsTheIncidentOnTheSimulatorAsConfiguredAndWithTheAlternativeBesideTheIncident(@TempDir Path tmp) throws Exception {
        String d = "src/test/resources/fixtures/lab-2026-12-06-mysql-stop/";
        Path report = tmp.resolve("what-if");
        DrillCommandReportTest.Run r = DrillCommandReportTest.run("replay", "--tz", "UTC",
                "--log", "db1=" + d + "keepalived-db1.log," + d + "mon-db1.log," + d + "mariadb-db1.err",
                "--log", "db2=" + d + "keepalived-db2.log," + d + "mon-db2.log," + d + "mariadb-db2.err",
                "--capture", d + "vrrp.pcap", "--config", "db1=samples/configs/mode1/db1", "--config", "db2=samples/configs/mode1/db2",
                "--what-if", "mode1-recommended", "--report", report.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("with mode1-recommended").contains("comparison: " + report.resolve("comparison.html"));
        JsonObject c = JsonParser.parseString(Files.readString(report.resolve("comparison.json"))).getAsJsonObject();
        assertThat(c.keySet()).contains("incidentPassed", "configuredPassed", "whatIfPassed");
        JsonObject gap = row(c, "failover 1 (db1 → db2): no-VIP gap");
        // the hosts' logs: db1 dropped the VIP at 5.647 s, db2 took it at 6.392 s
        assertThat(gap.get("incidentMs").getAsDouble()).isBetween(740.0, 750.0);
        // both configs leave db2 at priority 90: the simulator's gap is Skew(90) after db1's priority 0
        assertThat(gap.get("configuredMs").getAsDouble()).isEqualTo(648.437);
        assertThat(gap.get("whatIfMs").getAsDouble()).isEqualTo(648.437);
        JsonObject detection = row(c, "failover 1 (db1 → db2): detection");
        double asConfigured = detection.get("configuredMs").getAsDouble();
        double alternative = detection.get("whatIfMs").getAsDouble();
        assertThat(detection.get("diffMs").getAsDouble()).isCloseTo(alternative - asConfigured, org.assertj.core.data.Offset.offset(0.001));
        // the incident has no client-side source: its client figures are absent, the simulated runs' are not
        JsonObject downtime = row(c, "failover 1 (db1 → db2): client downtime");
        assertThat(downtime.get("incidentMs").isJsonNull()).isTrue();
        assertThat(downtime.get("configuredMs").isJsonNull()).isFalse();
        String html = Files.readString(report.resolve("comparison.html"));
        assertThat(html.split("data:image/png;base64,")).hasSize(4);
        assertThat(html).contains("the incident, as configured and with mode1-recommended").contains("none: replayed from the hosts\u2019 logs and captures")
                .contains("<a href=\"incident/report.html\">").contains("<a href=\"configured/report.html\">").contains("<a href=\"what-if/report.html\">");
        assertThat(Files.readString(report.resolve("incident/result.json"))).contains("\"engine\": \"incident\"");
        assertThat(Files.readString(report.resolve("what-if/result.json"))).contains("\"engine\": \"sim\"");
    }

    @Test
    void whatIfNeedsTheConfigsAndAReport() {
        String d = "src/test/resources/fixtures/lab-2026-12-06-mysql-stop/";
        DrillCommandReportTest.Run noConfig = DrillCommandReportTest.run("replay", "--log", "db1=" + d + "keepalived-db1.log", "--what-if", "mode1-recommended");
        assertThat(noConfig.exit()).isEqualTo(2);
        assertThat(noConfig.err()).contains("--what-if needs the hosts' configs");
        DrillCommandReportTest.Run unknown = DrillCommandReportTest.run("replay", "--log", "db1=" + d + "keepalived-db1.log",
                "--config", "db1=samples/configs/mode1/db1", "--config", "db2=samples/configs/mode1/db2", "--what-if", "mode9", "--report", "scratch/x");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("--what-if mode9: neither a preset");
    }

    @Test
    void configsAloneShowTheIncidentWithTheHostsOwnSettingsFilesAndLintInTheOutputJsonAndReport(@TempDir Path tmp) throws Exception {
        String d = "src/test/resources/fixtures/lab-2026-12-06-mysql-stop/";
        Path json = tmp.resolve("incident.json");
        Path report = tmp.resolve("report");
        DrillCommandReportTest.Run r = DrillCommandReportTest.run("replay", "--tz", "UTC",
                "--log", "db1=" + d + "keepalived-db1.log", "--log", "db2=" + d + "keepalived-db2.log", "--capture", d + "vrrp.pcap",
                "--config", "db1=samples/configs/mode1/db1", "--config", "db2=samples/configs/mode1/db2",
                "--json", json.toString(), "--report", report.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        // the tutorial's trap, found in the user's own file: 100 - 5 = 95 >= 90
        String weight = "samples/configs/mode1/db1/keepalived.conf:10:12: error [weight-too-small] weight -5 is too small to move the VIP";
        assertThat(r.out()).contains("configs (as read; the report's settings and files are theirs): db1=samples/configs/mode1/db1, "
                + "db2=samples/configs/mode1/db2; mode1, VIP 10.9.8.120").contains("  lint of the configs:\n").contains("    - " + weight);
        JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertThat(o.get("topology").getAsString()).isEqualTo("imported-mode1");
        JsonObject configs = o.getAsJsonObject("incident").getAsJsonObject("configs");
        assertThat(configs.getAsJsonObject("dirs").get("db1").getAsString()).isEqualTo("samples/configs/mode1/db1");
        assertThat(configs.getAsJsonArray("lint")).anySatisfy(f -> {
            assertThat(f.getAsJsonObject().get("rule").getAsString()).isEqualTo("weight-too-small");
            assertThat(f.getAsJsonObject().get("line").getAsInt()).isEqualTo(10);
        });
        String html = Files.readString(report.resolve("report.html"));
        assertThat(html).contains("Config lint: " + weight).contains("imported-mode1");
        assertThat(Files.readString(report.resolve("result.json"))).contains("\"weight-too-small\"");
    }

    @Test
    void theReportsSettingsAreTheConfigsNotTheTutorialsAndABrokenConfigIsExitCode2(@TempDir Path tmp) throws Exception {
        String d = "src/test/resources/fixtures/lab-2026-12-06-mysql-stop/";
        Path report = tmp.resolve("report");
        DrillCommandReportTest.Run r = DrillCommandReportTest.run("replay", "--tz", "UTC",
                "--log", "db1=" + d + "keepalived-db1.log", "--log", "db2=" + d + "keepalived-db2.log", "--capture", d + "vrrp.pcap",
                "--config", "db1=samples/configs/mode1-recommended/db1", "--config", "db2=samples/configs/mode1-recommended/db2",
                "--report", report.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        // mode1-recommended: both BACKUP with nopreempt, which the tutorial's mode 1 (the preset without configs) is not
        assertThat(Files.readString(report.resolve("report.html"))).containsPattern("nopreempt</td><td>true</td><td>true</td>");
        DrillCommandReportTest.Run without = DrillCommandReportTest.run("replay", "--tz", "UTC",
                "--log", "db1=" + d + "keepalived-db1.log", "--log", "db2=" + d + "keepalived-db2.log", "--capture", d + "vrrp.pcap",
                "--report", tmp.resolve("preset").toString());
        assertThat(without.exit()).as(without.err()).isEqualTo(0);
        assertThat(Files.readString(tmp.resolve("preset/report.html"))).containsPattern("nopreempt</td><td>false</td><td>false</td>")
                .doesNotContain("Config lint")
                // keepalived's logs say nothing of mysqld: the report's events say so, and never that it stopped
                .contains("mysqld: not in the logs (at t = 0)").doesNotContain("mysqld: stopped");
        Path db1 = Files.createDirectories(tmp.resolve("db1"));
        Files.writeString(db1.resolve("keepalived.conf"), "vrrp_instance VI_1 {\n    priority high\n}\n");
        DrillCommandReportTest.Run broken = DrillCommandReportTest.run("replay", "--tz", "UTC", "--log", "db1=" + d + "keepalived-db1.log",
                "--config", "db1=" + db1, "--config", "db2=samples/configs/mode1/db2");
        assertThat(broken.exit()).isEqualTo(2);
        assertThat(broken.err()).contains(db1.resolve("keepalived.conf") + ":2");
    }

    @Test
    void theClientsClockOffsetAndItsBoundArePrintedAndWrittenWithTheHosts(@TempDir Path tmp) throws Exception {
        String d = "src/test/resources/fixtures/lab-2026-12-06-client-neigh/";
        Path json = tmp.resolve("incident.json");
        DrillCommandReportTest.Run r = DrillCommandReportTest.run("replay", "--tz", "UTC",
                "--log", "db1=" + d + "keepalived-db1.log", "--log", "db2=" + d + "keepalived-db2.log", "--capture", d + "vrrp.pcap",
                "--client", d + "neigh-client.log", "--json", json.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("  clocks (log against the capture; a client's against the VIP's moves):")
                .containsPattern("    client \\+0\\.[0-9] ms ± 21\\.0 ms \\(2 pairs of its ARP entry's moves and the VIP's\\), within its uncertainty: not applied");
        JsonObject client = null;
        for (var c : JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonObject("incident").getAsJsonArray("clocks")) {
            if (c.getAsJsonObject().get("host").getAsString().equals("client")) client = c.getAsJsonObject();
        }
        assertThat(client).isNotNull();
        assertThat(client.get("uncertaintyMs").getAsDouble()).isEqualTo(21.0);
        assertThat(client.get("pairs").getAsInt()).isEqualTo(2);
        DrillCommandReportTest.Run stray = DrillCommandReportTest.run("replay", "--tz", "UTC", "--log", "db1=" + d + "keepalived-db1.log",
                "--offset", "client=+5ms");
        assertThat(stray.exit()).isEqualTo(2);
        assertThat(stray.err()).contains("--offset names client, which no --log gives (nor --client)");
    }

    private static JsonObject row(JsonObject comparison, String what) {
        for (var e : comparison.getAsJsonArray("rows")) {
            if (e.getAsJsonObject().get("what").getAsString().equals(what)) return e.getAsJsonObject();
        }
        throw new AssertionError("no row " + what + " in " + comparison);
    }

    @Test
    void aFileThatCannotBeReadIsExitCode2NamingFileAndLine(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("db1.log");
        Files.writeString(bad, "hello\n");
        DrillCommandReportTest.Run r = DrillCommandReportTest.run("replay", "--log", "db1=" + bad);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(bad + ":1: no timestamp VIP Lab can read");
        assertThat(DrillCommandReportTest.run("replay", "--log", "db1=" + tmp.resolve("missing.log")).err()).contains("missing.log: no such file");
        DrillCommandReportTest.Run offset = s5("--offset", "db2=35 parsecs");
        assertThat(offset.exit()).isEqualTo(2);
        assertThat(offset.err()).contains("--offset db2=35 parsecs: write HOST=±DURATION");
    }
}
