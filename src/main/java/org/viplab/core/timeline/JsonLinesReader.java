package org.viplab.core.timeline;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonDeserializationContext;
import com.google.gson.JsonDeserializer;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads {@link JsonLines} output back into {@link LabEvent} records, line by line (a day of events never has
 * to fit in memory as text). Every error names the source, the line and what is wrong.
 */
public final class JsonLinesReader {
    /** A line that is not an event. */
    public static final class FormatException extends Exception {
        private final String source;
        private final int line;
        private final String detail;

        public FormatException(String source, int line, String detail) {
            super(source + ":" + line + ": " + detail);
            this.source = source;
            this.line = line;
            this.detail = detail;
        }

        /** What is wrong, without the source and line. */
        public String detail() { return detail; }

        public String source() { return source; }

        public int line() { return line; }
    }

    /**
     * Reasons are objects ({"code": ..., "args": [...]}); files written before they were had free English, which
     * {@link LegacyReasons} maps to the same codes. Actors are their lower-case ids, as the old free strings were.
     */
    private static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(Reason.class, (JsonDeserializer<Reason>) JsonLinesReader::reason)
            .registerTypeAdapter(Actor.class, (JsonDeserializer<Actor>) (json, type, ctx) -> Actor.parse(json.getAsString()))
            .create();

    private static Reason reason(JsonElement json, java.lang.reflect.Type type, JsonDeserializationContext ctx) {
        if (json == null || json.isJsonNull()) return null;
        if (json.isJsonPrimitive()) return LegacyReasons.parse(json.getAsString());
        JsonObject o = json.getAsJsonObject();
        String name = o.has("code") ? o.get("code").getAsString() : "";
        Reason.Code code;
        try {
            code = Reason.Code.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new JsonParseException("unknown reason code \"" + name + "\"");
        }
        List<String> args = new ArrayList<>();
        if (o.has("args")) for (JsonElement a : o.getAsJsonArray("args")) args.add(a.getAsString());
        return new Reason(code, args);
    }

    /** The record class of each {@code kind}; a test checks that every LabEvent record has one. */
    public static final Map<String, Class<? extends LabEvent>> KINDS = Map.ofEntries(
            Map.entry("vip", LabEvent.VipChanged.class),
            Map.entry("advert", LabEvent.AdvertSent.class),
            Map.entry("vrrp-state", LabEvent.VrrpStateChanged.class),
            Map.entry("priority", LabEvent.PriorityChanged.class),
            Map.entry("process", LabEvent.ProcessChanged.class),
            Map.entry("script", LabEvent.ScriptResult.class),
            Map.entry("haproxy-check", LabEvent.ServerCheck.class),
            Map.entry("link", LabEvent.LinkChanged.class),
            Map.entry("garp", LabEvent.GarpSent.class),
            Map.entry("arp", LabEvent.ArpChanged.class),
            Map.entry("probe", LabEvent.ClientProbe.class),
            Map.entry("action", LabEvent.ActionApplied.class),
            Map.entry("log", LabEvent.LogLine.class),
            Map.entry("replication", LabEvent.ReplicationChanged.class),
            Map.entry("cluster", LabEvent.ClusterStatus.class),
            Map.entry("host", LabEvent.HostReachability.class),
            Map.entry("instance-state", LabEvent.InstanceStateChanged.class),
            Map.entry("instance-vip", LabEvent.InstanceVipChanged.class),
            Map.entry("notify", LabEvent.NotifyRun.class));

    /** What the reader needs to know of a record, worked out once per type rather than per line. */
    private record Shape(boolean hasHost, List<String> primitives) { }

    private static final Map<Class<? extends LabEvent>, Shape> SHAPES = new java.util.HashMap<>();

    static {
        for (Class<? extends LabEvent> type : KINDS.values()) {
            boolean hasHost = false;
            List<String> primitives = new ArrayList<>();
            for (var c : type.getRecordComponents()) {
                if (c.getName().equals("host")) hasHost = true;
                if (c.getType().isPrimitive()) primitives.add(c.getName());
            }
            SHAPES.put(type, new Shape(hasHost, List.copyOf(primitives)));
        }
    }

    /**
     * The longest line read, in characters. An event line is well under a kilobyte (the longest are log lines); a
     * session's timeline entry may inflate to a gigabyte, and read as one line with no newline it would be held
     * whole (twice, as chars) before any check could refuse it.
     */
    public static final int MAX_LINE_CHARS = 1 << 16;

    private JsonLinesReader() { }

    public static List<LabEvent> read(String source, Reader in) throws IOException, FormatException {
        List<LabEvent> out = new ArrayList<>();
        read(source, in, out::add);
        return out;
    }

    /** Hands each event to {@code sink} as it is read; blank lines are skipped. */
    public static void read(String source, Reader in, Consumer<LabEvent> sink) throws IOException, FormatException {
        readInto(source, in, sink::accept);
    }

