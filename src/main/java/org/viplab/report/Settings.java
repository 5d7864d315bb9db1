package org.viplab.report;

import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.Topology;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every setting of a topology as "path = value" rows, read from the public fields of the model, so that a
 * setting added to the model appears in reports without touching this class.
 */
final class Settings {
    private Settings() { }

    /** Lab-wide settings (VIP, client, timing) in field order; nodes excluded. */
    static Map<String, String> lab(Topology t) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", t, out, 0);
        out.keySet().removeIf(k -> k.startsWith("nodes") || k.equals("name") || k.equals("description"));
        return out;
    }

    /** A node's settings: keepalived, its scripts, haproxy, mysqld. */
    static Map<String, String> node(NodeSpec n) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", n, out, 0);
        return out;
    }

    private static void flatten(String prefix, Object o, Map<String, String> out, int depth) {
        if (depth > 6) return;
        for (Field f : o.getClass().getFields()) {
            if (Modifier.isStatic(f.getModifiers())) continue;
            Object v;
            try {
                v = f.get(o);
            } catch (IllegalAccessException e) {
                continue;
            }
            String key = prefix + f.getName();
            value(key, v, out, depth);
        }
    }

    private static void value(String key, Object v, Map<String, String> out, int depth) {
        if (v == null) {
            out.put(key, "-");
        } else if (v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof Enum<?>) {
            out.put(key, String.valueOf(v));
        } else if (v instanceof Collection<?> c) {
            List<?> list = new ArrayList<>(c);
            if (list.isEmpty()) {
                out.put(key, "[]");
            } else if (list.stream().allMatch(x -> x instanceof String || x instanceof Number)) {
                out.put(key, String.join(", ", list.stream().map(String::valueOf).toList()));
            } else {
                for (int i = 0; i < list.size(); i++) value(key + "[" + i + "]", list.get(i), out, depth + 1);
            }
        } else {
            flatten(key + ".", v, out, depth + 1);
        }
    }
}
