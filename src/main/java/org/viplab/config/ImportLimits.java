package org.viplab.config;

import org.viplab.core.model.CheckScriptSpec;
import org.viplab.core.model.Limits;
import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.Topology;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An imported topology goes through the same {@link Limits} as any other; a value out of range is reported at
 * the line of the config file it came from ({@code interval 0.000001} at keepalived.conf:7:14).
 */
final class ImportLimits {
    private static final Pattern SCRIPT = Pattern.compile("(\\w+)\\.keepalived\\.scripts\\.(\\d+)\\.(\\w+)");
    private static final Pattern INSTANCE = Pattern.compile("(\\w+)\\.keepalived\\.(\\w+)");
    private static final Pattern HAPROXY = Pattern.compile("(\\w+)\\.haproxy\\.([\\w.]+)");

    private ImportLimits() { }

    static void check(Topology t, List<NodeConfig> nodes) throws ConfigParseException {
        for (Limits.Violation v : Limits.check(t)) {
            throw new ConfigParseException(where(v.field(), t, nodes), ConfigText.literal(v.message()));
        }
    }

    /** The config line that set {@code field}, else the node's keepalived.conf (or the first file read). */
    private static SourcePos where(String field, Topology t, List<NodeConfig> nodes) {
        String node = field.contains(".") ? field.substring(0, field.indexOf('.')) : null;
        NodeConfig nc = nodes.stream().filter(n -> n.name.equals(node)).findFirst().orElse(nodes.isEmpty() ? null : nodes.get(0));
        if (nc == null) return new SourcePos("<import>", 1, 1);
        SourcePos fallback = nc.keepalived.files.isEmpty() ? new SourcePos(nc.name, 1, 1) : SourcePos.of(nc.keepalived.files.get(0), 1, 1);
        Matcher m = SCRIPT.matcher(field);
        if (m.matches()) {
            NodeSpec n = t.node(m.group(1));
            int i = Integer.parseInt(m.group(2));
            if (n == null || i >= n.keepalived.scripts.size()) return fallback;
            CheckScriptSpec spec = n.keepalived.scripts.get(i);
            KeepalivedConf.VrrpScript s = nc.keepalived.scripts.get(spec.name);
            if (s == null) return fallback;
            KeepalivedConf.Val<?> val = switch (m.group(3)) {
                case "intervalSec" -> s.interval;
                case "timeoutSec" -> s.timeout;
                case "weight" -> s.weight;
                case "rise" -> s.rise;
                case "fall" -> s.fall;
                default -> null;
            };
            return val != null ? val.pos() : s.pos != null ? s.pos : fallback;
        }
        m = HAPROXY.matcher(field);
        if (m.matches() && nc.haproxy != null) {
            SourcePos at = nc.haproxyPositions.get(m.group(2));
            return at != null ? at : nc.haproxy.file != null ? SourcePos.of(nc.haproxy.file, 1, 1) : fallback;
        }
        m = INSTANCE.matcher(field);
        KeepalivedConf.VrrpInstance in = nc.instance();
        if (m.matches() && in != null) {
            KeepalivedConf.Val<?> val = switch (m.group(2)) {
                case "priority" -> in.priority;
                case "virtualRouterId" -> in.vrid;
                case "advertIntSec" -> in.advertInt;
                case "preemptDelaySec" -> in.preemptDelay;
                case "garpMasterDelaySec" -> in.garp.get("garp_master_delay");
                case "garpMasterRepeat" -> in.garp.get("garp_master_repeat");
                default -> null;
            };
            if (val != null) return val.pos();
        }
        return fallback;
    }
}
