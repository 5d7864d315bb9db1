package org.viplab.drill;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.viplab.core.model.Limits;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyJson;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The drill format's {@code "set"}: dotted paths into a topology's JSON ({@code db1.keepalived.priority}, node
 * names for nodes, list indexes for scripts). The one implementation, used by {@link DrillParser} for a drill's
 * {@code "set"} and by the sweep's {@code --set KEY=V1,V2}, so both accept the same keys with the same errors.
 */
public final class TopologyOverrides {
    /** A setting that cannot be applied; {@code key} is the path it concerns, or null when it is the whole set. */
    public static final class BadSetting extends Exception {
        private final String key;

        BadSetting(String key, String message) {
            super(message);
            this.key = key;
        }

        public String key() { return key; }
    }

    private static final String PATH = "[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*";

    /** Settings that are null by default and so absent from the serialised topology. */
    private static final Set<String> NULLABLE = Set.of("timeoutSec", "fastinterMs", "downinterMs", "timeoutCheckMs",
            "clientPort", "description", "mysqlCheckUser", "haproxy", "authPass");

    private TopologyOverrides() { }

    /** {@code base} with each path of {@code set} replaced by its value; types checked, ranges not (see {@link #checked}). */
    public static Topology apply(Topology base, Map<String, JsonElement> set) throws BadSetting {
        JsonObject json = JsonParser.parseString(TopologyJson.toJson(base)).getAsJsonObject();
        for (Map.Entry<String, JsonElement> e : set.entrySet()) {
            JsonObject parent = parentOf(json, e.getKey());
            parent.add(last(e.getKey()), e.getValue());
        }
        try {
            return TopologyJson.fromJson(json.toString());
        } catch (RuntimeException ex) {
            throw new BadSetting(null, "\"set\" gives a value of the wrong type: " + ex.getMessage());
        }
    }

    /** {@link #apply}, then every range of {@link Limits} and every rule of {@link TopologyJson#problems}. */
    public static Topology checked(Topology base, Map<String, JsonElement> set) throws BadSetting {
        Topology t = apply(base, set);
        for (Limits.Violation v : Limits.check(t)) {
            if (set.containsKey(v.field())) throw new BadSetting(v.field(), v.message());
        }
        List<String> problems = TopologyJson.problems(t);
        if (!problems.isEmpty()) throw new BadSetting(null, "the topology is not usable: " + String.join("; ", problems));
        return t;
    }

    /** Whether {@code key} names a setting of {@code base} (without changing anything). */
    public static void requireKnown(Topology base, String key) throws BadSetting {
        parentOf(JsonParser.parseString(TopologyJson.toJson(base)).getAsJsonObject(), key);
    }

    private static JsonObject parentOf(JsonObject json, String key) throws BadSetting {
        if (!key.matches(PATH)) {
            throw new BadSetting(key, "\"" + key + "\" is not a setting path; write names joined by dots, e.g. \"db1.keepalived.priority\"");
        }
        String[] path = key.split("\\.");
        JsonElement cur = json;
        for (int i = 0; i < path.length - 1; i++) {
            cur = step(cur, path[i]);
            if (cur == null) throw noSuch(key);
        }
        if (cur == null || !cur.isJsonObject()) throw noSuch(key);
        JsonObject parent = cur.getAsJsonObject();
        String last = path[path.length - 1];
        if (!parent.has(last) && !NULLABLE.contains(last)) throw noSuch(key);
        return parent;
    }

    private static BadSetting noSuch(String key) { return new BadSetting(key, "no such setting " + key); }

    private static String last(String key) { return key.substring(key.lastIndexOf('.') + 1); }

    /** One path element: an object key, a node name in "nodes", or a list index. */
    private static JsonElement step(JsonElement cur, String key) {
        if (cur.isJsonObject()) {
            JsonObject o = cur.getAsJsonObject();
            if (o.has(key)) return o.get(key);
            if (o.has("nodes")) {
                for (JsonElement n : o.getAsJsonArray("nodes")) {
                    if (n.getAsJsonObject().get("name").getAsString().equals(key)) return n;
                }
            }
            return null;
        }
        if (cur.isJsonArray() && key.matches("\\d{1,6}") && Integer.parseInt(key) < cur.getAsJsonArray().size()) {
            return cur.getAsJsonArray().get(Integer.parseInt(key));
        }
        return null;
    }
}
