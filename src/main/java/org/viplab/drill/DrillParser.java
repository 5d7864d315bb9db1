package org.viplab.drill;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.core.model.Presets;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyJson;
import org.viplab.core.model.VrrpState;
import org.viplab.core.model.Limits;
import org.viplab.core.model.SettingPaths;
import org.viplab.core.model.TopologyFiles;
import org.viplab.core.util.Confined;
import org.viplab.core.util.Durations;
import org.viplab.core.util.InputFiles;
import org.viplab.core.util.LocatedJson;
import org.viplab.core.util.LocatedJson.Node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads drill files (format in samples/drills/README.md). Every error names the file, line and column and
 * says what was expected; unknown keys are warnings, so a newer drill still runs on an older VIP Lab.
 */
public final class DrillParser {
    private static final Set<String> TOP_KEYS = Set.of("name", "description", "preset", "topology", "seed", "duration",
            "steps", "restore", "set", "comment", "zh-CN");
    private static final Set<String> STEP_KEYS = Set.of("at", "action", "target", "expect", "host", "state", "instance", "within",
            "for", "max", "min", "comment", "note", "id", "by", "jitter", "percent");
    private static final Set<String> TRANSLATION_KEYS = Set.of("name", "description", "steps");
    /** Keys that look like a language tag ("fr", "zh-TW"): an untranslatable block is an error, not a warning. */
    private static final java.util.regex.Pattern LANGUAGE_TAG = java.util.regex.Pattern.compile("[a-z]{2}|[a-z]{2,3}-[A-Za-z0-9]{2,8}");

    private final String source;
    private final List<String> warnings = new ArrayList<>();
    /** Step ids given in "steps", to their 1-based index. */
    private final Map<String, Integer> stepIds = new java.util.HashMap<>();

    /** A topology given by the caller instead of the text's "preset" or "topology" (see {@link #parseOn}). */
    private Topology given;

    private DrillParser(String source) { this.source = source; }

    public static Drill parseFile(Path file) throws DrillException {
        String text;
        try {
            text = InputFiles.readText(file, InputFiles.MAX_TEXT_BYTES);
        } catch (NoSuchFileException e) {
            throw new DrillException(file.toString(), 0, 0, "no such file");
        } catch (InputFiles.InputFileException e) {
            throw new DrillException(file.toString(), 0, 0, e.detail());
        } catch (IOException e) {
            throw new DrillException(file.toString(), 0, 0, "cannot read: " + e.getMessage());
        }
        return parse(file.toString(), text, file.toAbsolutePath().getParent());
    }

    /** @param baseDir where a relative {@code topology} path is looked up */
    public static Drill parse(String source, String text, Path baseDir) throws DrillException {
        return new DrillParser(source).drill(text, baseDir);
    }

    /**
     * A drill written by VIP Lab itself (the tuning advisor's) on a topology it already holds, e.g. the app's current
     * settings, which is no preset and no file: the text names neither "preset" nor "topology".
     */
    public static Drill parseOn(String source, String text, Topology topology) throws DrillException {
        DrillParser p = new DrillParser(source);
        p.given = TopologyJson.copy(topology);
        return p.drill(text, null);
    }

