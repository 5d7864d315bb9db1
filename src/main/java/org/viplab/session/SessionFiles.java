package org.viplab.session;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyJson;
import org.viplab.core.timeline.JsonLines;
import org.viplab.core.timeline.JsonLinesReader;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;
import org.viplab.core.util.AtomicFiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A session as one zip file ({@code .viplab}): {@code session.json} (format, version, engine, seed, settings),
 * {@code topology.json} (the topology file format), {@code timeline.jsonl} (the events, {@link JsonLines}) and
 * {@code recording.json} when a drill was being recorded. Written atomically, so a crash leaves the old file
 * or the new one, never half of one. Reading checks everything and names the file, the entry and the line.
 */
public final class SessionFiles {
    public static final String FORMAT = "viplab-session";
    public static final int VERSION = 1;
    public static final String EXTENSION = ".viplab";
    static final String SESSION = "session.json";
    static final String TOPOLOGY = "topology.json";
    static final String TIMELINE = "timeline.jsonl";
    static final String RECORDING = "recording.json";

    /** session.json is a few hundred bytes. */
    static final long MAX_HEADER_BYTES = 1L << 20;
    /** topology.json and recording.json: the same cap as any topology or drill file. */
    static final long MAX_TEXT_BYTES = org.viplab.core.util.InputFiles.MAX_TEXT_BYTES;
    /** All entries inflated together: a week of the mode 2 lab is far below it; a zip bomb is far above. */
    static final long MAX_TOTAL_BYTES = 1L << 30;
    /** Inflated size per compressed byte beyond which an entry (over 1 MiB) is taken for a zip bomb. */
    static final long MAX_RATIO = 400;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private SessionFiles() { }

