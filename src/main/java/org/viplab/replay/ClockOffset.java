package org.viplab.replay;

/**
 * How far a host's clock was from the capture's, as its own log and the wire show it: log time minus wire
 * time of the same act (keepalived's "Entering MASTER STATE" and its first advert; "sent 0 priority" and the
 * priority-0 advert). For the client ({@link IncidentBuilder#CLIENT}), its clock against the hosts': its ARP entry's
 * moves against the VIP's arrivals (the new holder's GARP on the wire, else the VIP added in its log).
 *
 * @param offsetUs      the estimate (or the {@code --offset} given)
 * @param uncertaintyUs how far it may be off: the log's stamp resolution, the spread of the pairs and the few
 *                      milliseconds keepalived takes to write a line about a packet it sent
 * @param pairs         how many log/wire pairs it rests on (0 when given or unknown)
 * @param given         set by {@code --offset}
 * @param applied       the host's times were corrected by it (a given offset, or an estimate larger than its uncertainty)
 */
public record ClockOffset(String host, long offsetUs, long uncertaintyUs, int pairs, boolean given, boolean applied) {
    /** No evidence: no capture, or no act of the host's seen on both sides. */
    public static ClockOffset unknown(String host) { return new ClockOffset(host, 0, -1, 0, false, false); }

    public boolean known() { return given || pairs > 0; }
}
