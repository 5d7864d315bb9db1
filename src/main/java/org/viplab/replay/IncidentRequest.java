package org.viplab.replay;

import org.viplab.core.util.Durations;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inputs of a replay as a person gives them (files per host, captures, a zone, clock offsets), read and
 * built in one call that reports its progress: what the app's File > Open incident… runs off the FX thread.
 *
 * @param logs     host → its log files, in order
 * @param clients  client-side sources ({@code ip -ts monitor neigh} on a client)
 * @param offsetsUs host → its clock offset, instead of the estimate
 */
public record IncidentRequest(Map<String, List<Path>> logs, List<Path> captures, List<Path> clients, ZoneId zone, Map<String, Long> offsetsUs) {
    private static final Pattern OFFSET = Pattern.compile("([+-]?)(\\d+(?:\\.\\d+)?(?:us|µs|ms|s))");
    private static final long MAX_OFFSET_US = 3_600_000_000L;

    public IncidentRequest {
        Map<String, List<Path>> l = new LinkedHashMap<>();
        logs.forEach((h, f) -> l.put(h, List.copyOf(f)));
        logs = java.util.Collections.unmodifiableMap(l);
        captures = List.copyOf(captures);
        clients = List.copyOf(clients);
        offsetsUs = Map.copyOf(offsetsUs);
    }

    /** Built, with what each file gave. */
    public record Outcome(Incident incident, List<InputSummary> inputs) { }

    /** Not built: the message names file:line, and {@code inputs} holds what the files read before gave. */
    public static final class Failed extends Exception {
        private final transient List<InputSummary> inputs;

        Failed(String message, List<InputSummary> inputs) {
            super(message);
            this.inputs = List.copyOf(inputs);
        }

        public List<InputSummary> inputs() { return inputs; }
    }

    /**
     * Reads every file and builds the incident.
     *
     * @param progress told (fraction done 0..1, the file being read or null while building) before each step
     */
    public Outcome run(BiConsumer<Double, String> progress) throws Failed {
        IncidentBuilder b = new IncidentBuilder(zone, offsetsUs, null);
        int total = captures.size() + clients.size() + logs.values().stream().mapToInt(List::size).sum();
        int done = 0;
        try {
            for (Map.Entry<String, List<Path>> e : logs.entrySet()) {
                for (Path f : e.getValue()) {
                    progress.accept(done++ / (total + 1.0), f.toString());
                    b.log(e.getKey(), f.toString(), IncidentFiles.read(f, IncidentFiles.MAX_LOG_BYTES));
                }
            }
            for (Path c : captures) {
                progress.accept(done++ / (total + 1.0), c.toString());
                b.capture(c.toString(), IncidentFiles.read(c, IncidentFiles.MAX_CAPTURE_BYTES));
            }
            for (Path c : clients) {
                progress.accept(done++ / (total + 1.0), c.toString());
                b.client(c.toString(), IncidentFiles.read(c, IncidentFiles.MAX_LOG_BYTES));
            }
            progress.accept(done / (total + 1.0), null);
            Incident i = b.build();
            progress.accept(1.0, null);
            return new Outcome(i, b.summaries());
        } catch (IncidentException e) {
            throw new Failed(e.getMessage(), b.summaries());
        }
    }

    /**
     * A clock offset as {@code --offset} and the dialog take it: {@code +35ms}, {@code -1.2s}, {@code 800us}.
     *
     * @throws IllegalArgumentException saying what to write instead
     */
    public static long parseOffsetUs(String text) {
        Matcher x = OFFSET.matcher(text.strip());
        if (!x.matches()) throw new IllegalArgumentException("write ±DURATION, e.g. +35ms or -1.2s");
        long us = Durations.parseUs(x.group(2));
        if (us > MAX_OFFSET_US) throw new IllegalArgumentException("more than an hour; is the time zone right?");
        return x.group(1).equals("-") ? -us : us;
    }

    /** {@code HOST=VALUE} pairs separated by commas or spaces, as a dialog's field holds them. */
    public static Map<String, String> pairs(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String p : text.strip().split("[,\\s]+")) {
            if (p.isEmpty()) continue;
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) throw new IllegalArgumentException("\"" + p + "\": write HOST=VALUE");
            m.put(p.substring(0, eq), p.substring(eq + 1));
        }
        return m;
    }

    /** File names separated by commas, as {@code --log} and the dialog's fields hold them. */
    public static List<Path> files(String text) {
        List<Path> out = new ArrayList<>();
        for (String f : text.split(",")) if (!f.isBlank()) out.add(Path.of(f.strip()));
        return out;
    }
}