    public static void write(Path file, Session s, String appVersion) throws SessionException {
        try {
            AtomicFiles.write(file, out -> {
                ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
                Writer w = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
                zip.putNextEntry(new ZipEntry(SESSION));
                w.write(GSON.toJson(header(s, appVersion)) + "\n");
                w.flush();
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(TOPOLOGY));
                w.write(TopologyJson.toJson(s.topology()));
                w.flush();
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(TIMELINE));
                List<LabEvent> events = s.events();
                for (int i = 0; i < events.size(); i++) { // streamed: one line at a time
                    w.write(JsonLines.line(events.get(i), s.causes().causeOf(i)));
                    w.write('\n');
                }
                w.flush();
                zip.closeEntry();
                if (s.recordingJson() != null) {
                    zip.putNextEntry(new ZipEntry(RECORDING));
                    w.write(s.recordingJson());
                    w.flush();
                    zip.closeEntry();
                }
                zip.finish();
            });
        } catch (IOException e) {
            throw new SessionException(file, "cannot write: " + e.getMessage(), e);
        }
    }

    private static JsonObject header(Session s, String appVersion) {
        JsonObject h = new JsonObject();
        h.addProperty("format", FORMAT);
        h.addProperty("version", VERSION);
        h.addProperty("app", appVersion);
        h.addProperty("engine", s.engine());
        h.addProperty("seed", s.seed());
        h.addProperty("events", s.events().size());
        JsonObject settings = new JsonObject();
        new java.util.TreeMap<>(s.settings()).forEach(settings::addProperty);
        h.add("settings", settings);
        return h;
    }

    public static Session read(Path file) throws SessionException {
        if (!Files.exists(file)) throw new SessionException(file, "no such file");
        if (!Files.isRegularFile(file)) throw new SessionException(file, "not a regular file");
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            Budget budget = new Budget(MAX_TOTAL_BYTES);
            JsonObject h = header(file, text(file, zip, SESSION, true, MAX_HEADER_BYTES, budget));
            String engine = string(file, h, "engine");
            long seed;
            try {
                if (!h.get("seed").isJsonPrimitive() || !h.get("seed").getAsJsonPrimitive().isNumber()) throw new NumberFormatException();
                seed = h.get("seed").getAsJsonPrimitive().getAsBigDecimal().longValueExact();
            } catch (RuntimeException e) {
                throw new SessionException(file, SESSION + ": \"seed\" must be a whole number");
            }
            Map<String, String> settings = new LinkedHashMap<>();
            if (h.has("settings")) {
                if (!h.get("settings").isJsonObject()) throw new SessionException(file, SESSION + ": \"settings\" must be an object");
                for (Map.Entry<String, JsonElement> e : h.getAsJsonObject("settings").entrySet()) {
                    if (!e.getValue().isJsonPrimitive()) throw new SessionException(file, SESSION + ": setting \"" + e.getKey() + "\" must be a string");
                    settings.put(e.getKey(), e.getValue().getAsString());
                }
            }
            Topology topology = topology(file, text(file, zip, TOPOLOGY, true, MAX_TEXT_BYTES, budget));
            Timeline.Caused events = events(file, zip, h, budget);
            String recording = text(file, zip, RECORDING, false, MAX_TEXT_BYTES, budget);
            return new Session(topology, engine, seed, settings, events.events(), recording, events.causes());
        } catch (BoundedEntry.TooLarge e) {
            throw new SessionException(file, e.getMessage(), e);
        } catch (ZipException e) {
            throw new SessionException(file, "not a VIP Lab session, or damaged or cut off (" + e.getMessage() + ")", e);
        } catch (NoSuchFileException e) {
            throw new SessionException(file, "no such file", e);
        } catch (IOException e) {
            throw new SessionException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private static JsonObject header(Path file, String text) throws SessionException {
        JsonObject h;
        try {
            JsonElement e = JsonParser.parseString(text);
            if (!e.isJsonObject()) throw new SessionException(file, SESSION + ": must be a JSON object");
            h = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new SessionException(file, SESSION + ": not valid JSON: " + e.getMessage(), e);
        }
        if (!h.has("format") || !FORMAT.equals(primitive(file, h, "format", "a string"))) {
            throw new SessionException(file, SESSION + ": not a VIP Lab session (\"format\" is not \"" + FORMAT + "\")");
        }
        int version = h.has("version") ? wholeNumber(file, h, "version") : -1;
        if (version != VERSION) {
            throw new SessionException(file, SESSION + ": session format version " + version + " is not supported (this VIP Lab reads version " + VERSION + ")");
        }
        if (!h.has("seed")) throw new SessionException(file, SESSION + ": \"seed\" is missing");
        return h;
    }

    /** A field that must be a JSON string or number, as text; anything else is refused naming the field. */
    private static String primitive(Path file, JsonObject h, String key, String what) throws SessionException {
        JsonElement e = h.get(key);
        if (e == null || !e.isJsonPrimitive()) throw new SessionException(file, SESSION + ": \"" + key + "\" must be " + what);
        return e.getAsString();
    }

    private static int wholeNumber(Path file, JsonObject h, String key) throws SessionException {
        JsonElement e = h.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new SessionException(file, SESSION + ": \"" + key + "\" must be a whole number");
        }
        try {
            return e.getAsJsonPrimitive().getAsBigDecimal().intValueExact();
        } catch (ArithmeticException ex) {
            throw new SessionException(file, SESSION + ": \"" + key + "\" must be a whole number");
        }
    }

    private static String string(Path file, JsonObject h, String key) throws SessionException {
        if (!h.has(key) || !h.get(key).isJsonPrimitive()) throw new SessionException(file, SESSION + ": \"" + key + "\" is missing");
        return h.get(key).getAsString();
    }

    private static Topology topology(Path file, String text) throws SessionException {
        Topology t;
        try {
            t = TopologyJson.fromJson(text);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
            throw new SessionException(file, TOPOLOGY + ": not a valid topology: " + e.getMessage(), e);
        }
        List<String> problems = TopologyJson.problems(t);
        if (!problems.isEmpty()) throw new SessionException(file, TOPOLOGY + ": the topology is not usable: " + String.join("; ", problems));
        return t;
    }

    private static Timeline.Caused events(Path file, ZipFile zip, JsonObject h, Budget budget) throws IOException, SessionException {
        ZipEntry entry = zip.getEntry(TIMELINE);
        if (entry == null) throw new SessionException(file, "has no " + TIMELINE + " (the timeline)");
        Timeline events = new Timeline();
        try (InputStream in = new BoundedEntry(zip.getInputStream(entry), entry, MAX_TOTAL_BYTES, MAX_RATIO, budget);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            JsonLinesReader.readInto(file + "!" + TIMELINE, r, events);
        } catch (JsonLinesReader.FormatException e) {
            throw new SessionException(file, TIMELINE + " line " + e.line() + ": " + e.detail(), e);
        } catch (java.io.EOFException | ZipException e) {
            throw new SessionException(file, TIMELINE + " is cut off after " + events.size() + " events (" + e.getMessage() + ")", e);
        }
        if (h.has("events")) {
            int said = wholeNumber(file, h, "events");
            if (said != events.size()) {
                throw new SessionException(file, TIMELINE + " holds " + events.size() + " events, " + SESSION + " says " + said + ": the file is incomplete");
            }
        }
        return events.caused();
    }

    private static String text(Path file, ZipFile zip, String name, boolean required, long max, Budget budget)
            throws IOException, SessionException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            if (required) throw new SessionException(file, "has no " + name + "; is it a VIP Lab session?");
            return null;
        }
        try (InputStream in = new BoundedEntry(zip.getInputStream(e), e, max, MAX_RATIO, budget)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.EOFException | ZipException ex) {
            throw new SessionException(file, name + " is damaged or cut off (" + ex.getMessage() + ")", ex);
        }
    }
}
