package org.viplab.config;

import org.viplab.config.KeepalivedConf.Val;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a keepalived.conf (with its includes) into a {@link KeepalivedConf}. The VRRP keywords VIP Lab
 * models are read and checked; every other keyword is kept in the statement tree and reported as a note,
 * never an error. A malformed value of a modelled keyword (a priority that is not a number, a missing
 * value) is a {@link ConfigParseException} naming file, line, column and what was expected.
 */
public final class KeepalivedParser {
    /** Keywords keepalived knows that change nothing VIP Lab models: accepted without a note. */
    private static final Set<String> QUIET_GLOBAL = Set.of("notification_email", "notification_email_from", "smtp_server",
            "smtp_connect_timeout", "lvs_id", "vrrp_skip_check_adv_addr", "vrrp_garp_interval", "vrrp_gna_interval",
            "enable_snmp_vrrp", "enable_snmp_keepalived", "vrrp_iptables", "max_auto_priority", "script_user_notify");
    private static final Set<String> QUIET_INSTANCE = Set.of("smtp_alert", "native_ipv6", "accept",
            "no_accept", "use_vmac", "vmac_xmit_base", "lvs_sync_daemon_interface", "debug", "strict_mode",
            "virtual_routes", "virtual_rules", "virtual_ipaddress_excluded", "track_file", "track_bfd", "notify_fifo",
            "notify_fifo_script", "skip_check_adv_addr", "down_timer_adverts");

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[+-]?[0-9]*\\.?[0-9]+([eE][+-]?[0-9]+)?");
    private static final java.util.regex.Pattern IP = java.util.regex.Pattern.compile("[0-9.]+|[0-9A-Fa-f:]+");

    private final KeepalivedConf conf = new KeepalivedConf();

    private KeepalivedParser() { }

    public static KeepalivedConf parse(Path file) throws ConfigParseException {
        KeepalivedParser p = new KeepalivedParser();
        p.conf.statements.addAll(KeepalivedSyntax.parseFile(file, p.conf.notes, p.conf.files));
        p.interpret();
        return p.conf;
    }

    public static KeepalivedConf parse(String text, String name) throws ConfigParseException {
        KeepalivedParser p = new KeepalivedParser();
        p.conf.statements.addAll(KeepalivedSyntax.parseText(text, name, p.conf.notes));
        p.interpret();
        return p.conf;
    }

    private void interpret() throws ConfigParseException {
        for (KNode n : conf.statements) {
            switch (n.keyword) {
                case "global_defs" -> globalDefs(n);
                case "vrrp_script" -> vrrpScript(n);
                case "vrrp_track_process" -> trackProcess(n);
                case "vrrp_instance" -> instance(n);
                case "vrrp_sync_group" -> syncGroup(n);
                case "virtual_server", "virtual_server_group", "static_ipaddress", "static_routes", "static_rules",
                        "linkbeat_interfaces", "bfd_instance", "vrrp_track_file", "track_file", "garp_group" ->
                        note(n, ConfigText.of("config.note.notModelledByLab", n.keyword));
                default -> note(n, ConfigText.of("config.note.unknownTop", n.keyword));
            }
        }
    }

    private void note(KNode n, ConfigText msg) { conf.notes.add(new Note(n.pos, msg)); }

    private void globalDefs(KNode n) throws ConfigParseException {
        KeepalivedConf.GlobalDefs g = conf.global;
        g.pos = n.pos;
        for (KNode c : block(n)) {
            switch (c.keyword) {
                case "router_id" -> g.routerId = str(c);
                case "script_user" -> g.scriptUser = str(c);
                case "enable_script_security" -> g.enableScriptSecurity = new Val<>(true, c.pos);
                case "vrrp_version" -> g.vrrpVersion = intArg(c, 2, 3);
                case "vrrp_strict" -> g.vrrpStrict = new Val<>(true, c.pos);
                case "vrrp_garp_master_refresh" -> g.garpMasterRefresh = dbl(c, 0, 1e9);
                case "vrrp_lower_prio_no_advert" -> g.lowerPrioNoAdvert = flag(c);
                case "vrrp_higher_prio_send_advert" -> g.higherPrioSendAdvert = flag(c);
                default -> {
                    if (!QUIET_GLOBAL.contains(c.keyword) && !c.keyword.startsWith("vrrp_garp") && !c.keyword.startsWith("vrrp_")) {
                        note(c, ConfigText.of("config.note.keywordNotModelled", "global_defs", c.keyword));
                    }
                }
            }
        }
    }

