package org.viplab.observe;

import org.viplab.core.timeline.LabEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads haproxy's {@code show stat} CSV (from its stats socket) and reports each backend server whose status
 * changed since the last read as a {@link LabEvent.ServerCheck}. Columns are found by the header line, so
 * versions with more or fewer columns work. One parser per host.
 */
public final class HaproxyStatParser {
    private final String host;
    private final Map<String, String> lastStatus = new HashMap<>();

    public HaproxyStatParser(String host) { this.host = host; }

    /** @param csv a whole {@code show stat} answer, header first */
    public List<LabEvent.ServerCheck> parse(String csv, long timeUs) {
        List<LabEvent.ServerCheck> out = new ArrayList<>();
        Map<String, Integer> col = null;
        for (String line : csv.split("\n")) {
            line = line.strip();
            if (line.isEmpty()) continue;
            if (line.startsWith("#")) {
                col = header(line.substring(1).strip());
                continue;
            }
            if (col == null) throw new IllegalArgumentException("show stat output has no '# pxname,svname,...' header");
            String[] f = line.split(",", -1);
            String type = field(f, col, "type");
            String sv = field(f, col, "svname");
            // type 2 = server; without a type column, skip the proxy-level FRONTEND/BACKEND rows by name
            if (type != null ? !type.equals("2") : sv.equals("FRONTEND") || sv.equals("BACKEND")) continue;
            String status = field(f, col, "status");
            String name = field(f, col, "pxname") + "/" + sv;
            if (status.equals(lastStatus.put(name, status))) continue;
            String check = field(f, col, "check_status");
            out.add(new LabEvent.ServerCheck(timeUs, host, sv, status, check == null ? "" : check, status.startsWith("UP")));
        }
        return out;
    }

    private static Map<String, Integer> header(String h) {
        Map<String, Integer> m = new HashMap<>();
        String[] names = h.split(",");
        for (int i = 0; i < names.length; i++) m.put(names[i].strip(), i);
        return m;
    }

    private static String field(String[] f, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        return i == null || i >= f.length ? null : f[i];
    }
}
