package org.viplab.core.timeline;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A timeline as JSON Lines: one event an object a line, {@code t} in microseconds and {@code kind} first, and
 * {@code cause} (the index in the file of the event that caused it) on the events that have one.
 */
public final class JsonLines {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    /** The field naming the cause; optional, so files written before causes existed still load. */
    public static final String CAUSE = "cause";

    private JsonLines() { }

    public static void write(List<LabEvent> events, OutputStream out) throws IOException {
        write(events, Causes.none(), out);
    }

    /** The events with their causes; an event's id is its index in {@code events}, and so its line's index. */
    public static void write(List<LabEvent> events, Causes causes, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        for (int i = 0; i < events.size(); i++) {
            w.write(line(events.get(i), causes.causeOf(i)));
            w.write('\n');
        }
        w.flush();
    }

    public static String line(LabEvent e) { return line(e, Causes.NONE); }

    /** One event's line; {@code cause} is written only when there is one, so old readers see the same events. */
    public static String line(LabEvent e, long cause) {
        JsonObject o = new JsonObject();
        o.addProperty("t", e.timeUs());
        o.addProperty("kind", e.kind());
        o.addProperty("host", e.host());
        JsonObject body = GSON.toJsonTree(e).getAsJsonObject();
        body.remove("timeUs");
        body.remove("host");
        for (var entry : body.entrySet()) o.add(entry.getKey(), entry.getValue());
        if (cause >= 0) o.addProperty(CAUSE, cause);
        return GSON.toJson(o);
    }
}