    private void vrrpScript(KNode n) throws ConfigParseException {
        KeepalivedConf.VrrpScript s = new KeepalivedConf.VrrpScript();
        s.name = name(n);
        s.pos = n.pos;
        for (KNode c : block(n)) {
            switch (c.keyword) {
                case "script" -> {
                    // keepalived takes the rest of the line as the command when it is not quoted.
                    need(c, 0, ConfigText.of("config.what.scriptCommand"));
                    s.script = new Val<>(String.join(" ", c.args), c.argPos(0));
                }
                case "interval" -> s.interval = dbl(c, 0.000001, 1e9);
                case "timeout" -> s.timeout = dbl(c, 0.000001, 1e9);
                case "weight" -> {
                    s.weight = intArg(c, -253, 253);
                    s.weightReverse = "reverse".equals(c.arg(1));
                }
                case "rise" -> s.rise = intArg(c, 1, Integer.MAX_VALUE);
                case "fall" -> s.fall = intArg(c, 1, Integer.MAX_VALUE);
                case "init_fail" -> s.initFail = new Val<>(true, c.pos);
                case "user" -> s.user = str(c);
                default -> note(c, ConfigText.of("config.note.keywordNotModelled", "vrrp_script", c.keyword));
            }
        }
        if (conf.scripts.containsKey(s.name)) note(n, ConfigText.of("config.note.scriptTwice", s.name));
        conf.scripts.put(s.name, s);
    }

    private void trackProcess(KNode n) throws ConfigParseException {
        KeepalivedConf.TrackProcess t = new KeepalivedConf.TrackProcess();
        t.name = name(n);
        t.pos = n.pos;
        for (KNode c : block(n)) {
            switch (c.keyword) {
                case "process" -> t.process = str(c);
                case "weight" -> {
                    t.weight = intArg(c, -254, 254);
                    t.weightReverse = "reverse".equals(c.arg(1));
                }
                case "quorum" -> t.quorum = intArg(c, 0, Integer.MAX_VALUE);
                case "delay" -> t.delay = dbl(c, 0, 1e9);
                default -> note(c, ConfigText.of("config.note.keywordNotModelled", "vrrp_track_process", c.keyword));
            }
        }
        conf.trackProcesses.put(t.name, t);
    }

    private void syncGroup(KNode n) throws ConfigParseException {
        KeepalivedConf.SyncGroup g = new KeepalivedConf.SyncGroup();
        g.name = name(n);
        g.pos = n.pos;
        for (KNode c : block(n)) {
            if (c.keyword.equals("group")) {
                if (c.children != null) for (KNode m : c.children) g.group.add(new Val<>(m.keyword, m.pos));
            } else if (isNotifyScript(c.keyword)) {
                g.notify.put(c.keyword, command(c));
            } else if (!c.keyword.startsWith("notify") && !c.keyword.equals("track_script") && !c.keyword.equals("track_interface")) {
                note(c, ConfigText.of("config.note.keywordNotModelled", "vrrp_sync_group", c.keyword));
            }
        }
        conf.syncGroups.add(g);
        note(n, ConfigText.of("config.note.syncGroup", g.name, String.join(", ", g.group.stream().map(Val::value).toList())));
    }