    /**
     * Hands each event with its cause to {@code sink} ({@link EventSink#accept(LabEvent, long)}); a cause in the
     * file (an index among its events) is turned into the id the sink gave that event.
     */
    public static void readInto(String source, Reader in, EventSink sink) throws IOException, FormatException {
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        String text;
        int line = 0;
        long[] ids = new long[256];
        int n = 0;
        StringBuilder buffer = new StringBuilder();
        while ((text = boundedLine(r, buffer, source, line + 1)) != null) {
            line++;
            if (text.isBlank()) continue;
            JsonObject o = object(source, line, text);
            long cause = cause(source, line, o, n);
            LabEvent e = parse(source, line, kindOf(source, line, o), o);
            if (n == ids.length) ids = java.util.Arrays.copyOf(ids, n * 2);
            ids[n++] = sink.accept(e, cause < 0 ? Causes.NONE : ids[(int) cause]);
        }
    }

    /** The next line without its terminator (\n, \r\n or \r), null at the end; refused past {@link #MAX_LINE_CHARS}. */
    private static String boundedLine(BufferedReader r, StringBuilder b, String source, int line) throws IOException, FormatException {
        b.setLength(0);
        boolean any = false;
        int c;
        while ((c = r.read()) != -1) {
            any = true;
            if (c == '\n') return b.toString();
            if (c == '\r') {
                r.mark(1);
                if (r.read() != '\n') r.reset();
                return b.toString();
            }
            if (b.length() == MAX_LINE_CHARS) {
                throw new FormatException(source, line, "the line is longer than " + MAX_LINE_CHARS + " characters, the limit for one event");
            }
            b.append((char) c);
        }
        return any ? b.toString() : null;
    }

    /** Reads a whole file: its events, and their causes by index. */
    public static Timeline.Caused readCaused(String source, Reader in) throws IOException, FormatException {
        Timeline t = new Timeline();
        readInto(source, in, t);
        return t.caused();
    }

    private static long cause(String source, int line, JsonObject o, int index) throws FormatException {
        if (!o.has(JsonLines.CAUSE)) return Causes.NONE;
        var c = o.remove(JsonLines.CAUSE);
        if (!c.isJsonPrimitive() || !c.getAsJsonPrimitive().isNumber()) {
            throw new FormatException(source, line, "\"cause\" must be the index of an earlier event");
        }
        long cause = c.getAsLong();
        if (cause < 0 || cause >= index) {
            throw new FormatException(source, line, "\"cause\" " + cause + " is not an earlier event (this is event " + index + ")");
        }
        return cause;
    }

    public static LabEvent parse(String source, int line, String text) throws FormatException {
        JsonObject o = object(source, line, text);
        o.remove(JsonLines.CAUSE);
        return parse(source, line, kindOf(source, line, o), o);
    }

    private static JsonObject object(String source, int line, String text) throws FormatException {
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(text);
            if (!e.isJsonObject()) throw new FormatException(source, line, "an event is a JSON object, got " + shorten(text));
            o = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new FormatException(source, line, "not valid JSON (a cut-off line?): " + shorten(text));
        }
        return o;
    }

    private static String kindOf(String source, int line, JsonObject o) throws FormatException {
        if (!o.has("kind") || !o.get("kind").isJsonPrimitive()) throw new FormatException(source, line, "no \"kind\"");
        return o.get("kind").getAsString();
    }

    private static LabEvent parse(String source, int line, String kind, JsonObject o) throws FormatException {
        Class<? extends LabEvent> type = KINDS.get(kind);
        if (type == null) throw new FormatException(source, line, "unknown kind \"" + kind + "\"; kinds: " + String.join(", ", KINDS.keySet().stream().sorted().toList()));
        if (!o.has("t") || !o.get("t").isJsonPrimitive() || !o.get("t").getAsJsonPrimitive().isNumber()) {
            throw new FormatException(source, line, "no time \"t\" (microseconds)");
        }
        JsonObject body = o; // parsed for this call alone: reshaped in place into the record's components
        body.add("timeUs", body.remove("t"));
        body.remove("kind");
        Shape shape = SHAPES.get(type);
        if (!shape.hasHost()) body.remove("host"); // derived from other fields (links, client, actions)
        for (String name : shape.primitives()) {
            if (!body.has(name)) throw new FormatException(source, line, kind + " event without \"" + name + "\"");
        }
        try {
            return GSON.fromJson(body, type);
        } catch (JsonParseException | IllegalArgumentException e) {
            throw new FormatException(source, line, "a " + kind + " event with a wrong value: " + e.getMessage());
        }
    }

    private static String shorten(String s) { return s.length() > 80 ? s.substring(0, 80) + "..." : s; }
}
