package org.viplab.cli;

import org.viplab.core.text.EventFormatter;
import org.viplab.core.text.TimeText;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Span;
import org.viplab.core.timeline.TimelineAnalysis;
import org.viplab.core.util.AtomicFiles;
import org.viplab.core.util.Durations;
import org.viplab.drill.DrillResult;
import org.viplab.replay.ClockOffset;
import org.viplab.replay.Finding;
import org.viplab.replay.Findings;
import org.viplab.replay.Incident;
import org.viplab.replay.IncidentBuilder;
import org.viplab.replay.IncidentConfigs;
import org.viplab.replay.IncidentException;
import org.viplab.replay.IncidentJson;
import org.viplab.report.ReportOptions;
import org.viplab.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code replay --log db1=FILE[,FILE...] --log db2=FILE --capture FILE}: rebuilds a real incident from the hosts'
 * logs and a capture, prints its failovers with their (inferred) why chains, the gaps, split brain and the
 * findings, and writes the result JSON and the report like a drill's.
 */
@Command(name = "replay", sortOptions = false,
        description = "rebuild a real incident from keepalived/haproxy/MariaDB logs and a VRRP capture, explain it and report it (exit 0, 2 bad input)",
        footer = {"", "Each file's format is found from its content: keepalived -l -D (with or without the date prefix), journalctl -o",
            "short-iso-precise, short-precise or json, rsyslog RFC 3339, RFC 3164 syslog, haproxy's log, the MariaDB error log,",
            "ip -ts monitor address, tcpdump -tttt text, and pcap or pcapng captures."})
public final class ReplayCommand extends CliCommand {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    private static final long MAX_LOG_BYTES = org.viplab.replay.IncidentFiles.MAX_LOG_BYTES;
    private static final long MAX_CAPTURE_BYTES = org.viplab.replay.IncidentFiles.MAX_CAPTURE_BYTES;

    @Option(names = "--log", paramLabel = "HOST=FILE[,FILE...]", required = true,
            description = "a host's logs: keepalived, haproxy, MariaDB, ip -ts monitor (repeat per host)")
    List<String> logs;

    @Option(names = "--capture", paramLabel = "FILE", arity = "1..*", description = "tcpdump -w pcap/pcapng, or tcpdump -tttt text")
    List<Path> captures = new ArrayList<>();

    @Option(names = "--client", paramLabel = "FILE", arity = "1..*",
            description = "a client's ip -ts monitor neigh log: its ARP entry for the VIP, which host it pointed at and when")
    List<Path> clientLogs = new ArrayList<>();

    @Option(names = "--tz", paramLabel = "ZONE", description = "the zone of stamps without one (default: this machine's)")
    String tz;

    @Option(names = "--offset", paramLabel = "HOST=±D", description = "a host's clock offset (e.g. db2=+35ms), instead of the estimate")
    List<String> offsets = new ArrayList<>();

    @Option(names = "--address", paramLabel = "HOST=IP", description = "the capture's adverts from IP are HOST's (when its log cannot say)")
    List<String> addresses = new ArrayList<>();

    @Option(names = "--vip", paramLabel = "IP", description = "the VIP (default: read from the gratuitous ARPs)")
    String vip;

    @Option(names = "--json", paramLabel = "OUT", description = "write the result (drill result schema, engine \"incident\") as JSON")
    Path json;

    @Option(names = "--report", paramLabel = "DIR", description = "write the report (report.html with an INCIDENT badge, result.json, ...) to DIR")
    Path report;

    @Option(names = "--emit-drill", paramLabel = "OUT", description = "write the incident as a drill: the faults seen, what happened as expectations")
    Path emitDrill;

    @Option(names = "--config", paramLabel = "HOST=DIR",
            description = "a host's keepalived.conf, haproxy.cfg and check scripts (give both hosts): the incident is reported with "
                    + "their settings and files, and their lint findings; with --what-if, also run as configured")
    List<String> configs = new ArrayList<>();

    @Option(names = "--what-if", paramLabel = "PRESET|TOPOLOGY",
            description = "run the incident as a drill on the simulator under --config's files and under this preset or topology file; "
                    + "--report DIR gets the incident, both runs and comparison.html side by side")
    String whatIf;