    private void instance(KNode n) throws ConfigParseException {
        KeepalivedConf.VrrpInstance vi = new KeepalivedConf.VrrpInstance();
        vi.name = name(n);
        vi.pos = n.pos;
        for (KNode c : block(n)) {
            switch (c.keyword) {
                case "state" -> {
                    vi.state = str(c);
                    String s = vi.state.value().toUpperCase(Locale.ROOT);
                    if (!s.equals("MASTER") && !s.equals("BACKUP")) {
                        throw new ConfigParseException(c.argPos(0), ConfigText.of("config.error.state", vi.state.value()));
                    }
                }
                case "interface" -> vi.iface = str(c);
                case "virtual_router_id" -> vi.vrid = intArg(c, 1, 255);
                case "priority" -> vi.priority = intArg(c, 1, 255);
                case "advert_int" -> vi.advertInt = dbl(c, 0.01, 255);
                case "nopreempt" -> vi.nopreempt = new Val<>(true, c.pos);
                case "preempt" -> vi.nopreempt = new Val<>(false, c.pos);
                case "preempt_delay" -> vi.preemptDelay = dbl(c, 0, 1000);
                case "version" -> vi.version = intArg(c, 2, 3);
                case "authentication" -> {
                    vi.authPos = c.pos;
                    for (KNode a : block(c)) {
                        switch (a.keyword) {
                            case "auth_type" -> vi.authType = str(a);
                            case "auth_pass" -> vi.authPass = str(a);
                            default -> note(a, ConfigText.of("config.note.authUnknown", a.keyword));
                        }
                    }
                }
                case "virtual_ipaddress" -> {
                    vi.vipsPos = c.pos;
                    for (KNode a : block(c)) vi.vips.add(vip(a));
                }
                case "unicast_src_ip" -> vi.unicastSrcIp = str(c);
                case "mcast_src_ip" -> vi.mcastSrcIp = str(c);
                case "unicast_peer" -> {
                    for (KNode a : block(c)) vi.unicastPeers.add(new Val<>(a.keyword, a.pos));
                }
                case "track_script" -> {
                    for (KNode a : block(c)) vi.trackScripts.add(ref(a));
                }
                case "track_interface" -> {
                    for (KNode a : block(c)) vi.trackInterfaces.add(ref(a));
                }
                case "track_process" -> {
                    for (KNode a : block(c)) vi.trackProcesses.add(ref(a));
                }
                case "dont_track_primary" -> vi.dontTrackPrimary = new Val<>(true, c.pos);
                case "lower_prio_no_advert" -> vi.lowerPrioNoAdvert = flag(c);
                case "higher_prio_send_advert" -> vi.higherPrioSendAdvert = flag(c);
                default -> {
                    if (isNotifyScript(c.keyword)) {
                        vi.notify.put(c.keyword, command(c));
                    } else if (c.keyword.startsWith("garp_")) {
                        if (c.args.isEmpty()) vi.garp.put(c.keyword, new Val<>(1.0, c.pos));
                        else vi.garp.put(c.keyword, dbl(c, 0, 1e9));
                    } else if (!QUIET_INSTANCE.contains(c.keyword)) {
                        note(c, ConfigText.of("config.note.keywordNotModelled", "vrrp_instance", c.keyword));
                    }
                }
            }
        }
        conf.instances.add(vi);
    }

    /** notify, notify_master, notify_backup, notify_fault, notify_stop, notify_master_rx_lower_pri: not the FIFOs. */
    private static boolean isNotifyScript(String kw) {
        return kw.startsWith("notify") && !kw.startsWith("notify_fifo");
    }

    /** A script command: keepalived takes the rest of the line when it is not quoted. */
    private static Val<String> command(KNode c) {
        return c.args.isEmpty() ? new Val<>("", c.pos) : new Val<>(String.join(" ", c.args), c.argPos(0));
    }

