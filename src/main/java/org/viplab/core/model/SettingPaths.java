package org.viplab.core.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Settings addressed by dotted paths into the topology's JSON ({@code db1.keepalived.nopreempt},
 * {@code probeTimeoutMs}, {@code db2.keepalived.scripts.0.weight}): a node's name stands for its entry in
 * "nodes", a number for a list index. A drill's {@code "set"} block and a sweep's {@code --set} both go through
 * here, so a path means the same everywhere. Collect changes with {@link #set}, then {@link #build()}; each
 * failure is an IllegalArgumentException whose message names the path and what is wrong.
 */
public final class SettingPaths {
    public static final Pattern PATH = Pattern.compile("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*");
    /** Settings that are null by default and so absent from the serialised topology. */
    private static final Set<String> NULLABLE = Set.of("timeoutSec", "fastinterMs", "downinterMs", "timeoutCheckMs",
            "clientPort", "description", "mysqlCheckUser", "haproxy", "authPass", "trackInterfaceWeight", "unicastSrcIp",
            "unicastPeers", "notify", "lowerPrioNoAdvert", "garpMasterRefreshSec", "moreInstances", "syncGroups", "movesAddress",
            "foreignRouters");

    private final JsonObject json;

    public SettingPaths(Topology base) {
        this.json = JsonParser.parseString(TopologyJson.toJson(base)).getAsJsonObject();
    }

    /** Sets {@code path} to {@code value}; the type is checked by {@link #build()}. */
    public SettingPaths set(String path, JsonElement value) {
        if (path == null || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("\"" + path + "\" is not a setting path; write names joined by dots, e.g. \"db1.keepalived.priority\"");
        }
        String[] parts = path.split("\\.");
        JsonElement cur = json;
        for (int i = 0; i < parts.length - 1 && cur != null; i++) cur = child(cur, parts[i]);
        String last = parts[parts.length - 1];
        if (cur == null || !cur.isJsonObject()) throw new IllegalArgumentException("no such setting " + path);
        JsonObject parent = cur.getAsJsonObject();
        if (!parent.has(last) && !NULLABLE.contains(last)) throw new IllegalArgumentException("no such setting " + path);
        parent.add(last, value);
        return this;
    }

    /** The topology with every change, or an IllegalArgumentException when a value has the wrong type. */
    public Topology build() {
        try {
            return TopologyJson.fromJson(json.toString());
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException("a value of the wrong type: " + ex.getMessage(), ex);
        }
    }

    /** One path element: an object key, a node name in "nodes", or a list index. */
    private static JsonElement child(JsonElement cur, String key) {
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
        if (cur.isJsonArray() && key.matches("\\d{1,9}") && Integer.parseInt(key) < cur.getAsJsonArray().size()) {
            return cur.getAsJsonArray().get(Integer.parseInt(key));
        }
        return null;
    }
}
