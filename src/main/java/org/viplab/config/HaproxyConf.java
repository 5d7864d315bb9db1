package org.viplab.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What haproxy would take from a haproxy.cfg, for TCP load balancing of MySQL, with source positions. */
public final class HaproxyConf {
    public Path file;
    public final List<Note> notes = new ArrayList<>();
    /** global keywords by name (first word), with the rest of the line. */
    public final Map<String, Line> global = new LinkedHashMap<>();
    /** Every proxy section in file order, defaults included. */
    public final List<Proxy> sections = new ArrayList<>();

    /** A tokenised line. */
    public record Line(List<String> words, SourcePos pos, List<SourcePos> wordPos) {
        public String word(int i) { return i < words.size() ? words.get(i) : null; }
        public SourcePos posOf(int i) { return i < wordPos.size() ? wordPos.get(i) : pos; }
        public String rest(int from) { return from >= words.size() ? "" : String.join(" ", words.subList(from, words.size())); }
    }

    public enum Kind { DEFAULTS, FRONTEND, BACKEND, LISTEN }

    /** A value with the position it came from (possibly an inherited defaults line). */
    public record Val<T>(T value, SourcePos pos, boolean inherited) { }

    public static final class Proxy {
        public Kind kind;
        public String name;
        public SourcePos pos;
        /** For a proxy: the defaults section it inherits from (the last one before it, or "from NAME"). */
        public Proxy defaults;
        public final List<Line> lines = new ArrayList<>();

        // Own settings (null: not set here).
        public Val<String> mode;
        public Val<String> balance;
        public final List<Bind> binds = new ArrayList<>();
        public Val<String> defaultBackend;
        public final List<Val<String>> useBackends = new ArrayList<>();
        public final List<Server> servers = new ArrayList<>();
        public Server defaultServer;
        /** "mysql-check", "tcp-check", "httpchk", "redispatch", ... -> the option line; "no option x" stored as disabled. */
        public final Map<String, Val<Boolean>> options = new LinkedHashMap<>();
        public Val<String> mysqlCheckUser;
        public final Map<String, Val<Long>> timeoutsMs = new LinkedHashMap<>();
        public Val<Integer> retries;

        public boolean hasFrontendSide() { return kind == Kind.FRONTEND || kind == Kind.LISTEN; }

        /**
         * A stats or monitoring listener: it serves haproxy's own page ({@code stats enable}, {@code stats uri},
         * {@code monitor-uri}, the Prometheus exporter) and forwards nothing, so it has no server. Nearly every real
         * haproxy.cfg has one, in {@code mode http}; it carries no MySQL.
         */
        public boolean isMonitor() {
            if (!servers.isEmpty() || defaultBackend != null || !useBackends.isEmpty()) return false;
            for (Line l : lines) {
                String w = l.word(0);
                if ("stats".equals(w) || "monitor-uri".equals(w)) return true;
                if ("http-request".equals(w) && l.words().contains("use-service") && l.rest(1).contains("prometheus-exporter")) return true;
            }
            return false;
        }

        /** The backends this frontend sends to: default_backend and every use_backend, as named. */
        public List<String> backendNames() {
            List<String> out = new ArrayList<>();
            if (defaultBackend != null) out.add(defaultBackend.value());
            for (Val<String> u : useBackends) out.add(u.value());
            return out;
        }
        public boolean hasBackendSide() { return kind == Kind.BACKEND || kind == Kind.LISTEN; }

        /** The mode in effect: own, else the defaults', else haproxy's built-in default, tcp. */
        public Val<String> effectiveMode() {
            if (mode != null) return mode;
            if (defaults != null && defaults.mode != null) return new Val<>(defaults.mode.value(), defaults.mode.pos(), true);
            return new Val<>("tcp", pos, true);
        }

        public Val<String> effectiveBalance() {
            if (balance != null) return balance;
            if (defaults != null && defaults.balance != null) return new Val<>(defaults.balance.value(), defaults.balance.pos(), true);
            return new Val<>("roundrobin", pos, true);
        }

        public Val<Boolean> effectiveOption(String name) {
            Val<Boolean> v = options.get(name);
            if (v != null) return v;
            if (defaults != null) {
                Val<Boolean> d = defaults.options.get(name);
                if (d != null) return new Val<>(d.value(), d.pos(), true);
            }
            return null;
        }

        public boolean optionOn(String name) {
            Val<Boolean> v = effectiveOption(name);
            return v != null && v.value();
        }

        public Val<Long> effectiveTimeout(String name) {
            Val<Long> v = timeoutsMs.get(name);
            if (v != null) return v;
            if (defaults != null) {
                Val<Long> d = defaults.timeoutsMs.get(name);
                if (d != null) return new Val<>(d.value(), d.pos(), true);
            }
            return null;
        }

        public Val<Integer> effectiveRetries() {
            if (retries != null) return retries;
            if (defaults != null && defaults.retries != null) return new Val<>(defaults.retries.value(), defaults.retries.pos(), true);
            return null;
        }

        public Val<String> effectiveMysqlCheckUser() {
            if (options.containsKey("mysql-check")) return mysqlCheckUser;
            if (defaults != null && defaults.options.containsKey("mysql-check")) return defaults.mysqlCheckUser;
            return null;
        }

        public Server effectiveDefaultServer() {
            if (defaultServer != null) return defaultServer;
            return defaults == null ? null : defaults.defaultServer;
        }
    }

    /** A bind line: address may be empty or "*" for all addresses. */
    public record Bind(String address, int port, SourcePos pos) {
        public boolean wildcard() { return address.isEmpty() || address.equals("*") || address.equals("0.0.0.0") || address.equals("::"); }
    }

    /** A server (or default-server) line. Null fields were not set on the line. */
    public static final class Server {
        public String name;
        public String address;
        public Integer port;
        public SourcePos pos;
        public boolean check;
        public Long interMs;
        public Long fastinterMs;
        public Long downinterMs;
        public Integer fall;
        public Integer rise;
        public boolean backup;
        public Integer weight;
        public String onMarkedDown;
        public SourcePos onMarkedDownPos;
        public boolean disabled;
    }

    public Proxy section(String name, Kind... kinds) {
        for (Proxy p : sections) {
            if (!p.name.equals(name)) continue;
            if (kinds.length == 0) return p;
            for (Kind k : kinds) if (p.kind == k) return p;
        }
        return null;
    }

    /**
     * The proxy the database clients connect to: the first frontend or listen section with a bind that is not a
     * stats or monitoring listener; null when there is none.
     */
    public Proxy clientFrontend() {
        for (Proxy p : proxies()) if (p.hasFrontendSide() && !p.binds.isEmpty() && !p.isMonitor()) return p;
        return null;
    }

    public List<Proxy> proxies() { return sections.stream().filter(p -> p.kind != Kind.DEFAULTS).toList(); }
}
