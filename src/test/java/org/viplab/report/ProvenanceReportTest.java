package org.viplab.report;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viplab.drill.BuildInfo;
import org.viplab.drill.DrillResult;
import org.viplab.drill.Provenance;
import org.viplab.testing.Drills;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every report says where it comes from: tool, commit, command line, drill file and hash, engine, seed, JVM, OS, hosts. */
class ProvenanceReportTest {
    private static final Path DRILL = Path.of("samples/drills/01-mode1-basic-failover.json");

    private static DrillResult simRun() throws Exception {
        DrillResult r = Drills.runFile(DRILL);
        Provenance p = r.provenance().withCommandLine(List.of("drill", DRILL.toString(), "--report", "out dir"))
                .withDrillFile(DRILL).withRun(Instant.parse("2026-12-06T05:00:00Z"), 1234);
        return r.withProvenance(p);
    }

    @Test
    void theBuildCarriesItsCommit() {
        String commit = BuildInfo.current().commit();
        assertTrue(commit.matches("[0-9a-f]{40}(-dirty)?|unknown"), commit);
        assertFalse(BuildInfo.current().version().isBlank());
    }

    @Test
    void aSimulatorReportShowsItsProvenanceAndCopiesTheDrill(@TempDir Path tmp) throws Exception {
        DrillResult r = simRun();
        ReportWriter.write(r, tmp, ReportOptions.defaults());
        String html = Files.readString(tmp.resolve(ReportWriter.HTML));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(DRILL)));
        assertTrue(html.contains("data-engine=\"sim\">SIMULATOR</span>"), "the engine's badge in the title");
        assertTrue(html.contains(sha), "the drill file's sha256");
        assertTrue(html.contains(BuildInfo.current().commit()), "the commit");
        assertTrue(html.contains("<code>viplab drill samples/drills/01-mode1-basic-failover.json --report &apos;out dir&apos;</code>"),
                "the command line, quoted for a shell");
        assertTrue(html.contains(System.getProperty("java.runtime.version")), "the JVM");
        assertTrue(html.contains(System.getProperty("os.name")), "the OS");
        assertTrue(html.contains("2026-12-06 05:00:00 UTC") && html.contains("1.234 s"), "when it ran and for how long");
        assertEquals(Files.readString(DRILL), Files.readString(tmp.resolve("drill.json")), "a copy of the drill beside the report");

        JsonObject json = JsonParser.parseString(Files.readString(tmp.resolve(ReportWriter.JSON))).getAsJsonObject();
        assertEquals(BuildInfo.current().commit(), json.getAsJsonObject("tool").get("commit").getAsString());
        JsonObject prov = json.getAsJsonObject("provenance");
        assertEquals(sha, prov.get("drillSha256").getAsString());
        assertEquals("out dir", prov.getAsJsonArray("commandLine").get(3).getAsString());
        assertEquals(r.drill().seed(), prov.get("seed").getAsLong());
        assertEquals("sim", prov.get("engine").getAsString());
    }

    @Test
    void aRealHostReportShowsEachHostsVersionsNotTheSimulatorsKeepalived(@TempDir Path tmp) throws Exception {
        DrillResult sim = simRun();
        Map<String, String> v = Map.of("os", "Debian GNU/Linux 12 (bookworm)", "kernel", "6.1.0-40-amd64",
                "keepalived", "Keepalived v2.2.8 (04/04,2023)", "haproxy", "HAProxy version 2.6.12", "mariadb", "mariadbd Ver 10.11.19-MariaDB",
                "load", "7.24 2.75 1.57", "cpus", "2");
        Provenance p = new Provenance(sim.provenance().build(), sim.provenance().commandLine(), sim.provenance().drillPath(),
                sim.provenance().drillSha256(), sim.provenance().drillText(), "ssh", 7, "jvm", "os", "host", null, -1,
                List.of(new Provenance.Host("db1", "10.9.8.11", 22, "root", v), new Provenance.Host("db2", "10.9.8.12", 2222, "ops", v)));
        DrillResult real = new DrillResult(sim.drill(), "ssh", sim.verdicts(), sim.events(), sim.endUs(), List.of(), sim.causes(), p);
        for (Locale l : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            String html = ReportWriter.html(real, ReportOptions.defaults().withLocale(l));
            String badge = l == Locale.ENGLISH ? "REAL HOSTS" : "真实主机";
            assertTrue(html.contains("data-engine=\"ssh\">" + badge + "</span>"), l + ": the engine's badge");
            assertTrue(html.contains("Keepalived v2.2.8 (04/04,2023)"), l + ": the host's own keepalived");
            assertTrue(html.contains("10.9.8.12:2222") && html.contains("ops"), l + ": the inventory (address, port, user)");
            assertTrue(html.contains("<td>7.24 2.75 1.57</td><td>2</td></tr>"), l + ": how busy the host was, in the last two columns");
            assertTrue(html.contains(l == Locale.ENGLISH ? "Load at start (1, 5, 15 min)" : "开始时的负载"), l + ": the load column's heading");
            assertFalse(html.contains("<td>keepalivedVersion</td>") || html.contains("<th>keepalivedVersion</th>"),
                    l + ": not the simulator's keepalivedVersion");
        }
        JsonObject prov = JsonParser.parseString(real.toJson()).getAsJsonObject().getAsJsonObject("provenance");
        assertFalse(prov.has("seed"), "no seed on real hosts");
        assertEquals("Keepalived v2.2.8 (04/04,2023)",
                prov.getAsJsonArray("hosts").get(0).getAsJsonObject().getAsJsonObject("versions").get("keepalived").getAsString());
    }

    @Test
    void theBatchIndexShowsEngineSeedAndTheFiguresBesideEachOther(@TempDir Path tmp) throws Exception {
        DrillResult r = simRun();
        ReportIndex.write(tmp, List.of(new ReportIndex.Entry("one", "01.json", "01", r, null),
                new ReportIndex.Entry("bad", "02.json", null, null, "02.json:3: bad")), ReportOptions.defaults());
        String index = Files.readString(tmp.resolve("index.html"));
        String row = index.substring(index.indexOf("<a href=\"01/report.html\">"), index.indexOf("</tr>", index.indexOf("01/report.html")));
        assertTrue(row.contains("SIMULATOR") && row.contains(">" + r.drill().seed() + "<"), row);
        assertTrue(row.contains(r.client().availabilityText()), "availability: " + row);
        assertTrue(row.indexOf(r.client().availabilityText()) < row.indexOf(Units.of(r.analysis().longestOutageUs()),
                row.indexOf(r.client().availabilityText())), "the longest outage right after availability");
        assertTrue(row.contains("01/report.pdf") && row.contains("01/junit.xml"), "links to the PDF and JUnit XML");
        assertTrue(index.contains("href=\"junit.xml\""), "the combined JUnit XML");
        assertTrue(index.contains("could not run: 02.json:3: bad"), index);
    }
}
