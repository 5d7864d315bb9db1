package org.viplab.observe;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a client's {@code ip -ts monitor neigh} output: each change of a neighbour entry (its MAC and its state
 * in Linux's neighbour state machine: REACHABLE, STALE, DELAY, PROBE, FAILED, INCOMPLETE), or its deletion.
 * What a client's ARP entry for the VIP pointed at, and when: the evidence of a black hole from the client's side.
 */
public final class NeighMonitorParser {
    private static final Pattern NEIGH = Pattern.compile(
            "^(Deleted |miss )?(\\d+\\.\\d+\\.\\d+\\.\\d+)(?:\\s+dev\\s+\\S+)?(?:\\s+lladdr\\s+([0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5}))?"
            + "(?:\\s+router)?(?:\\s+proxy)?(?:\\s+([A-Z]+(?:,[A-Z]+)*))?\\s*$");

    /**
     * One entry change.
     *
     * @param mac     the entry's link-layer address, lower case, or "" when the line has none (INCOMPLETE, FAILED)
     * @param state   the state as printed ("STALE", "REACHABLE", ...), or "DELETED"
     */
    public record Neigh(String ip, String mac, String state) { }

    private NeighMonitorParser() { }

    /** True when {@code text} (a line without its stamp) is a neighbour line of {@code ip monitor neigh}. */
    public static boolean recognises(String text) { return NEIGH.matcher(text.strip()).matches(); }

    /** @param text a line without its stamp */
    public static Optional<Neigh> parse(String text) {
        Matcher m = NEIGH.matcher(text.strip());
        if (!m.matches()) return Optional.empty();
        String mac = m.group(3) == null ? "" : m.group(3).toLowerCase(java.util.Locale.ROOT);
        String state = m.group(1) != null && m.group(1).startsWith("Deleted") ? "DELETED" : m.group(4) == null ? "NONE" : m.group(4);
        return Optional.of(new Neigh(m.group(2), mac, state));
    }
}
