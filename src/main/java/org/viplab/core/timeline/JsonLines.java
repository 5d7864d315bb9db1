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

/** A timeline as JSON Lines: one event an object a line, {@code t} in microseconds and {@code kind} first. */
public final class JsonLines {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private JsonLines() { }

    public static void write(List<LabEvent> events, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        for (LabEvent e : events) {
            w.write(line(e));
            w.write('\n');
        }
        w.flush();
    }

    public static String line(LabEvent e) {
        JsonObject o = new JsonObject();
        o.addProperty("t", e.timeUs());
        o.addProperty("kind", e.kind());
        o.addProperty("host", e.host());
        JsonObject body = GSON.toJsonTree(e).getAsJsonObject();
        body.remove("timeUs");
        body.remove("host");
        for (var entry : body.entrySet()) o.add(entry.getKey(), entry.getValue());
        return GSON.toJson(o);
    }
}
