package org.viplab.sweep;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One swept setting, {@code --set db2.keepalived.priority=90,95,99}: a drill "set" path and the values to try,
 * in the order given. A value is read as a drill file would read it: a number, true/false, null, else text.
 *
 * @param texts  the values as given (the CSV's cells and the report's labels)
 * @param values the same as JSON values, for {@link org.viplab.core.model.SettingPaths}
 */
public record Setting(String key, List<String> texts, List<JsonElement> values) {
    /** More would be a typo, not a sweep: 64 values of one key already make 64 combinations. */
    public static final int MAX_VALUES = 64;
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d{1,9})?");
    private static final Pattern TEXT = Pattern.compile("[A-Za-z0-9_.:/+-]{1,64}");

    /** Reads {@code KEY=V1,V2,...}. */
    public static Setting parse(String arg) throws SweepException {
        int eq = arg.indexOf('=');
        if (eq <= 0) throw new SweepException("--set " + arg + ": write KEY=V1,V2,..., e.g. --set db2.keepalived.priority=90,95");
        String key = arg.substring(0, eq).trim();
        String list = arg.substring(eq + 1);
        if (list.isBlank()) throw new SweepException("--set " + key + "= gives no value; write " + key + "=V1,V2,...");
        String[] parts = list.split(",", -1);
        if (parts.length > MAX_VALUES) throw new SweepException("--set " + key + ": " + parts.length + " values; at most " + MAX_VALUES);
        List<String> texts = new ArrayList<>();
        List<JsonElement> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String p : parts) {
            String v = p.trim();
            if (v.isEmpty()) throw new SweepException("--set " + key + ": an empty value in \"" + list + "\"");
            if (!seen.add(v)) throw new SweepException("--set " + key + ": the value " + v + " is given twice");
            values.add(value(key, v));
            texts.add(v);
        }
        return new Setting(key, List.copyOf(texts), List.copyOf(values));
    }

    private static JsonElement value(String key, String v) throws SweepException {
        if (v.equals("true") || v.equals("false")) return new JsonPrimitive(Boolean.parseBoolean(v));
        if (v.equals("null")) return JsonNull.INSTANCE;
        if (NUMBER.matcher(v).matches()) return JsonParser.parseString(v);
        if (TEXT.matcher(v).matches()) return new JsonPrimitive(v);
        throw new SweepException("--set " + key + ": \"" + v + "\" is not a number, true/false or a plain word");
    }
}
