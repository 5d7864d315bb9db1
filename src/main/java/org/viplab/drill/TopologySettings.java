package org.viplab.drill;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.viplab.core.model.Presets;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyJson;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Describes a topology as a preset plus the drill format's {@code "set"} overrides (dotted paths, node names
 * for nodes), so a recorded drill stays readable: {@code "preset": "mode1", "set": {"db2.keepalived.priority": 95}}.
 */
final class TopologySettings {
    /** The preset and the overrides that turn it into the topology. */
    record Described(String preset, Map<String, JsonElement> set) { }

    private TopologySettings() { }

    /** The preset (same mode first) needing the fewest overrides. */
    static Described describe(Topology t) {
        Described best = null;
        for (String name : Presets.names()) {
            Topology p = Presets.byName(name);
            Map<String, JsonElement> set = diff(p, t);
            boolean better = best == null
                    || (p.mode == t.mode && Presets.byName(best.preset()).mode != t.mode)
                    || ((p.mode == t.mode) == (Presets.byName(best.preset()).mode == t.mode) && set.size() < best.set().size());
            if (better) best = new Described(name, set);
        }
        return best;
    }

    static Map<String, JsonElement> diff(Topology base, Topology t) {
        JsonObject a = JsonParser.parseString(TopologyJson.toJson(base)).getAsJsonObject();
        JsonObject b = JsonParser.parseString(TopologyJson.toJson(t)).getAsJsonObject();
        Map<String, JsonElement> out = new LinkedHashMap<>();
        object(a, b, "", true, out);
        return out;
    }

    /** The coarse form: every differing top-level key as a whole value ("nodes": [...]). Always expressible. */
    static Described coarse(String preset, Topology t) {
        JsonObject a = JsonParser.parseString(TopologyJson.toJson(Presets.byName(preset))).getAsJsonObject();
        JsonObject b = JsonParser.parseString(TopologyJson.toJson(t)).getAsJsonObject();
        Map<String, JsonElement> out = new LinkedHashMap<>();
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : keys) {
            JsonElement va = a.has(k) ? a.get(k) : JsonNull.INSTANCE;
            JsonElement vb = b.has(k) ? b.get(k) : JsonNull.INSTANCE;
            if (!va.equals(vb)) out.put(k, vb);
        }
        return new Described(preset, out);
    }

    private static void object(JsonObject a, JsonObject b, String prefix, boolean root, Map<String, JsonElement> out) {
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : keys) {
            JsonElement va = a.has(k) ? a.get(k) : JsonNull.INSTANCE;
            JsonElement vb = b.has(k) ? b.get(k) : JsonNull.INSTANCE;
            if (va.equals(vb)) continue;
            String path = prefix + k;
            if (root && k.equals("nodes") && sameNodeNames(va, vb)) {
                // address each node by its name: "db2.keepalived.priority"
                JsonArray na = va.getAsJsonArray();
                JsonArray nb = vb.getAsJsonArray();
                for (int i = 0; i < na.size(); i++) {
                    String node = nb.get(i).getAsJsonObject().get("name").getAsString();
                    object(na.get(i).getAsJsonObject(), nb.get(i).getAsJsonObject(), node + ".", false, out);
                }
            } else if (va.isJsonObject() && vb.isJsonObject()) {
                object(va.getAsJsonObject(), vb.getAsJsonObject(), path + ".", false, out);
            } else {
                out.put(path, vb); // a value, a list or a whole object (e.g. haproxy added to a mode 1 node)
            }
        }
    }

    private static boolean sameNodeNames(JsonElement a, JsonElement b) {
        if (!a.isJsonArray() || !b.isJsonArray() || a.getAsJsonArray().size() != b.getAsJsonArray().size()) return false;
        for (int i = 0; i < a.getAsJsonArray().size(); i++) {
            JsonElement na = a.getAsJsonArray().get(i).getAsJsonObject().get("name");
            JsonElement nb = b.getAsJsonArray().get(i).getAsJsonObject().get("name");
            if (na == null || !na.equals(nb)) return false;
        }
        return true;
    }
}
