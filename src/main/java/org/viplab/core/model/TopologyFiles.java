package org.viplab.core.model;

import com.google.gson.JsonParseException;
import org.viplab.core.util.InputFiles;
import org.viplab.core.util.LocatedJson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a topology file the user names: a regular file within the size cap, valid JSON, every number in its
 * {@link Limits} range. Each refusal names the file and, where there is one, the line and column.
 */
public final class TopologyFiles {
    /** A topology file that cannot be used: "FILE:LINE:COL: what is wrong". */
    public static final class TopologyFileException extends IOException {
        public TopologyFileException(String message) { super(message); }
    }

    private TopologyFiles() { }

    public static Topology read(Path file) throws IOException {
        String text;
        try {
            text = InputFiles.readText(file, InputFiles.MAX_TEXT_BYTES);
        } catch (InputFiles.InputFileException e) {
            throw new TopologyFileException(e.getMessage());
        }
        return parse(file.toString(), text);
    }

    /** The topology in {@code text}, which came from {@code name}. */
    public static Topology parse(String name, String text) throws TopologyFileException {
        LocatedJson.Node root;
        try {
            root = LocatedJson.parse(text);
        } catch (LocatedJson.ParseException e) {
            throw new TopologyFileException(name + ":" + e.line + ":" + e.column + ": not valid JSON: "
                    + e.getMessage().replaceFirst("^line \\d+, column \\d+: ", ""));
        }
        Topology t;
        try {
            t = TopologyJson.fromJson(text);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
            throw new TopologyFileException(name + ": not a topology: " + e.getMessage());
        }
        for (Limits.Violation v : Limits.check(t)) {
            LocatedJson.Node at = locate(root, v.field());
            throw new TopologyFileException(name + (at == null ? "" : ":" + at.line() + ":" + at.column()) + ": " + v.message());
        }
        List<String> problems = TopologyJson.problems(t);
        if (!problems.isEmpty()) throw new TopologyFileException(name + ": " + String.join("; ", problems));
        return t;
    }

    /** The JSON node a "set"-style path names ("db1.keepalived.priority"; node names pick from "nodes"), or null. */
    static LocatedJson.Node locate(LocatedJson.Node root, String field) {
        LocatedJson.Node cur = root;
        for (String key : field.split("\\.")) {
            if (cur instanceof LocatedJson.Obj o) {
                LocatedJson.Node next = o.get(key);
                if (next == null && o.get("nodes") instanceof LocatedJson.Arr nodes) {
                    for (LocatedJson.Node n : nodes.items()) {
                        if (n instanceof LocatedJson.Obj no && no.get("name") instanceof LocatedJson.Str s && s.value().equals(key)) next = n;
                    }
                }
                cur = next;
            } else if (cur instanceof LocatedJson.Arr a && key.matches("\\d{1,9}") && Integer.parseInt(key) < a.items().size()) {
                cur = a.items().get(Integer.parseInt(key));
            } else {
                return null;
            }
            if (cur == null) return null;
        }
        return cur;
    }
}
