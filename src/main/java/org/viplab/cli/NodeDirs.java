package org.viplab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --node NAME=DIR} options (2 to 5 of them), in the order given. */
final class NodeDirs {
    private NodeDirs() { }

    static Map<String, Path> parse(List<String> values) { return parse("--node", values); }

    /** @param option the option's name in messages ({@code --node}, {@code replay}'s {@code --config}) */
    static Map<String, Path> parse(String option, List<String> values) {
        if (values.size() < org.viplab.core.model.Limits.MIN_NODES || values.size() > org.viplab.core.model.Limits.MAX_NODES) {
            throw new UsageException("give 2 to 5 nodes: " + option + " db1=DIR1 " + option + " db2=DIR2 [" + option + " db3=DIR3 ...], got " + values.size());
        }
        Map<String, Path> m = new LinkedHashMap<>();
        for (String v : values) {
            int eq = v.indexOf('=');
            if (eq <= 0 || eq == v.length() - 1) throw new UsageException(option + " takes NAME=DIR, got \"" + v + "\"");
            String name = v.substring(0, eq);
            if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) throw new UsageException("node name must be letters and digits, got \"" + name + "\"");
            Path dir = Path.of(v.substring(eq + 1));
            if (!Files.isDirectory(dir)) throw new UsageException("not a directory: " + dir);
            if (m.put(name, dir) != null) throw new UsageException("node " + name + " given twice");
        }
        return m;
    }
}
