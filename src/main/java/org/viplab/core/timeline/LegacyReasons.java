package org.viplab.core.timeline;

import org.viplab.core.timeline.Reason.Code;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the free English reasons that sessions and JSON Lines files written before {@link Reason} existed
 * carry ("stop by drill", "ps -C mysqld: none"), so that an old recording renders in either language like a
 * new one. Only the reader uses this; nothing renders by parsing text. Words VIP Lab never wrote (keepalived's
 * log wording) become {@link Code#TEXT} and stay as they are.
 */
final class LegacyReasons {
    private LegacyReasons() { }

    private static final Map<String, Code> FIXED = Map.ofEntries(
            Map.entry("boot", Code.BOOT), Map.entry("start", Code.START), Map.entry("init", Code.INIT),
            Map.entry("ready", Code.READY), Map.entry("restart", Code.RESTART),
            Map.entry("SIGTERM delivered on resume", Code.SIGTERM_ON_RESUME), Map.entry("exited", Code.EXITED), Map.entry("killed", Code.KILLED),
            Map.entry("reconfigured", Code.RECONFIGURED), Map.entry("keepalived start", Code.KEEPALIVED_START),
            Map.entry("keepalived stopping", Code.KEEPALIVED_STOPPING),
            Map.entry("address owner (priority 255)", Code.ADDRESS_OWNER),
            Map.entry("Receive advertisement timeout", Code.ADVERT_TIMEOUT),
            Map.entry("track script", Code.TRACK_SCRIPT), Map.entry("interface", Code.INTERFACE),
            Map.entry("fault cleared", Code.FAULT_CLEARED), Map.entry("query answered", Code.QUERY_ANSWERED),
            Map.entry("query rejected: node not in the Primary component", Code.QUERY_REJECTED),
            Map.entry("connection refused", Code.CONNECTION_REFUSED), Map.entry("down", Code.DB_DOWN),
            Map.entry("not responding", Code.DB_NOT_RESPONDING),
            Map.entry("suspecting peer: commits stall", Code.SUSPECTING_PEER),
            Map.entry("at connect", Code.AT_CONNECT), Map.entry("at t = 0", Code.AT_ZERO), Map.entry("ps", Code.PS_WATCH),
            Map.entry("keepalived process gone", Code.PROCESS_GONE),
            Map.entry("seen by ip addr (no ip monitor line)", Code.SEEN_BY_IP_ADDR),
            Map.entry("keepalived starting", Code.KEEPALIVED_STARTING), Map.entry("keepalived stopped", Code.KEEPALIVED_STOPPED),
            Map.entry("SSH connection lost; reconnecting every 2 s", Code.CONNECTION_LOST));

    private record Shape(Pattern pattern, Code code) { }

    private static final List<Shape> SHAPES = List.of(
            new Shape(Pattern.compile("(start|stop|kill|hang|resume|restart|cut|heal) by (user|drill|restore|lint|baseline)"), Code.ACTION),
            new Shape(Pattern.compile("VRRP (MASTER|BACKUP|FAULT)"), Code.VRRP_STATE),
            new Shape(Pattern.compile("restarted by (.+)"), Code.RESTARTED_BY),
            new Shape(Pattern.compile("higher priority advert from (\\S+)"), Code.HIGHER_PRIORITY),
            new Shape(Pattern.compile("Netlink reports (\\S+) down"), Code.LINK_DOWN),
            new Shape(Pattern.compile("track script (\\S+) failed"), Code.TRACK_SCRIPT_FAILED),
            new Shape(Pattern.compile("check script (\\S+): service keepalived stop"), Code.SCRIPT_STOPPED_KEEPALIVED),
            new Shape(Pattern.compile("ps -C (\\S+): found"), Code.PS_FOUND),
            new Shape(Pattern.compile("ps -C (\\S+): none"), Code.PS_NONE),
            new Shape(Pattern.compile("tcp (\\d+): open"), Code.TCP_OPEN),
            new Shape(Pattern.compile("tcp (\\d+): refused"), Code.TCP_REFUSED),
            new Shape(Pattern.compile("query blocked: timed out after (\\S+) s"), Code.QUERY_BLOCKED),
            new Shape(Pattern.compile("no answer: timed out after (\\S+) s"), Code.NO_ANSWER),
            new Shape(Pattern.compile("read_only=OFF, replica IO (\\S+)"), Code.REPLICA_IO),
            new Shape(Pattern.compile("Synced, Primary \\((\\d+) of (\\d+)\\)"), Code.GALERA_PRIMARY),
            new Shape(Pattern.compile("non-Primary: no quorum \\((\\d+) of (\\d+)\\)"), Code.GALERA_NO_QUORUM),
            new Shape(Pattern.compile("ONLINE \\((\\d+) of (\\d+)\\)"), Code.MGR_ONLINE),
            new Shape(Pattern.compile("ONLINE, no majority \\((\\d+) of (\\d+)\\): writes block"), Code.MGR_NO_MAJORITY),
            new Shape(Pattern.compile("at t = 0; clock offset (\\S+) ms"), Code.AT_ZERO_CLOCK),
            new Shape(Pattern.compile("added to (\\S+)"), Code.ADDED_TO),
            new Shape(Pattern.compile("removed from (\\S+)"), Code.REMOVED_FROM),
            new Shape(Pattern.compile("connected; clock offset (\\S+) ms \\(round trip (\\S+) ms\\); tcpdump (yes|no)[^,]*, firewall (.*)"),
                    Code.CONNECTED));

    /** The reason an old file's free text stood for; null and "" stay null (no reason given). */
    static Reason parse(String text) {
        if (text == null || text.isEmpty()) return null;
        Code fixed = FIXED.get(text);
        if (fixed != null) return Reason.of(fixed);
        for (Shape s : SHAPES) {
            Matcher m = s.pattern().matcher(text);
            if (!m.matches()) continue;
            String[] args = new String[m.groupCount()];
            for (int i = 0; i < args.length; i++) args[i] = m.group(i + 1);
            if (s.code() == Code.CONNECTED && "none".equals(args[3])) args[3] = "";
            return Reason.of(s.code(), (Object[]) args);
        }
        return Reason.text(text);
    }
}
