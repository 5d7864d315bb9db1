package org.viplab.report;

import org.viplab.drill.Provenance;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's provenance block: where the result comes from, as label/value rows, the engine's badge and,
 * on real hosts, a row per host with the versions it reported. Every fact comes from {@link Provenance}.
 */
final class ProvenanceModel {
    /** The drill file copied beside every full report and sample, so that the report can be rerun as it was. */
    static final String DRILL_COPY = "drill.json";

    private ProvenanceModel() { }

    static void put(Provenance p, ReportModel text, Map<String, Object> m) {
        m.put("engineBadge", text.t("engine.badge." + (p.realHosts() ? "ssh" : "sim")));
        m.put("engineClass", p.realHosts() ? "ssh" : "sim");
        List<Map<String, Object>> rows = new ArrayList<>();
        // a replayed incident ran on no engine: it is what the hosts' logs and captures show, with no seed
        boolean incident = "incident".equals(p.engine());
        kv(rows, text.t("prov.engine"), text.t(incident ? "prov.engine.incident" : p.realHosts() ? "prov.engine.ssh" : "prov.engine.sim"), false);
        if (!incident) kv(rows, text.t("prov.seed"), p.realHosts() ? text.t("prov.seed.real") : Long.toString(p.seed()), false);
        kv(rows, text.t("prov.tool"), p.build().version(), false);
        kv(rows, text.t("prov.commit"), p.build().commit(), true);
        kv(rows, text.t("prov.command"), p.commandLine().isEmpty() ? text.t("prov.command.none") : p.commandLineText(), true);
        if (p.drillPath() != null) kv(rows, text.t("prov.drillFile"), p.drillPath(), true);
        if (p.drillSha256() != null) kv(rows, text.t("prov.sha256"), p.drillSha256(), true);
        if (p.drillText() != null) kv(rows, text.t("prov.copy"), text.t("prov.copy.value"), false);
        kv(rows, text.t("prov.jvm"), p.jvm(), false);
        kv(rows, text.t("prov.os"), p.os(), false);
        if (p.startedAt() != null) {
            kv(rows, text.t("prov.machine"), p.hostname(), false);
            kv(rows, text.t("prov.started"), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC).format(p.startedAt()), false);
        }
        if (p.wallMillis() >= 0) kv(rows, text.t("prov.wall"), String.format(java.util.Locale.ROOT, "%.3f s", p.wallMillis() / 1000.0), false);
        m.put("provenance", rows);
        List<Map<String, Object>> hosts = new ArrayList<>();
        for (Provenance.Host h : p.hosts()) {
            Map<String, Object> row = new HashMap<>();
            row.put("name", h.name());
            row.put("address", h.address() + (h.port() == 22 ? "" : ":" + h.port()));
            row.put("user", h.user());
            List<String> versions = new ArrayList<>();
            for (String k : Provenance.Host.KEYS) versions.add(h.version(k));
            row.put("versions", versions);
            hosts.add(row);
        }
        m.put("realHosts", hosts);
        if (p.drillText() != null) {
            m.put("drillText", p.drillText());
            m.put("drillName", p.drillPath() == null ? DRILL_COPY : Path.of(p.drillPath()).getFileName().toString());
        }
    }

    private static void kv(List<Map<String, Object>> rows, String label, String value, boolean code) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("label", label);
        row.put("value", value == null ? "-" : value);
        row.put("code", code);
        rows.add(row);
    }
}
