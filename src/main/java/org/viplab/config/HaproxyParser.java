package org.viplab.config;

import org.viplab.config.HaproxyConf.Kind;
import org.viplab.config.HaproxyConf.Line;
import org.viplab.config.HaproxyConf.Proxy;
import org.viplab.config.HaproxyConf.Server;
import org.viplab.config.HaproxyConf.Val;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a haproxy.cfg as haproxy 2.x does: line based; a section starts with {@code global}, {@code defaults},
 * {@code frontend}, {@code backend} or {@code listen} (other sections are kept and noted); words split on
 * blanks, {@code #} starts a comment, double and single quotes group, backslash escapes. Each proxy inherits
 * from the last {@code defaults} section above it (or the one named by {@code from}); a new {@code defaults}
 * section resets every default. Time values take haproxy's
 * units (us, ms, s, m, h, d; a bare number is milliseconds). Malformed values of modelled keywords are a
 * {@link ConfigParseException}; unknown keywords are notes.
 */
public final class HaproxyParser {
    private static final Set<String> OTHER_SECTIONS = Set.of("peers", "resolvers", "userlist", "mailers", "program",
            "http-errors", "ring", "cache", "crt-store", "log-forward", "traces", "acme");
    /** Server keywords that take one value (so their value is not read as a keyword). */
    private static final Set<String> SERVER_VALUED = Set.of("inter", "fastinter", "downinter", "fall", "rise", "weight",
            "on-marked-down", "on-marked-up", "port", "addr", "maxconn", "minconn", "maxqueue", "slowstart", "cookie",
            "id", "observe", "error-limit", "on-error", "resolvers", "resolve-prefer", "init-addr", "source", "agent-port",
            "agent-inter", "agent-addr", "agent-send", "check-send-proxy", "ssl", "sni", "verify", "ca-file", "crt",
            "proto", "pool-max-conn", "pool-purge-delay", "max-reuse", "track", "redir", "namespace", "alpn",
            "check-alpn", "check-proto", "check-sni", "proxy-v2-options", "tcp-ut", "ws", "log-proto", "guid", "hash-key");
    private static final Set<String> SERVER_FLAGS = Set.of("check", "no-check", "backup", "no-backup", "disabled", "enabled",
            "send-proxy", "send-proxy-v2", "check-ssl", "no-ssl", "tfo", "agent-check", "non-stick", "stick", "allow-0rtt",
            "no-tls-tickets", "ssl-reuse", "check-send-proxy", "no-send-proxy");
    private static final Set<String> QUIET = Set.of("log", "maxconn", "user", "group", "daemon", "chroot", "pidfile",
            "stats", "nbthread", "nbproc", "cpu-map", "ca-base", "crt-base", "ssl-default-bind-ciphers",
            "ssl-default-bind-options", "tune.ssl.default-dh-param", "acl", "tcp-request", "http-request",
            "http-response", "capture", "errorfile", "hash-type", "fullconn", "cookie", "stick-table", "stick",
            "monitor-uri", "description", "tcp-response", "log-format", "unique-id-format", "compression", "bind-process",
            "email-alert", "http-check", "tcp-check", "rate-limit", "filter", "server-template", "external-check",
            "persist", "http-reuse", "load-server-state-from-file", "force-persist", "ignore-persist", "dispatch",
            "source", "id", "disabled", "enabled", "log-tag", "grace", "hash-balance-factor", "server-state-file-name");

    private final HaproxyConf conf = new HaproxyConf();
    private final String fileName;

    private HaproxyParser(String fileName) { this.fileName = fileName; }

    public static HaproxyConf parse(Path file) throws ConfigParseException {
        String text = ConfigFiles.read(file);
        HaproxyParser p = new HaproxyParser(file.toString());
        p.conf.file = file;
        p.run(text);
        return p.conf;
    }

    public static HaproxyConf parse(String text, String name) throws ConfigParseException {
        ConfigFiles.checkSize(text, name);
        HaproxyParser p = new HaproxyParser(name);
        p.run(text);
        return p.conf;
    }

    private void run(String text) throws ConfigParseException {
        Proxy cur = null;
        boolean inGlobal = false;
        boolean inOther = false;
        Proxy lastDefaults = null;
        int lineNo = 0;
        int start = 0;
        int n = text.length();
        while (start <= n) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = n;
            lineNo++;
            Line l = tokenize(text, start, end, lineNo);
            start = end + 1;
            if (l == null || l.words().isEmpty()) {
                if (end == n) break;
                continue;
            }
            String kw = l.word(0);
            switch (kw) {
                case "global" -> {
                    inGlobal = true;
                    inOther = false;
                    cur = null;
                    continue;
                }
                case "defaults", "frontend", "backend", "listen" -> {
                    inGlobal = false;
                    inOther = false;
                    cur = new Proxy();
                    cur.kind = Kind.valueOf(kw.toUpperCase(Locale.ROOT));
                    cur.pos = l.pos();
                    cur.name = l.word(1) == null ? "" : l.word(1);
                    if (cur.kind != Kind.DEFAULTS && cur.name.isEmpty()) {
                        throw new ConfigParseException(endOfWord(l, 0), ConfigText.of("config.error.expected", ConfigText.of("config.what.nameAfterQ", kw)));
                    }
                    cur.defaults = lastDefaults;
                    int from = l.words().indexOf("from");
                    if (from > 0) {
                        String dn = l.word(from + 1);
                        if (dn == null) throw new ConfigParseException(endOfWord(l, from), ConfigText.of("config.error.expected",
                                ConfigText.of("config.what.defaultsNameAfterQ", "from")));
                        Proxy d = conf.section(dn, Kind.DEFAULTS);
                        if (d == null) throw new ConfigParseException(l.posOf(from + 1), ConfigText.of("config.error.noSuchDefaults", dn));
                        cur.defaults = d;
                    }
                    if (cur.kind == Kind.DEFAULTS) {
                        // A new defaults section resets every default, unless it names one to start from.
                        if (from > 0) inheritInto(cur, cur.defaults);
                        cur.defaults = null;
                        lastDefaults = cur;
                    }
                    conf.sections.add(cur);
                    continue;
                }
                default -> { }
            }
            if (OTHER_SECTIONS.contains(kw)) {
                inOther = true;
                inGlobal = false;
                cur = null;
                conf.notes.add(new Note(l.pos(), ConfigText.of("config.note.sectionNotModelled", kw)));
                continue;
            }
            if (inOther) continue;
            if (inGlobal) {
                conf.global.putIfAbsent(kw, l);
                continue;
            }
            if (cur == null) {
                conf.notes.add(new Note(l.pos(), ConfigText.of("config.note.outsideSection", kw)));
                continue;
            }
            cur.lines.add(l);
            proxyLine(cur, l);
        }
    }

    /** {@code defaults NAME from OTHER}: starts from OTHER's settings. */
    private static void inheritInto(Proxy to, Proxy from) {
        to.mode = from.mode;
        to.balance = from.balance;
        to.options.putAll(from.options);
        to.mysqlCheckUser = from.mysqlCheckUser;
        to.timeoutsMs.putAll(from.timeoutsMs);
        to.retries = from.retries;
        to.defaultServer = from.defaultServer;
    }

    private void proxyLine(Proxy p, Line l) throws ConfigParseException {
        String kw = l.word(0);
        boolean no = false;
        int o = 0;
        if (kw.equals("no") && l.words().size() > 1) {
            no = true;
            o = 1;
            kw = l.word(1);
        }
        switch (kw) {
            case "mode" -> p.mode = new Val<>(need(l, o + 1, ConfigText.of("config.what.modeAfterQ", "mode")), l.posOf(o + 1), false);
            case "balance" -> p.balance = new Val<>(need(l, o + 1, ConfigText.of("config.what.algorithmAfterQ", "balance")), l.posOf(o + 1), false);
            case "bind" -> {
                if (p.kind == Kind.DEFAULTS || p.kind == Kind.BACKEND) {
                    conf.notes.add(new Note(l.pos(), ConfigText.of("config.note.bindIn", p.kind.name().toLowerCase(Locale.ROOT))));
                    return;
                }
                String addr = need(l, o + 1, ConfigText.of("config.what.addressPortAfterQ", "bind"));
                for (String a : addr.split(",")) p.binds.add(bind(a, l.posOf(o + 1)));
            }
            case "default_backend" -> p.defaultBackend = new Val<>(need(l, o + 1, ConfigText.of("config.what.backendName")), l.posOf(o + 1), false);
            case "use_backend" -> p.useBackends.add(new Val<>(need(l, o + 1, ConfigText.of("config.what.backendName")), l.posOf(o + 1), false));
            case "server" -> {
                Server s = server(l, false);
                p.servers.add(s);
            }
            case "default-server" -> p.defaultServer = server(l, true);
            case "option" -> {
                String opt = need(l, o + 1, ConfigText.of("config.what.optionAfterQ", "option"));
                p.options.put(opt, new Val<>(!no, l.pos(), false));
                if (opt.equals("mysql-check")) {
                    int u = l.words().indexOf("user");
                    p.mysqlCheckUser = u > 0 && l.word(u + 1) != null ? new Val<>(l.word(u + 1), l.posOf(u + 1), false) : null;
                }
            }
            case "timeout" -> {
                String what = need(l, o + 1, ConfigText.of("config.what.timeoutName"));
                String v = need(l, o + 2, ConfigText.of("config.what.timeAfterQ", "timeout " + what));
                p.timeoutsMs.put(what, new Val<>(time(v, l.posOf(o + 2)), l.posOf(o + 2), false));
            }
            case "contimeout" -> p.timeoutsMs.put("connect", new Val<>(time(need(l, o + 1, ConfigText.of("config.what.time")), l.posOf(o + 1)), l.posOf(o + 1), false));
            case "retries" -> p.retries = new Val<>(integer(need(l, o + 1, ConfigText.of("config.what.numberAfterQ", "retries")), l.posOf(o + 1)), l.posOf(o + 1), false);
            default -> {
                if (!QUIET.contains(kw)) conf.notes.add(new Note(l.pos(), ConfigText.of("config.note.notModelled", kw)));
            }
        }
    }

    private Server server(Line l, boolean isDefault) throws ConfigParseException {
        Server s = new Server();
        s.pos = l.pos();
        int i = 1;
        if (!isDefault) {
            s.name = need(l, 1, ConfigText.of("config.what.serverNameAfterQ", "server"));
            String addr = need(l, 2, ConfigText.of("config.what.serverAddress"));
            HaproxyConf.Bind b = bind(addr, l.posOf(2));
            s.address = b.address();
            s.port = b.port() < 0 ? null : b.port();
            i = 3;
        }
        for (; i < l.words().size(); i++) {
            String w = l.word(i);
            SourcePos at = l.posOf(i);
            switch (w) {
                case "check" -> s.check = true;
                case "no-check" -> s.check = false;
                case "backup" -> s.backup = true;
                case "no-backup" -> s.backup = false;
                case "disabled" -> s.disabled = true;
                case "inter" -> s.interMs = time(need(l, ++i, ConfigText.of("config.what.timeAfter", "inter")), l.posOf(i));
                case "fastinter" -> s.fastinterMs = time(need(l, ++i, ConfigText.of("config.what.timeAfter", "fastinter")), l.posOf(i));
                case "downinter" -> s.downinterMs = time(need(l, ++i, ConfigText.of("config.what.timeAfter", "downinter")), l.posOf(i));
                case "fall" -> s.fall = positive(need(l, ++i, ConfigText.of("config.what.numberAfter", "fall")), l.posOf(i));
                case "rise" -> s.rise = positive(need(l, ++i, ConfigText.of("config.what.numberAfter", "rise")), l.posOf(i));
                case "weight" -> s.weight = integer(need(l, ++i, ConfigText.of("config.what.numberAfter", "weight")), l.posOf(i));
                case "on-marked-down" -> {
                    s.onMarkedDown = need(l, ++i, ConfigText.of("config.what.actionAfter", "on-marked-down"));
                    s.onMarkedDownPos = at;
                }
                case "port" -> s.port = integer(need(l, ++i, ConfigText.of("config.what.portAfter", "port")), l.posOf(i));
                default -> {
                    if (SERVER_VALUED.contains(w)) {
                        i++;
                    } else if (!SERVER_FLAGS.contains(w)) {
                        conf.notes.add(new Note(at, ConfigText.of("config.note.keywordNotModelled", "server", w)));
                    }
                }
            }
        }
        return s;
    }

    /** ADDRESS:PORT, [v6]:PORT, :PORT, *:PORT, or an address alone (port -1). */
    private static HaproxyConf.Bind bind(String a, SourcePos pos) throws ConfigParseException {
        String addr = a;
        String port = null;
        if (a.startsWith("[")) {
            int close = a.indexOf(']');
            if (close < 0) throw new ConfigParseException(pos, ConfigText.of("config.error.closingBracket", a));
            addr = a.substring(1, close);
            if (close + 1 < a.length() && a.charAt(close + 1) == ':') port = a.substring(close + 2);
        } else {
            int c = a.lastIndexOf(':');
            int first = a.indexOf(':');
            if (c >= 0 && c == first) {
                addr = a.substring(0, c);
                port = a.substring(c + 1);
            }
        }
        int at = addr.indexOf('@');
        if (at >= 0) addr = addr.substring(at + 1);
        int p = -1;
        if (port != null && !port.isEmpty()) {
            int dash = port.indexOf('-');
            String first = dash >= 0 ? port.substring(0, dash) : port;
            try {
                p = Integer.parseInt(first);
            } catch (NumberFormatException e) {
                throw new ConfigParseException(pos, ConfigText.of("config.error.portNumber", a, port));
            }
            if (p < 0 || p > 65535) throw new ConfigParseException(pos, ConfigText.of("config.error.portRange", p));
        }
        return new HaproxyConf.Bind(addr, p, pos);
    }

    /** haproxy time: a number with an optional unit us, ms, s, m, h, d; milliseconds when bare. */
    public static long time(String v, SourcePos pos) throws ConfigParseException {
        int k = 0;
        while (k < v.length() && Character.isDigit(v.charAt(k))) k++;
        if (k == 0 || k > 12) throw new ConfigParseException(pos, ConfigText.of("config.error.time", v));
        long num = Long.parseLong(v.substring(0, k));
        String unit = v.substring(k);
        return switch (unit) {
            case "", "ms" -> num;
            case "us" -> num / 1000;
            case "s" -> num * 1000;
            case "m" -> num * 60_000;
            case "h" -> num * 3_600_000;
            case "d" -> num * 86_400_000;
            default -> throw new ConfigParseException(pos, ConfigText.of("config.error.timeUnit", v));
        };
    }

    private static int integer(String v, SourcePos pos) throws ConfigParseException {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ConfigParseException(pos, ConfigText.of("config.error.wholeNumber", v));
        }
    }

    private static int positive(String v, SourcePos pos) throws ConfigParseException {
        int x = integer(v, pos);
        if (x < 1) throw new ConfigParseException(pos, ConfigText.of("config.error.atLeast1", x));
        return x;
    }

    private static String need(Line l, int i, ConfigText what) throws ConfigParseException {
        String w = l.word(i);
        if (w == null) throw new ConfigParseException(endOfWord(l, l.words().size() - 1), ConfigText.of("config.error.expected", what));
        return w;
    }

    private static SourcePos endOfWord(Line l, int i) {
        SourcePos p = l.posOf(i);
        return new SourcePos(p.file(), p.line(), p.column() + l.word(i).length());
    }

    /** Splits one line into words; null for a blank or comment-only line. */
    private Line tokenize(String text, int start, int end, int lineNo) throws ConfigParseException {
        List<String> words = new ArrayList<>();
        List<SourcePos> pos = new ArrayList<>();
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r') {
                i++;
                continue;
            }
            if (c == '#') break;
            SourcePos at = new SourcePos(fileName, lineNo, i - start + 1);
            StringBuilder b = new StringBuilder();
            while (i < end) {
                char d = text.charAt(i);
                if (d == ' ' || d == '\t' || d == '\r' || d == '#') break;
                if (d == '\\' && i + 1 < end) {
                    b.append(text.charAt(i + 1));
                    i += 2;
                    continue;
                }
                if (d == '"' || d == '\'') {
                    int close = text.indexOf(d, i + 1);
                    if (close < 0 || close >= end) {
                        throw new ConfigParseException(new SourcePos(fileName, lineNo, i - start + 1),
                                ConfigText.of("config.error.unterminatedQuote", d));
                    }
                    b.append(text, i + 1, close);
                    i = close + 1;
                    continue;
                }
                b.append(d);
                i++;
            }
            words.add(b.toString());
            pos.add(at);
        }
        if (words.isEmpty()) return null;
        return new Line(words, pos.get(0), pos);
    }
}
