package org.viplab.drill;

import com.google.gson.JsonObject;
import org.viplab.core.util.Durations;
import org.viplab.core.util.LocatedJson;
import org.viplab.core.util.LocatedJson.Node;
import org.viplab.lab.Action;
import org.viplab.lab.Verb;

/**
 * The amount keys of a timing fault's step in a drill file: {@code "for"} (stall), {@code "by"} (delay, slow),
 * {@code "jitter"} (delay) and {@code "percent"} (loss). Read with the file's line and column in every error,
 * written back the same way by the recorder.
 */
final class ActionAmounts {
    private final String source;

    ActionAmounts(String source) { this.source = source; }

    /** The amount of {@code verb}'s step {@code o}; a key the verb does not take is an error, not a silent no-op. */
    Action.Amount read(LocatedJson.Obj o, Verb verb) throws DrillException {
        for (String key : new String[]{"for", "by", "jitter", "percent"}) {
            if (o.get(key) != null && !takes(verb, key)) {
                throw error(o.get(key), "\"" + verb.id() + "\" takes no \"" + key + "\"" + (verb.timingFault() ? "; it takes " + keys(verb) : ""));
            }
        }
        return switch (verb) {
            case STALL -> Action.Amount.duration(duration(o, "for", "stall needs \"for\", how long the host gets no CPU, e.g. \"3.7s\""));
            case SLOW -> Action.Amount.duration(duration(o, "by", "slow needs \"by\", how late each query answers, e.g. \"3s\""));
            case DELAY -> Action.Amount.delay(duration(o, "by", "delay needs \"by\", the one-way delay, e.g. \"200ms\""),
                    o.get("jitter") == null ? 0 : duration(o, "jitter", null));
            case LOSS -> {
                Node p = o.get("percent");
                if (p == null) throw error(o, "loss needs \"percent\", the share of packets dropped, e.g. \"30%\"");
                if (!(p instanceof LocatedJson.Str s)) throw error(p, "\"percent\" must be a string such as \"30%\", not " + p.typeName());
                try {
                    yield Action.Amount.loss(Action.parsePercent(s.value()));
                } catch (IllegalArgumentException | ArithmeticException e) {
                    throw error(p, "\"percent\": \"" + s.value() + "\" is not a percentage; write e.g. \"30%\" or \"0.5%\" (up to two decimals)");
                }
            }
            default -> Action.Amount.NONE;
        };
    }

    private static boolean takes(Verb verb, String key) {
        return switch (key) {
            case "for" -> verb == Verb.STALL;
            case "by" -> verb == Verb.DELAY || verb == Verb.SLOW;
            case "jitter" -> verb == Verb.DELAY;
            default -> verb == Verb.LOSS;
        };
    }

    private static String keys(Verb verb) {
        return switch (verb) {
            case STALL -> "\"for\"";
            case DELAY -> "\"by\" and \"jitter\"";
            case LOSS -> "\"percent\"";
            default -> "\"by\"";
        };
    }

    private long duration(LocatedJson.Obj o, String key, String missing) throws DrillException {
        Node n = o.get(key);
        if (n == null) throw error(o, missing);
        if (!(n instanceof LocatedJson.Str s)) throw error(n, "\"" + key + "\" must be a string such as \"3s\", not " + n.typeName());
        try {
            return Durations.parseUs(s.value());
        } catch (IllegalArgumentException e) {
            throw error(n, "\"" + key + "\": " + e.getMessage());
        }
    }

    /** Writes {@code a}'s amount as the keys {@link #read} takes. */
    static void write(JsonObject step, Action a) {
        Action.Amount m = a.amount();
        switch (a.verb()) {
            case STALL -> step.addProperty("for", Durations.format(m.us()));
            case SLOW -> step.addProperty("by", Durations.format(m.us()));
            case DELAY -> {
                step.addProperty("by", Durations.format(m.us()));
                if (m.jitterUs() > 0) step.addProperty("jitter", Durations.format(m.jitterUs()));
            }
            case LOSS -> step.addProperty("percent", Action.percent(m.lossBasisPoints()));
            default -> { }
        }
    }

    private DrillException error(Node at, String message) {
        return new DrillException(source, at.line(), at.column(), message);
    }
}