    @Option(names = "--lang", paramLabel = "LANG", converter = LangConverter.class, completionCandidates = LangConverter.Candidates.class,
            description = "the language of the report, the findings and the --json texts: en (default) or zh-CN")
    Locale lang;

    @Override
    protected int run(PrintStream out, PrintStream err) throws Exception {
        OutputPaths.checkFile("--json", json);
        OutputPaths.checkFile("--emit-drill", emitDrill);
        OutputPaths.checkReportDir("--report", report);
        if (whatIf != null && configs.isEmpty()) throw new UsageException("--what-if needs the hosts' configs: --config db1=DIR --config db2=DIR");
        if (whatIf != null && report == null) throw new UsageException("--what-if writes its comparison with --report DIR");
        Locale language = lang == null ? Locale.ENGLISH : lang;
        // the configs are read (and linted) before the logs: a broken file is named before minutes of reading
        IncidentConfigs hostConfigs = configs.isEmpty() ? null : hostConfigs(language);
        WhatIf.Plan plan = whatIf == null ? null : WhatIf.plan(hostConfigs.topology(), whatIf);
        List<org.viplab.config.lint.Finding> lint = hostConfigs == null ? List.of() : org.viplab.config.lint.Lint.run(hostConfigs.imported(), true);
        ZoneId zone = zone();
        IncidentBuilder b = new IncidentBuilder(zone, offsets(), vip);
        for (String a : addresses) {
            String[] kv = pair("--address", a);
            b.address(kv[0], kv[1]);
        }
        for (String l : logs) {
            String[] kv = pair("--log", l);
            for (String f : kv[1].split(",")) {
                if (f.isBlank()) throw new UsageException("--log " + l + ": an empty file name");
                b.log(kv[0], f, read(Path.of(f), MAX_LOG_BYTES));
            }
        }
        for (Path c : captures) b.capture(c.toString(), read(c, MAX_CAPTURE_BYTES));
        for (Path c : clientLogs) b.client(c.toString(), read(c, MAX_LOG_BYTES));
        Incident incident;
        try {
            incident = b.build();
        } catch (IncidentException e) {
            throw new BadInputException(e.getMessage());
        }
        picocli.CommandLine.ParseResult parsed = spec.root().commandLine().getParseResult();
        DrillResult bare = hostConfigs == null ? incident.result("incident") : incident.result("incident", hostConfigs.topology());
        DrillResult result = parsed == null ? bare : bare.withProvenance(bare.provenance().withCommandLine(parsed.originalArgs()));
        List<Finding> findings = Findings.of(incident);
        print(incident, result, findings, language, zone, out);
        if (hostConfigs != null) printConfigs(hostConfigs, lint, language, out);
        com.google.gson.JsonObject configsJson = hostConfigs == null ? null : configsJson(hostConfigs, lint, language);
        if (json != null) AtomicFiles.writeString(json, IncidentJson.write(incident, result, findings, language, configsJson));
        if (emitDrill != null) {
            AtomicFiles.writeString(emitDrill, org.viplab.replay.DrillEmitter.drill(incident));
            out.println("drill: " + emitDrill);
        }
        if (plan != null) {
            List<String> texts = reportFindings(findings, lint, language);
            org.viplab.report.Comparison.Spec spec = WhatIf.run(plan, incident, result, texts);
            ReportOptions o = new ReportOptions(language, false, Instant.now());
            OutputPaths.writeReport(report, tmp -> {
                org.viplab.report.Comparison.write(spec, tmp, o);
                AtomicFiles.writeString(tmp.resolve("incident").resolve(ReportWriter.JSON), IncidentJson.write(incident, result, findings, language, configsJson));
                return null;
            });
            out.printf("  %-45s %12s %14s %16s%n", "", "incident", "as configured", "with " + plan.alternativeName());
            for (org.viplab.report.Comparison.Row r : org.viplab.report.Comparison.rows(spec)) {
                out.printf("  %-45s %12s %14s %16s%n", r.what(), ms(r.valueMs(0)), ms(r.valueMs(1)), ms(r.valueMs(2)));
            }
            out.println("comparison: " + report.resolve(org.viplab.report.Comparison.HTML));
        } else if (report != null) {
            List<String> texts = reportFindings(findings, lint, language);
            ReportOptions o = new ReportOptions(language, false, Instant.now(), texts);
            ReportWriter.Written w = OutputPaths.writeReport(report, tmp -> {
                ReportWriter.Written x = ReportWriter.write(result, tmp, o);
                AtomicFiles.writeString(tmp.resolve(ReportWriter.JSON), IncidentJson.write(incident, result, findings, language, configsJson));
                return x;
            });
            for (String warning : w.warnings()) err.println("warning: " + warning);
            out.println("report: " + report.resolve(ReportWriter.HTML));
        }
        return ExitCodes.OK;
    }