    private Drill drill(String text, Path baseDir) throws DrillException {
        Node root;
        try {
            root = LocatedJson.parse(text);
        } catch (LocatedJson.ParseException e) {
            throw new DrillException(source, e.line, e.column, "not valid JSON: " + e.getMessage().replaceFirst("^line \\d+, column \\d+: ", ""));
        }
        if (!(root instanceof LocatedJson.Obj obj)) throw error(root, "a drill is a JSON object with name, preset and steps");
        warnUnknown(obj, TOP_KEYS, "drill");
        rejectUnknownLanguages(obj);
        String name = requiredString(obj, "name");
        String description = optionalString(obj, "description");
        Node presetNode = obj.get("preset");
        Node topoNode = obj.get("topology");
        if (given != null && (presetNode != null || topoNode != null)) throw error(obj, "this drill runs on a given topology: no \"preset\" or \"topology\"");
        if (given == null && presetNode == null && topoNode == null) throw error(obj, "give \"preset\" (" + String.join(", ", Presets.names()) + ") or \"topology\" (a file)");
        if (presetNode != null && topoNode != null) throw error(topoNode, "give \"preset\" or \"topology\", not both");
        Topology topology;
        String presetName = null;
        if (given != null) {
            topology = given;
        } else if (presetNode != null) {
            presetName = string(presetNode, "preset");
            topology = Presets.byName(presetName);
            if (topology == null) throw error(presetNode, "unknown preset \"" + presetName + "\"; presets: " + String.join(", ", Presets.names()));
        } else {
            topology = readTopology(topoNode, baseDir);
        }
        if (obj.get("set") != null) topology = applySettings(topology, obj.get("set"));
        if (obj.get("set") instanceof LocatedJson.Obj set) {
            // a setting out of range is shown at the "set" entry that gave it
            for (Limits.Violation v : Limits.check(topology)) {
                Node given = set.get(v.field());
                if (given != null) throw error(given, "\"set\": " + v.message());
            }
        }
        List<String> problems = TopologyJson.problems(topology);
        if (!problems.isEmpty()) throw error(topoNode != null ? topoNode : obj, "the topology is not usable: " + String.join("; ", problems));

        long seed = 1;
        if (obj.get("seed") != null) {
            Node s = obj.get("seed");
            if (!(s instanceof LocatedJson.Num n) || n.value() != Math.rint(n.value())) throw error(s, "seed must be a whole number");
            seed = (long) n.value();
        }
        Long duration = obj.get("duration") == null ? null : duration(obj.get("duration"), "duration");
        Node stepsNode = obj.get("steps");
        if (stepsNode == null) throw error(obj, "\"steps\" is missing: a list of actions and expectations");
        if (!(stepsNode instanceof LocatedJson.Arr arr)) throw error(stepsNode, "\"steps\" must be a list");
        List<Step> steps = steps(arr, topology, false);
        List<Step.ActionStep> restore = new ArrayList<>();
        if (obj.get("restore") != null) {
            if (!(obj.get("restore") instanceof LocatedJson.Arr r)) throw error(obj.get("restore"), "\"restore\" must be a list of actions");
            for (Step s : steps(r, topology, true)) restore.add((Step.ActionStep) s);
        }
        Map<String, DrillTranslation> translations = new java.util.HashMap<>();
        for (String lang : DrillTranslation.LANGUAGES) {
            if (obj.get(lang) != null) translations.put(lang, translation(obj.get(lang), lang, steps.size()));
        }
        Map<Integer, String> ids = new java.util.HashMap<>();
        stepIds.forEach((id, index) -> ids.put(index, id));
        return new Drill(source, name, description, presetName, topology, seed, duration, List.copyOf(steps),
                List.copyOf(restore), List.copyOf(warnings), translations, ids);
    }

