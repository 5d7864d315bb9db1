package org.viplab.replay;

import java.util.Map;

/**
 * What one input file gave the incident, for the sources list of the app's File > Open incident… dialog.
 *
 * @param file   the file's name as given
 * @param host   the host whose log it is, or null for a capture
 * @param format the format found from its content ({@link InputFormat})
 * @param read   lines with a timestamp (or frames, for a pcap/pcapng capture)
 * @param used   of those, the lines (frames) that became evidence: read as keepalived, haproxy, MariaDB, ip monitor
 *               or wire facts
 * @param kinds  kind of line → how many
 */
public record InputSummary(String file, String host, String format, int read, int used, Map<String, Integer> kinds) {
    public InputSummary {
        kinds = Map.copyOf(kinds);
    }
}