    /** A keyword that is on when written alone, or with on/true/yes (off/false/no turn it off). */
    private static Val<Boolean> flag(KNode c) throws ConfigParseException {
        String v = c.arg(0);
        if (v == null) return new Val<>(true, c.pos);
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> new Val<>(true, c.argPos(0));
            case "off", "false", "no" -> new Val<>(false, c.argPos(0));
            default -> throw new ConfigParseException(c.argPos(0), ConfigText.of("config.error.flag", c.keyword, v));
        };
    }

    private KeepalivedConf.Vip vip(KNode a) throws ConfigParseException {
        KeepalivedConf.Vip v = new KeepalivedConf.Vip();
        v.pos = a.pos;
        v.address = a.keyword;
        int slash = a.keyword.indexOf('/');
        v.ip = slash < 0 ? a.keyword : a.keyword.substring(0, slash);
        if (slash >= 0) {
            try {
                v.prefix = Integer.parseInt(a.keyword.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new ConfigParseException(a.pos, ConfigText.of("config.error.vipPrefix", a.keyword));
            }
        }
        if (!IP.matcher(v.ip).matches()) {
            throw new ConfigParseException(a.pos, ConfigText.of("config.error.vipAddress", a.keyword));
        }
        for (int i = 0; i < a.args.size(); i++) {
            String k = a.args.get(i);
            switch (k) {
                case "dev" -> { v.dev = need(a, i + 1, ConfigText.of("config.what.interfaceAfter", "dev")); i++; }
                case "label" -> { v.label = need(a, i + 1, ConfigText.of("config.what.labelAfter", "label")); i++; }
                case "brd", "broadcast", "scope", "metric", "preferred_lft", "valid_lft" -> i++;
                default -> { }
            }
        }
        return v;
    }

    private KeepalivedConf.TrackRef ref(KNode a) throws ConfigParseException {
        Integer w = null;
        boolean reverse = false;
        for (int i = 0; i < a.args.size(); i++) {
            if (a.args.get(i).equals("weight")) {
                String v = need(a, i + 1, ConfigText.of("config.what.numberAfter", "weight"));
                w = parseInt(v, a.argPos(i + 1), "weight", -254, 254);
                i++;
            } else if (a.args.get(i).equals("reverse")) {
                reverse = true;
            }
        }
        return new KeepalivedConf.TrackRef(a.keyword, w, reverse, a.pos);
    }

    // ---- value helpers -------------------------------------------------------------------------

    private static List<KNode> block(KNode n) throws ConfigParseException {
        if (n.children == null) throw new ConfigParseException(n.pos, ConfigText.of("config.error.blockExpected",
                n.keyword + (n.args.isEmpty() ? "" : " " + n.args.get(0))));
        return n.children;
    }

    private static String name(KNode n) throws ConfigParseException {
        return need(n, 0, ConfigText.of("config.what.nameAfterQ", n.keyword));
    }

    private static String need(KNode n, int i, ConfigText what) throws ConfigParseException {
        String v = n.arg(i);
        if (v == null) throw new ConfigParseException(i == 0 ? endOf(n) : n.argPos(i - 1), ConfigText.of("config.error.expected", what));
        return v;
    }

    /** Just after the keyword, where the missing value should have been. */
    private static SourcePos endOf(KNode n) {
        return new SourcePos(n.pos.file(), n.pos.line(), n.pos.column() + n.keyword.length());
    }

    private static Val<String> str(KNode c) throws ConfigParseException {
        return new Val<>(need(c, 0, ConfigText.of("config.what.valueAfterQ", c.keyword)), c.argPos(0));
    }

    private static Val<Integer> intArg(KNode c, int min, int max) throws ConfigParseException {
        String v = need(c, 0, ConfigText.of("config.what.numberAfterQ", c.keyword));
        return new Val<>(parseInt(v, c.argPos(0), c.keyword, min, max), c.argPos(0));
    }

    private static int parseInt(String v, SourcePos pos, String kw, int min, int max) throws ConfigParseException {
        int x;
        try {
            x = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new ConfigParseException(pos, ConfigText.of("config.error.wholeNumberAfter", kw, v));
        }
        if (x < min || x > max) {
            throw new ConfigParseException(pos, ConfigText.of("config.error.range", kw, min, max, x));
        }
        return x;
    }

    private static Val<Double> dbl(KNode c, double min, double max) throws ConfigParseException {
        String v = need(c, 0, ConfigText.of("config.what.numberAfterQ", c.keyword));
        double x;
        try {
            x = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            x = Double.NaN;
        }
        if (Double.isNaN(x) || Double.isInfinite(x) || !NUMBER.matcher(v.trim()).matches()) {
            throw new ConfigParseException(c.argPos(0), ConfigText.of("config.error.numberAfterGot", c.keyword, v));
        }
        if (x < min || x > max) throw new ConfigParseException(c.argPos(0), ConfigText.of("config.error.range", c.keyword, min, max, v));
        return new Val<>(x, c.argPos(0));
    }
}