    /** A topology file in the drill's folder (or below it), read as {@link TopologyFiles} reads any topology file. */
    private Topology readTopology(Node node, Path baseDir) throws DrillException {
        String rel = string(node, "topology");
        Path p;
        try {
            p = baseDir == null ? Path.of(rel) : baseDir.resolve(rel);
        } catch (RuntimeException e) {
            throw error(node, "\"topology\" is not a path: " + rel);
        }
        if (baseDir != null && Confined.inside(baseDir, p) == null) {
            throw error(node, "\"topology\": " + rel + " is outside the drill's folder " + baseDir
                    + "; put the topology file beside the drill (or in a folder below it)");
        }
        try {
            return TopologyFiles.read(p);
        } catch (NoSuchFileException e) {
            throw error(node, "topology file not found: " + p);
        } catch (TopologyFiles.TopologyFileException e) {
            throw error(node, "topology " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw error(node, "cannot read topology " + p + ": " + e.getMessage());
        }
    }

    /** {@code "set": {"db1.keepalived.nopreempt": true}}: dotted paths into the topology's JSON (see {@link SettingPaths}). */
    private Topology applySettings(Topology base, Node setNode) throws DrillException {
        if (!(setNode instanceof LocatedJson.Obj set)) throw error(setNode, "\"set\" must be an object of \"path\": value");
        SettingPaths settings = new SettingPaths(base);
        for (Map.Entry<String, Node> e : set.members().entrySet()) {
            try {
                settings.set(e.getKey(), toGson(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw error(e.getValue(), "\"set\": " + ex.getMessage());
            }
        }
        try {
            return settings.build();
        } catch (IllegalArgumentException ex) {
            throw error(setNode, "\"set\" gives " + ex.getMessage());
        }
    }

    private static JsonElement toGson(Node n) {
        if (n instanceof LocatedJson.Str s) return new JsonPrimitive(s.value());
        if (n instanceof LocatedJson.Num num) return JsonParser.parseString(num.text());
        if (n instanceof LocatedJson.Bool b) return new JsonPrimitive(b.value());
        if (n instanceof LocatedJson.Null) return com.google.gson.JsonNull.INSTANCE;
        if (n instanceof LocatedJson.Arr a) {
            com.google.gson.JsonArray out = new com.google.gson.JsonArray();
            for (Node i : a.items()) out.add(toGson(i));
            return out;
        }
        JsonObject o = new JsonObject();
        for (Map.Entry<String, Node> e : ((LocatedJson.Obj) n).members().entrySet()) o.add(e.getKey(), toGson(e.getValue()));
        return o;
    }

    private List<Step> steps(LocatedJson.Arr arr, Topology topology, boolean actionsOnly) throws DrillException {
        List<Step> out = new ArrayList<>();
        long anchor = 0;
        int index = 0;
        for (Node n : arr.items()) {
            index++;
            if (!(n instanceof LocatedJson.Obj o)) throw error(n, "step " + index + " must be an object");
            warnUnknown(o, STEP_KEYS, "step " + index);
            if (o.get("at") != null) anchor = duration(o.get("at"), "at");
            if (o.get("id") != null) {
                if (actionsOnly) throw error(o.get("id"), "restore steps have no \"id\": only \"steps\" are translated");
                String id = string(o.get("id"), "id");
                if (!id.matches("[A-Za-z][A-Za-z0-9_-]*")) throw error(o.get("id"), "\"id\" is a word such as \"stop-mysqld\" (letters, digits, - and _, starting with a letter)");
                if (stepIds.putIfAbsent(id, index) != null) throw error(o.get("id"), "step id \"" + id + "\" is already used by step " + stepIds.get(id));
            }
            boolean isAction = o.get("action") != null;
            boolean isExpect = o.get("expect") != null;
            if (isAction == isExpect) throw error(o, "step " + index + " needs either \"action\" or \"expect\"");
            if (isAction) {
                out.add(actionStep(o, index, anchor, topology));
            } else {
                if (actionsOnly) throw error(o, "restore steps are actions only");
                out.add(expectStep(o, index, anchor, topology));
            }
        }
        return out;
    }

    private Step.ActionStep actionStep(LocatedJson.Obj o, int index, long anchor, Topology topology) throws DrillException {
        String verbText = string(o.get("action"), "action");
        Verb verb = Verb.fromId(verbText);
        if (verb == null) throw error(o.get("action"), "unknown action \"" + verbText + "\"; actions: start, stop, kill, hang, resume, restart, cut, heal, stall, delay, loss, slow");
        Node targetNode = o.get("target");
        if (targetNode == null) throw error(o, "step " + index + ": \"" + verbText + "\" needs a \"target\" such as \"db1/mysqld\"");
        String targetText = string(targetNode, "target");
        try {
            Target target = Target.parse(targetText, topology.nodeNames());
            if (target instanceof Target.Process p && p.process() == org.viplab.core.model.ProcessKind.HAPROXY
                    && topology.node(p.host()).haproxy == null) {
                throw new IllegalArgumentException(p.host() + " runs no haproxy in this topology (mode 1)");
            }
            Action.Amount amount = new ActionAmounts(source).read(o, verb);
            try {
                return new Step.ActionStep(index, o.line(), anchor, new Action(verb, target, amount));
            } catch (IllegalArgumentException e) {
                throw error(amountNode(o, targetNode, e.getMessage()), e.getMessage());
            }
        } catch (IllegalArgumentException e) {
            throw error(targetNode, e.getMessage());
        }
    }

    /** Where an action's error points: the target ("cannot stall db1/mysqld: ..."), else the amount's key. */
    private static Node amountNode(LocatedJson.Obj o, Node targetNode, String message) {
        if (message.startsWith("cannot ")) return targetNode;
        for (String key : new String[]{"jitter", "percent", "by", "for"}) {
            if (o.get(key) != null && (!key.equals("jitter") || message.contains("jitter"))) return o.get(key);
        }
        return targetNode;
    }

    private Step.ExpectStep expectStep(LocatedJson.Obj o, int index, long anchor, Topology topology) throws DrillException {
        String kindText = string(o.get("expect"), "expect");
        Expectation kind = Expectation.fromId(kindText);
        if (kind == null) {
            throw error(o.get("expect"), "unknown expectation \"" + kindText
                    + "\"; expectations: vip-on, vip-nowhere, split-brain, no-split-brain, client-downtime-under, client-availability-over, client-failures-under, client-down, client-up, state, writable, not-writable, rows-behind");
        }
        String host = null;
        if (kind.needsHost()) {
            Node h = o.get("host");
            if (h == null) throw error(o, "\"" + kindText + "\" needs a \"host\" (" + String.join(", ", topology.nodeNames()) + ")");
            host = string(h, "host");
            if (topology.node(host) == null) throw error(h, "unknown host \"" + host + "\"; hosts: " + String.join(", ", topology.nodeNames()));
        }
        VrrpState state = null;
        if (kind == Expectation.STATE) {
            Node s = o.get("state");
            if (s == null) throw error(o, "\"state\" needs a \"state\": MASTER, BACKUP, FAULT or STOPPED");
            try {
                state = VrrpState.valueOf(string(s, "state"));
            } catch (IllegalArgumentException e) {
                throw error(s, "unknown state \"" + string(s, "state") + "\"; states: MASTER, BACKUP, FAULT, STOPPED");
            }
        }
        String instance = null;
        if (o.get("instance") != null) {
            Node in = o.get("instance");
            if (kind != Expectation.VIP_ON && kind != Expectation.STATE) throw error(in, "\"instance\" goes with \"vip-on\" and \"state\" only");
            instance = string(in, "instance");
            List<org.viplab.core.model.KeepalivedSpec> all = topology.node(host).keepalived.instances();
            List<String> names = all.stream().map(i -> i.instance).toList();
            if (!names.contains(instance)) {
                throw error(in, "unknown VRRP instance \"" + instance + "\" on " + host + "; instances: " + String.join(", ", names));
            }
            if (instance.equals(names.get(0))) instance = null; // the client VIP's instance: the default
        }
        Long within = o.get("within") == null ? null : duration(o.get("within"), "within");
        Long forUs = o.get("for") == null ? null : duration(o.get("for"), "for");
        if (within != null && forUs != null) throw error(o.get("for"), "give \"within\" or \"for\", not both");
        if (forUs != null && forUs <= 0) throw error(o.get("for"), "\"for\" must be longer than 0: an empty window proves nothing");
        Long max = null;
        if (kind == Expectation.CLIENT_DOWNTIME_UNDER) {
            if (o.get("max") == null) throw error(o, "\"client-downtime-under\" needs \"max\", e.g. \"3s\"");
            max = duration(o.get("max"), "max");
        }
        if (kind == Expectation.ROWS_BEHIND && o.get("min") != null) {
            Node m = o.get("min");
            if (!(m instanceof LocatedJson.Num n) || n.value() < 1 || n.value() != Math.rint(n.value())) throw error(m, "\"min\" must be a whole number of rows, at least 1");
            max = (long) ((LocatedJson.Num) m).value(); // reused as the row threshold
        }
        if (kind == Expectation.CLIENT_AVAILABILITY_OVER) max = percentPpm(o); // reused as the threshold in ppm
        if (kind == Expectation.CLIENT_FAILURES_UNDER) {
            Node m = o.get("max");
            if (m == null) throw error(o, "\"client-failures-under\" needs \"max\", a whole number of failed probes, e.g. 3");
            if (!(m instanceof LocatedJson.Num n) || n.value() < 1 || n.value() != Math.rint(n.value())) throw error(m, "\"max\" must be a whole number of failed probes, at least 1");
            max = (long) ((LocatedJson.Num) m).value();
        }
        boolean whole = kind.wholeDrillByDefault() && o.get("at") == null && forUs == null && within == null;
        return new Step.ExpectStep(index, o.line(), anchor, kind, host, state, within, forUs, max, whole, instance);
    }

    /** A key like "fr" or "zh-TW" is a translation VIP Lab cannot use: say so rather than ignore it. */
    private void rejectUnknownLanguages(LocatedJson.Obj o) throws DrillException {
        for (Map.Entry<String, Node> e : o.members().entrySet()) {
            if (!TOP_KEYS.contains(e.getKey()) && LANGUAGE_TAG.matcher(e.getKey()).matches()) {
                throw error(e.getValue(), "unknown language \"" + e.getKey() + "\"; translations: " + String.join(", ", DrillTranslation.LANGUAGES));
            }
        }
    }

    /** {@code "zh-CN": {"name": ..., "description": ..., "steps": {"<index or id>": text}}}. */
    private DrillTranslation translation(Node node, String lang, int stepCount) throws DrillException {
        if (!(node instanceof LocatedJson.Obj o)) throw error(node, "\"" + lang + "\" must be an object with name, description and steps");
        for (Map.Entry<String, Node> e : o.members().entrySet()) {
            if (!TRANSLATION_KEYS.contains(e.getKey())) throw error(e.getValue(), "\"" + lang + "\": unknown key \"" + e.getKey() + "\"; keys: name, description, steps");
        }
        String name = o.get("name") == null ? null : text(o.get("name"), lang + ".name");
        String description = o.get("description") == null ? null : text(o.get("description"), lang + ".description");
        Map<Integer, String> steps = new java.util.HashMap<>();
        Node stepsNode = o.get("steps");
        if (stepsNode != null) {
            if (!(stepsNode instanceof LocatedJson.Obj so)) throw error(stepsNode, "\"" + lang + ".steps\" must be an object of \"step id or number\": text");
            for (Map.Entry<String, Node> e : so.members().entrySet()) {
                String key = e.getKey();
                Integer index = stepIds.get(key);
                if (index == null && key.matches("[1-9][0-9]{0,5}")) index = Integer.parseInt(key);
                if (index == null || index > stepCount) {
                    throw error(e.getValue(), "\"" + lang + ".steps\": \"" + key + "\" names no step; use a step's \"id\" or its number, 1 to " + stepCount);
                }
                if (steps.put(index, text(e.getValue(), lang + ".steps." + key)) != null) {
                    throw error(e.getValue(), "\"" + lang + ".steps\": step " + index + " is translated twice (by number and by id)");
                }
            }
        }
        return new DrillTranslation(name, description, steps);
    }

    private String text(Node n, String key) throws DrillException {
        String s = string(n, key);
        if (s.isBlank()) throw error(n, "\"" + key + "\" is empty");
        return s;
    }

    /** {@code "min": "99.5%"} as parts per million (995000); more than four decimals would be false precision. */
    private long percentPpm(LocatedJson.Obj o) throws DrillException {
        Node m = o.get("min");
        String hint = "\"client-availability-over\" needs \"min\", a percentage of successful probes, e.g. \"99.5%\"";
        if (m == null) throw error(o, hint);
        if (!(m instanceof LocatedJson.Str str)) throw error(m, hint);
        String text = str.value().trim();
        if (!text.matches("\\d{1,3}(\\.\\d{1,4})?%")) throw error(m, hint);
        java.math.BigDecimal pct = new java.math.BigDecimal(text.substring(0, text.length() - 1));
        if (pct.compareTo(java.math.BigDecimal.valueOf(100)) > 0) throw error(m, "\"min\" must be at most 100%");
        return pct.movePointRight(4).longValueExact();
    }

    private void warnUnknown(LocatedJson.Obj o, Set<String> known, String where) {
        for (Map.Entry<String, Node> e : o.members().entrySet()) {
            if (!known.contains(e.getKey())) {
                warnings.add(source + ":" + e.getValue().line() + ": unknown key \"" + e.getKey() + "\" in " + where + " (ignored)");
            }
        }
    }

    private long duration(Node n, String key) throws DrillException {
        String text = string(n, key);
        try {
            return Durations.parseUs(text);
        } catch (IllegalArgumentException e) {
            throw error(n, "\"" + key + "\": " + e.getMessage());
        }
    }

    private String requiredString(LocatedJson.Obj o, String key) throws DrillException {
        Node n = o.get(key);
        if (n == null) throw error(o, "\"" + key + "\" is missing");
        return string(n, key);
    }

    private String optionalString(LocatedJson.Obj o, String key) throws DrillException {
        Node n = o.get(key);
        return n == null ? null : string(n, key);
    }

    private String string(Node n, String key) throws DrillException {
        if (n instanceof LocatedJson.Str s) return s.value();
        throw error(n, "\"" + key + "\" must be a string, not " + n.typeName());
    }

    private DrillException error(Node at, String message) {
        return new DrillException(source, at.line(), at.column(), message);
    }
}
