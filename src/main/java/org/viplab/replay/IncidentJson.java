package org.viplab.replay;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.viplab.core.text.EventFormatter;
import org.viplab.drill.DrillResult;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * result.json for a replayed incident: the drill result schema (docs/result-schema.md) as {@link DrillResult}
 * writes it, with {@code startEpochMs} after {@code engine}, the client figures set to null and
 * {@code clientFigures: "absent"} (logs and a capture show no client's view), and an {@code incident} object:
 * hosts, VIP, clock offsets, what each file contributed and the findings.
 */
public final class IncidentJson {
    /** The metrics only a client-side source (a probe log) could give. */
    private static final List<String> CLIENT_METRICS = List.of("clientDowntimeMs", "outages", "probes", "failedProbes",
            "clientAvailability", "failedProbesByKind");

    private IncidentJson() { }

    public static String write(Incident incident, DrillResult result, List<Finding> findings, Locale locale) {
        return write(incident, result, findings, locale, null);
    }

    /** @param configs {@code incident.configs} (the hosts' config directories and their lint), or null without them */
    public static String write(Incident incident, DrillResult result, List<Finding> findings, Locale locale, JsonObject configs) {
        EventFormatter formatter = EventFormatter.of(locale);
        JsonObject drill = JsonParser.parseString(result.toJson(formatter::details)).getAsJsonObject();
        JsonObject root = new JsonObject();
        for (Map.Entry<String, JsonElement> e : drill.entrySet()) {
            root.add(e.getKey(), e.getValue());
            if (e.getKey().equals("engine")) root.addProperty("startEpochMs", incident.startEpochUs() / 1000.0);
        }
        root.addProperty("clientFigures", "absent");
        JsonObject metrics = root.getAsJsonObject("metrics");
        for (String k : CLIENT_METRICS) if (metrics.has(k)) metrics.add(k, JsonNull.INSTANCE);
        for (JsonElement f : root.getAsJsonArray("failovers")) f.getAsJsonObject().add("clientDowntimeMs", JsonNull.INSTANCE);
        JsonObject about = incident(incident, findings, locale);
        if (configs != null) about.add("configs", configs);
        root.add("incident", about);
        Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();
        return gson.toJson(root) + "\n";
    }

    private static JsonObject incident(Incident incident, List<Finding> findings, Locale locale) {
        JsonObject o = new JsonObject();
        JsonArray hosts = new JsonArray();
        incident.hosts().forEach(hosts::add);
        o.add("hosts", hosts);
        o.addProperty("vip", incident.vip());
        JsonArray clocks = new JsonArray();
        for (ClockOffset c : incident.offsets().values()) {
            JsonObject x = new JsonObject();
            x.addProperty("host", c.host());
            if (c.known()) {
                x.addProperty("offsetMs", c.offsetUs() / 1000.0);
                x.addProperty("uncertaintyMs", c.uncertaintyUs() / 1000.0);
            } else {
                x.add("offsetMs", JsonNull.INSTANCE);
                x.add("uncertaintyMs", JsonNull.INSTANCE);
            }
            x.addProperty("pairs", c.pairs());
            x.addProperty("given", c.given());
            x.addProperty("applied", c.applied());
            clocks.add(x);
        }
        o.add("clocks", clocks);
        JsonObject sources = new JsonObject();
        incident.contributed().forEach((file, kinds) -> {
            JsonObject k = new JsonObject();
            kinds.forEach(k::addProperty);
            sources.add(file, k);
        });
        o.add("sources", sources);
        JsonArray fs = new JsonArray();
        for (Finding f : findings) {
            JsonObject x = new JsonObject();
            x.addProperty("kind", f.kind());
            x.addProperty("host", f.host());
            x.addProperty("atMs", f.atUs() / 1000.0);
            x.addProperty("text", f.text().render(locale));
            fs.add(x);
        }
        o.add("findings", fs);
        return o;
    }
}