    static void print(Incident incident, DrillResult result, List<Finding> findings, Locale language, ZoneId zone, PrintStream out) {
        DateTimeFormatter clock = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS xxx").withZone(zone);
        out.println("Incident: t = 0 is " + clock.format(Instant.ofEpochMilli(Math.floorDiv(incident.startEpochUs(), 1000)))
                + ", evidence over " + Durations.format(incident.endUs()) + "; hosts " + String.join(", ", incident.hosts())
                + "; VIP " + (incident.vip() == null ? "unknown" : incident.vip()));
        out.println("  sources:");
        incident.contributed().forEach((file, kinds) -> out.println("    " + file + ": " + kinds.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).reduce((a, c) -> a + ", " + c).orElse("nothing")));
        out.println("  clocks (log against the capture; a client's against the VIP's moves):");
        for (ClockOffset c : incident.offsets().values()) out.println("    " + clockLine(c));
        Function<LabEvent, String> text = EventFormatter.of(language)::details;
        TimelineAnalysis a = incident.analysis();
        out.println("  failovers: " + a.failovers().size());
        DrillCommand.printWhy(result, text, out);
        for (Span s : a.nowhere()) {
            if (s.startUs() > 0) out.println("  no VIP anywhere from " + TimeText.seconds(s.startUs()) + " s for " + Durations.format(s.lengthUs()));
        }
        for (Span s : a.splitBrains()) {
            out.println("  split brain (" + String.join(" and ", s.holders()) + ") from " + TimeText.seconds(s.startUs()) + " s for " + Durations.format(s.lengthUs()));
        }
        out.println("  findings:" + (findings.isEmpty() ? " none" : ""));
        for (Finding f : findings) out.println("    - " + f.text().render(language));
        out.println("  client figures: absent (no client-side source)");
    }

    /** {@code --config}: imported, named after the incident's hosts (those of {@code --log}). */
    private IncidentConfigs hostConfigs(Locale language) {
        List<String> logged = logs.stream().map(l -> pair("--log", l)[0]).distinct().toList();
        IncidentConfigs c;
        try {
            c = IncidentConfigs.read(NodeDirs.parse("--config", configs), logged);
        } catch (org.viplab.config.ConfigParseException e) {
            throw new BadInputException(e.message(language));
        } catch (IncidentException e) {
            throw new UsageException("--config: " + e.getMessage());
        }
        List<String> problems = org.viplab.core.model.TopologyJson.problems(c.topology());
        if (!problems.isEmpty()) throw new BadInputException("--config: the imported configs cannot be simulated: " + String.join("; ", problems));
        return c;
    }

    /** The configs as read and their lint findings, after the incident's own lines. */
    static void printConfigs(IncidentConfigs c, List<org.viplab.config.lint.Finding> lint, Locale language, PrintStream out) {
        org.viplab.core.model.Topology t = c.topology();
        out.println("  configs (as read; the report's settings and files are theirs): "
                + String.join(", ", c.dirs().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                + "; " + t.mode.shortName() + ", VIP " + t.vip);
        out.println("  lint of the configs:" + (lint.isEmpty() ? " none" : ""));
        for (org.viplab.config.lint.Finding f : lint) out.println("    - " + lintLine(f, language));
    }

    /** "db1/keepalived.conf:12:5: warning [rule] message": a lint finding in one line (the lint command prints why and fix too). */
    private static String lintLine(org.viplab.config.lint.Finding f, Locale language) {
        String text = f.toText(language);
        return text.substring(0, text.indexOf('\n'));
    }

    /** What the report lists: the incident's findings, then the configs' lint findings, each labelled so. */
    private static List<String> reportFindings(List<Finding> findings, List<org.viplab.config.lint.Finding> lint, Locale language) {
        List<String> texts = new ArrayList<>(findings.stream().map(f -> f.text().render(language)).toList());
        for (org.viplab.config.lint.Finding f : lint) texts.add(org.viplab.replay.ReplayText.of("finding.lint", lintLine(f, language)).render(language));
        return texts;
    }

    /** result.json's {@code incident.configs}: the directories and lint's findings and notes as {@code lint --json} writes them. */
    private static com.google.gson.JsonObject configsJson(IncidentConfigs c, List<org.viplab.config.lint.Finding> lint, Locale language) {
        com.google.gson.JsonObject o = new com.google.gson.JsonObject();
        com.google.gson.JsonObject dirs = new com.google.gson.JsonObject();
        c.dirs().forEach((h, d) -> dirs.addProperty(h, d.toString()));
        o.add("dirs", dirs);
        com.google.gson.JsonObject linted = com.google.gson.JsonParser.parseString(LintCommand.toJson(lint, c.notes(), language)).getAsJsonObject();
        o.add("lint", linted.get("findings"));
        o.add("notes", linted.get("notes"));
        return o;
    }

    static String clockLine(ClockOffset c) {
        boolean client = c.host().equals(IncidentBuilder.CLIENT);
        if (c.given()) return c.host() + " " + signedMs(c.offsetUs()) + " (given by --offset)";
        if (!c.known()) {
            return c.host() + (client ? " unknown (no move of its ARP entry for the VIP near a move of the VIP the hosts show); times as logged"
                    : " unknown (no act of its seen both in its log and in a capture); times as logged");
        }
        return c.host() + " " + signedMs(c.offsetUs()) + " ± " + String.format(Locale.ROOT, "%.1f ms", c.uncertaintyUs() / 1000.0)
                + " (" + c.pairs() + (c.pairs() == 1 ? " pair" : " pairs") + (client ? " of its ARP entry's moves and the VIP's" : "") + "), "
                + (c.applied() ? "applied" : c.pairs() < 2 ? "one pair cannot tell a clock offset from the log's delay: not applied (see --offset)"
                : "within its uncertainty: not applied");
    }

    private static String ms(Double v) { return v == null ? "-" : String.format(Locale.ROOT, "%.1f ms", v); }

    private static String signedMs(long us) { return String.format(Locale.ROOT, "%+.1f ms", us / 1000.0); }

    private ZoneId zone() {
        if (tz == null) return ZoneId.systemDefault();
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw new UsageException("--tz " + tz + ": not a time zone (e.g. UTC, Europe/Berlin, Asia/Shanghai, +08:00)");
        }
    }

    private Map<String, Long> offsets() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String o : offsets) {
            String[] kv = pair("--offset", o);
            try {
                m.put(kv[0], org.viplab.replay.IncidentRequest.parseOffsetUs(kv[1]));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--offset " + o + ": " + (e.getMessage().startsWith("write") ? "write HOST=±DURATION, e.g. db2=+35ms or db1=-1.2s" : e.getMessage()));
            }
        }
        return m;
    }

    private static String[] pair(String option, String value) {
        int eq = value.indexOf('=');
        if (eq <= 0 || eq == value.length() - 1) throw new UsageException(option + " " + value + ": write HOST=VALUE");
        String host = value.substring(0, eq);
        if (!HOST.matcher(host).matches()) throw new UsageException(option + " " + value + ": \"" + host + "\" is not a host name");
        return new String[]{host, value.substring(eq + 1)};
    }

    /** The file's bytes, bounded: a log or capture bigger than the limit is cut to the incident first. */
    private static byte[] read(Path f, long max) {
        try {
            return org.viplab.replay.IncidentFiles.read(f, max);
        } catch (IncidentException e) {
            throw new BadInputException(e.getMessage());
        }
    }
}
