package org.viplab.config;

import org.viplab.core.util.Confined;

import org.viplab.core.model.CheckScriptSpec;
import org.viplab.core.model.HaproxySpec;
import org.viplab.core.model.KeepalivedSpec;
import org.viplab.core.model.NotifySpec;
import org.viplab.core.model.SyncGroupSpec;
import org.viplab.core.model.Mode;
import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.Presets;
import org.viplab.core.model.Topology;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Node directories (each with keepalived.conf, optional haproxy.cfg and the check scripts) to the topology
 * the simulator runs. Mode 2 when the nodes have a haproxy.cfg. Node addresses come from
 * {@code unicast_src_ip} or {@code mcast_src_ip} (the router's own address), the peer's {@code unicast_peer}, a haproxy server named after the node, or a
 * {@code ! VIP Lab node address:} comment that {@link ConfigRenderer} writes; else 10.9.8.201 / .223 with
 * a note.
 */
public final class ConfigImporter {
    /** A vrrp_track_process is modelled as a script whose path starts with this. */
    public static final String TRACK_PROCESS_PREFIX = "vrrp_track_process:";
    static final Pattern ADDRESS_COMMENT = Pattern.compile("(?m)^\\s*!\\s*VIP Lab node address:\\s*([0-9.]+)");
    private static final String[] DEFAULT_IPS = {Presets.DB1_IP, Presets.DB2_IP};

    private ConfigImporter() { }

    /** The outcome: the topology, every node's parsed files, and notes on what was assumed or ignored. */
    public record Result(Topology topology, List<NodeConfig> nodes, List<Note> notes) { }

    /** Parses one node directory. */
    public static NodeConfig readNode(String name, Path dir) throws ConfigParseException {
        Path kc = dir.resolve("keepalived.conf");
        if (!Files.isRegularFile(kc)) {
            throw new ConfigParseException(SourcePos.of(kc, 1, 1), ConfigText.of("config.error.noKeepalivedConf", dir, name));
        }
        KeepalivedConf k = KeepalivedParser.parse(kc);
        Path hc = dir.resolve("haproxy.cfg");
        HaproxyConf h = Files.isRegularFile(hc) ? HaproxyParser.parse(hc) : null;
        NodeConfig nc = new NodeConfig(name, dir, k, h);
        for (KeepalivedConf.VrrpScript s : k.scripts.values()) {
            if (s.script == null) continue;
            Path f = findScript(dir, s.script.value());
            ScriptAnalysis a;
            if (f != null && Confined.inside(dir, f) == null) {
                throw new ConfigParseException(s.script.pos(), ConfigText.of("config.error.scriptOutside", s.script.value(),
                        realPath(f), dir.toAbsolutePath().normalize()));
            }
            if (f != null) {
                a = ScriptAnalyzer.analyze(ConfigFiles.read(f), f.toString());
                nc.scriptFiles.put(s.name, f);
            } else {
                a = ScriptAnalyzer.analyze(s.script.value(), s.script.pos().toString());
                if (!a.recognised()) {
                    k.notes.add(new Note(s.script.pos(), ConfigText.of("config.note.scriptNotFound",
                            s.script.value(), dir)));
                }
            }
            nc.scripts.put(s.name, a);
        }
        readSysctl(dir, nc.sysctl);
        NotifyScript.readAll(nc);
        return nc;
    }

    private static Path realPath(Path f) {
        try {
            return f.toRealPath();
        } catch (IOException | RuntimeException e) {
            return f.toAbsolutePath().normalize();
        }
    }

    /** Looks each word of the script command up in the node directory by its file name. */
    static Path findScript(Path dir, String command) {
        for (String w : command.trim().split("\\s+")) {
            if (w.isEmpty()) continue;
            String fn;
            try {
                Path p = Path.of(w).getFileName();
                if (p == null) continue;
                fn = p.toString();
            } catch (RuntimeException e) {
                continue;
            }
            if (fn.equals("bash") || fn.equals("sh")) continue;
            Path f = dir.resolve(fn);
            if (Files.isRegularFile(f)) return f;
        }
        return null;
    }

    private static void readSysctl(Path dir, Map<String, String> out) {
        List<Path> files = new ArrayList<>();
        if (Files.isRegularFile(dir.resolve("sysctl.conf"))) files.add(dir.resolve("sysctl.conf"));
        Path d = dir.resolve("sysctl.d");
        if (Files.isDirectory(d)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(d, "*.conf")) {
                for (Path p : ds) files.add(p);
            } catch (IOException e) {
                // unreadable: treated as absent
            }
        }
        for (Path f : files) {
            try {
                for (String l : Files.readAllLines(f)) {
                    String t = l.trim();
                    if (t.startsWith("#") || t.startsWith(";") || !t.contains("=")) continue;
                    int eq = t.indexOf('=');
                    out.put(t.substring(0, eq).trim().replace('/', '.'), t.substring(eq + 1).trim());
                }
            } catch (IOException | RuntimeException e) {
                // unreadable: treated as absent
            }
        }
    }

    /** Imports the named node directories (in order: the first is drawn left, like db1). */
    public static Result importNodes(Map<String, Path> nodeDirs) throws ConfigParseException {
        List<NodeConfig> nodes = new ArrayList<>();
        for (Map.Entry<String, Path> e : nodeDirs.entrySet()) nodes.add(readNode(e.getKey(), e.getValue()));
        return build(nodes);
    }

    /** Builds the topology from parsed nodes. */
    public static Result build(List<NodeConfig> nodes) throws ConfigParseException {
        List<Note> notes = new ArrayList<>();
        Topology t = new Topology();
        t.name = importName(nodes);
        t.description = "Imported from " + String.join(", ", nodes.stream().map(n -> n.name + "=" + n.dir).toList());
        boolean anyHaproxy = nodes.stream().anyMatch(n -> n.haproxy != null);
        t.mode = anyHaproxy ? Mode.HAPROXY_TRACKING : Mode.DB_TRACKING;
        for (NodeConfig nc : nodes) {
            if (anyHaproxy && nc.haproxy == null) {
                notes.add(new Note(SourcePos.of(nc.dir.resolve("haproxy.cfg"), 1, 1), ConfigText.of("config.note.noHaproxyCfg",
                        nc.name)));
            }
        }
        // Addresses first: haproxy server lines are mapped to nodes by address.
        Map<String, String> ips = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) ips.put(nodes.get(i).name, nodeIp(nodes, i, notes));
        for (int i = 0; i < nodes.size(); i++) {
            NodeConfig nc = nodes.get(i);
            NodeSpec n = new NodeSpec(nc.name, ips.get(nc.name), String.format(Locale.ROOT, "02:00:0a:09:08:%02x", i + 1));
            n.keepalived = keepalived(nc, notes);
            if (nc.haproxy != null) n.haproxy = haproxy(nc, ips, notes);
            t.nodes.add(n);
        }
        KeepalivedConf.VrrpInstance first = nodes.isEmpty() ? null : nodes.get(0).instance();
        if (first != null && !first.vips.isEmpty()) {
            t.vip = first.vips.get(0).ip;
        } else {
            notes.add(new Note(nodes.isEmpty() ? new SourcePos("<none>", 1, 1) : nodes.get(0).keepalived.files.isEmpty()
                    ? new SourcePos(nodes.get(0).name, 1, 1) : SourcePos.of(nodes.get(0).keepalived.files.get(0), 1, 1),
                    ConfigText.of("config.note.noVip", t.vip)));
        }
        if (t.mode == Mode.HAPROXY_TRACKING) {
            for (NodeSpec n : t.nodes) {
                if (n.haproxy != null) {
                    if (n.haproxy.bindPort != Mode.HAPROXY_TRACKING.defaultClientPort()) t.clientPort = n.haproxy.bindPort;
                    break;
                }
            }
        }
        for (NodeConfig nc : nodes) {
            notes.addAll(nc.keepalived.notes);
            if (nc.haproxy != null) notes.addAll(nc.haproxy.notes);
        }
        ImportLimits.check(t, nodes);
        return new Result(t, nodes, notes);
    }

    /** "imported-mode1" for samples/configs/mode1/{db1,db2}: the shared parent directory names the import. */
    static String importName(List<NodeConfig> nodes) {
        Path parent = null;
        for (NodeConfig n : nodes) {
            Path p = n.dir.toAbsolutePath().normalize().getParent();
            if (parent == null) parent = p;
            else if (p == null || !p.equals(parent)) return "imported";
        }
        return parent == null || parent.getFileName() == null ? "imported" : "imported-" + parent.getFileName();
    }

    private static String nodeIp(List<NodeConfig> nodes, int i, List<Note> notes) {
        NodeConfig nc = nodes.get(i);
        KeepalivedConf.VrrpInstance vi = nc.instance();
        if (vi != null && vi.unicastSrcIp != null) return vi.unicastSrcIp.value();
        if (vi != null && vi.mcastSrcIp != null) return vi.mcastSrcIp.value();
        for (int j = 0; j < nodes.size(); j++) {
            if (j == i) continue;
            KeepalivedConf.VrrpInstance other = nodes.get(j).instance();
            if (other != null && other.unicastPeers.size() == 1 && nodes.size() == 2) return other.unicastPeers.get(0).value();
        }
        for (NodeConfig any : nodes) {
            if (any.haproxy == null) continue;
            for (HaproxyConf.Proxy p : any.haproxy.proxies()) {
                for (HaproxyConf.Server s : p.servers) {
                    if (s.name.equals(nc.name) && s.address != null && s.address.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) return s.address;
                }
            }
        }
        for (Path f : nc.keepalived.files) {
            try {
                Matcher m = ADDRESS_COMMENT.matcher(Files.readString(f));
                if (m.find()) return m.group(1);
            } catch (IOException | RuntimeException e) {
                // already read once by the parser; ignore
            }
        }
        String ip = i < DEFAULT_IPS.length ? DEFAULT_IPS[i] : "10.9.8." + (230 + i);
        notes.add(new Note(new SourcePos(nc.dir.toString(), 1, 1), ConfigText.of("config.note.noAddress", nc.name, ip)));
        return ip;
    }

    private static KeepalivedSpec keepalived(NodeConfig nc, List<Note> notes) throws ConfigParseException {
        KeepalivedConf k = nc.keepalived;
        if (k.instances.isEmpty()) {
            SourcePos at = k.files.isEmpty() ? new SourcePos(nc.name, 1, 1) : SourcePos.of(k.files.get(0), 1, 1);
            throw new ConfigParseException(at, ConfigText.of("config.error.noInstance", nc.name));
        }
        // the instance holding the client's VIP first (the simulator's client uses it), the others in file order
        KeepalivedConf.VrrpInstance vi = nc.instance();
        KeepalivedSpec s = instance(nc, vi, notes);
        List<KeepalivedSpec> more = new ArrayList<>();
        for (KeepalivedConf.VrrpInstance o : k.instances) if (o != vi) more.add(instance(nc, o, notes));
        if (!more.isEmpty()) s.moreInstances = more;
        if (!k.syncGroups.isEmpty()) {
            s.syncGroups = new ArrayList<>();
            for (KeepalivedConf.SyncGroup g : k.syncGroups) {
                SyncGroupSpec sg = new SyncGroupSpec(g.name, g.group.stream().map(KeepalivedConf.Val::value).toList());
                sg.notify = notify(g.notify);
                s.syncGroups.add(sg);
            }
        }
        return s;
    }

    /** One vrrp_instance, with the global_defs that set its defaults. */
    private static KeepalivedSpec instance(NodeConfig nc, KeepalivedConf.VrrpInstance vi, List<Note> notes) {
        KeepalivedConf k = nc.keepalived;
        KeepalivedSpec s = new KeepalivedSpec();
        if (k.global.routerId != null) s.routerId = k.global.routerId.value();
        s.instance = vi.name;
        if (vi.iface != null) s.iface = vi.iface.value();
        s.state = vi.stateMaster() ? KeepalivedSpec.InitialState.MASTER : KeepalivedSpec.InitialState.BACKUP;
        s.priority = vi.priorityOrDefault();
        if (vi.vrid != null) s.virtualRouterId = vi.vrid.value();
        else notes.add(new Note(vi.pos, ConfigText.of("config.note.noVrid", vi.name)));
        s.advertIntSec = vi.advertIntOrDefault();
        s.vrrpVersion = k.versionOf(vi);
        s.nopreempt = vi.hasNopreempt();
        s.preemptDelaySec = vi.preemptDelay != null ? vi.preemptDelay.value() : 0;
        s.authPass = vi.authPass != null ? vi.authPass.value() : null;
        s.vips = new ArrayList<>(vi.vips.stream().map(v -> v.ip).toList());
        s.trackInterface = vi.dontTrackPrimary == null;
        for (KeepalivedConf.TrackRef r : vi.trackInterfaces) {
            // a weighted track of the instance's own interface: its loss lowers the priority instead of a FAULT
            if (r.name().equals(s.iface) && r.weight() != null && r.weight() != 0) s.trackInterfaceWeight = r.reverse() ? -r.weight() : r.weight();
        }
        if (!vi.unicastPeers.isEmpty()) {
            s.unicastPeers = new ArrayList<>(vi.unicastPeers.stream().map(KeepalivedConf.Val::value).toList());
            if (vi.unicastSrcIp != null) s.unicastSrcIp = vi.unicastSrcIp.value();
        }
        s.notify = notify(vi.notify);
        if (vi.lowerPrioNoAdvert != null ? vi.lowerPrioNoAdvert.value() : k.global.lowerPrioNoAdvert != null && k.global.lowerPrioNoAdvert.value()) {
            s.lowerPrioNoAdvert = true;
        }
        if (k.global.garpMasterRefresh != null && k.global.garpMasterRefresh.value() > 0) s.garpMasterRefreshSec = k.global.garpMasterRefresh.value();
        KeepalivedConf.Val<Double> gd = vi.garp.get("garp_master_delay");
        if (gd != null) s.garpMasterDelaySec = gd.value();
        KeepalivedConf.Val<Double> gr = vi.garp.get("garp_master_repeat");
        if (gr != null) s.garpMasterRepeat = (int) Math.round(gr.value());
        for (KeepalivedConf.TrackRef r : vi.trackScripts) {
            KeepalivedConf.VrrpScript vs = k.scripts.get(r.name());
            if (vs == null) {
                notes.add(new Note(r.pos(), ConfigText.of("config.note.trackScriptUnknown", r.name())));
                continue;
            }
            s.scripts.add(script(nc, vs, r, notes));
        }
        for (KeepalivedConf.TrackRef r : vi.trackProcesses) {
            KeepalivedConf.TrackProcess tp = k.trackProcesses.get(r.name());
            if (tp == null || tp.process == null) {
                notes.add(new Note(r.pos(), ConfigText.of("config.note.trackProcessUnknown", r.name())));
                continue;
            }
            CheckScriptSpec c = new CheckScriptSpec();
            c.name = tp.name;
            c.path = TRACK_PROCESS_PREFIX + tp.name;
            // keepalived watches process events itself (proc connector); a 1 s poll is the nearest model.
            c.intervalSec = 1;
            c.weight = r.weight() != null ? r.weight() : tp.weight != null ? tp.weight.value() : 0;
            c.test = CheckScriptSpec.Test.PROCESS_EXISTS;
            c.processName = tp.process.value();
            c.stopsKeepalivedOnFailure = false;
            c.exitNonZeroOnFailure = true;
            s.scripts.add(c);
        }
        return s;
    }

    /** notify, notify_master... as written (null when there are none); run times and cloud moves are not in the file. */
    private static List<NotifySpec> notify(Map<String, KeepalivedConf.Val<String>> written) {
        List<NotifySpec> out = new ArrayList<>();
        for (Map.Entry<String, KeepalivedConf.Val<String>> e : written.entrySet()) {
            for (NotifySpec.On on : NotifySpec.On.values()) {
                if (on.keyword().equals(e.getKey())) out.add(new NotifySpec(on, e.getValue().value()));
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static CheckScriptSpec script(NodeConfig nc, KeepalivedConf.VrrpScript vs, KeepalivedConf.TrackRef r, List<Note> notes) {
        CheckScriptSpec c = new CheckScriptSpec();
        c.name = vs.name;
        c.path = vs.script != null ? vs.script.value() : c.path;
        c.intervalSec = vs.intervalOrDefault();
        c.timeoutSec = vs.timeout != null ? vs.timeout.value() : null;
        c.weight = r.weight() != null ? r.weight() : vs.weightOrDefault();
        if (vs.weightReverse || r.reverse()) notes.add(new Note(vs.pos, ConfigText.of("config.note.weightReverse", vs.name)));
        c.rise = vs.riseOrDefault();
        c.fall = vs.fallOrDefault();
        c.initFail = vs.initFail != null;
        ScriptAnalysis a = nc.scripts.get(vs.name);
        if (a != null) {
            ScriptAnalyzer.applyTo(a, c);
            if (!a.recognised() || a.exitNonZeroOnFailure == null) {
                notes.add(new Note(vs.script != null ? vs.script.pos() : vs.pos, ConfigText.of("config.note.scriptSimulated",
                        vs.name, a.summaryText(), c.test + (c.test == CheckScriptSpec.Test.PROCESS_EXISTS ? " " + c.processName : ""),
                        ConfigText.of(c.exitNonZeroOnFailure ? "config.note.scriptSimulated.follows" : "config.note.scriptSimulated.always0"))));
            }
        }
        return c;
    }

    private static HaproxySpec haproxy(NodeConfig nc, Map<String, String> ips, List<Note> notes) {
        HaproxyConf h = nc.haproxy;
        HaproxySpec s = new HaproxySpec();
        HaproxyConf.Proxy fe = h.clientFrontend(); // never the stats listener, whatever its place in the file
        HaproxyConf.Proxy be = null;
        if (fe != null) {
            if (fe.kind == HaproxyConf.Kind.LISTEN) be = fe;
            else if (fe.defaultBackend != null) be = h.section(fe.defaultBackend.value(), HaproxyConf.Kind.BACKEND, HaproxyConf.Kind.LISTEN);
            else if (!fe.useBackends.isEmpty()) be = h.section(fe.useBackends.get(0).value(), HaproxyConf.Kind.BACKEND, HaproxyConf.Kind.LISTEN);
            if (be == null) notes.add(new Note(fe.pos, ConfigText.of("config.note.noBackend", nc.name, fe.name)));
            int port = fe.binds.get(0).port();
            if (port >= 0) s.bindPort = port;
            nc.haproxyPositions.put("bindPort", fe.binds.get(0).pos());
        } else {
            notes.add(new Note(SourcePos.of(h.file, 1, 1), ConfigText.of("config.note.noBind", nc.name)));
        }
        if (be == null) {
            for (HaproxyConf.Proxy p : h.proxies()) if (p.hasBackendSide() && !p.servers.isEmpty()) { be = p; break; }
        }
        if (be == null) return s;
        s.mode = be.effectiveMode().value();
        if (fe != null && !fe.effectiveMode().value().equals(s.mode)) {
            notes.add(new Note(fe.effectiveMode().pos(), ConfigText.of("config.note.modeDiffers", nc.name,
                    fe.effectiveMode().value(), s.mode)));
            if (!fe.effectiveMode().value().equals("tcp")) s.mode = fe.effectiveMode().value();
        }
        s.balance = be.effectiveBalance().value();
        if (be.optionOn("mysql-check")) {
            s.checkType = HaproxySpec.CheckType.MYSQL;
            HaproxyConf.Val<String> u = be.effectiveMysqlCheckUser();
            s.mysqlCheckUser = u == null ? null : u.value();
        } else if (be.optionOn("httpchk") || be.optionOn("tcp-check")) {
            notes.add(new Note(be.pos, ConfigText.of("config.note.httpchk", nc.name)));
        }
        HaproxyConf.Server ds = be.effectiveDefaultServer();
        HaproxyConf.Server firstChecked = be.servers.stream().filter(x -> x.check).findFirst().orElse(null);
        s.interMs = pick(firstChecked == null ? null : firstChecked.interMs, ds == null ? null : ds.interMs, 2000L);
        s.fall = pick(firstChecked == null ? null : firstChecked.fall, ds == null ? null : ds.fall, 3);
        s.rise = pick(firstChecked == null ? null : firstChecked.rise, ds == null ? null : ds.rise, 2);
        s.fastinterMs = pick(firstChecked == null ? null : firstChecked.fastinterMs, ds == null ? null : ds.fastinterMs, null);
        s.downinterMs = pick(firstChecked == null ? null : firstChecked.downinterMs, ds == null ? null : ds.downinterMs, null);
        checkPositions(nc.haproxyPositions, firstChecked, ds);
        HaproxyConf.Val<Long> tc = be.effectiveTimeout("check");
        s.timeoutCheckMs = tc == null ? null : tc.value();
        if (tc != null) nc.haproxyPositions.put("timeoutCheckMs", tc.pos());
        HaproxyConf.Val<Long> tcon = be.effectiveTimeout("connect");
        if (tcon != null) s.timeoutConnectMs = tcon.value();
        if (tcon != null) nc.haproxyPositions.put("timeoutConnectMs", tcon.pos());
        HaproxyConf.Val<Integer> rt = be.effectiveRetries();
        if (rt != null) s.retries = rt.value();
        if (rt != null) nc.haproxyPositions.put("retries", rt.pos());
        s.redispatch = be.optionOn("redispatch");
        boolean allShut = !be.servers.isEmpty();
        for (HaproxyConf.Server sv : be.servers) {
            String omd = sv.onMarkedDown != null ? sv.onMarkedDown : ds == null ? null : ds.onMarkedDown;
            if (!"shutdown-sessions".equals(omd)) allShut = false;
        }
        s.onMarkedDownShutdownSessions = allShut;
        for (HaproxyConf.Server sv : be.servers) {
            String node = null;
            for (Map.Entry<String, String> e : ips.entrySet()) if (e.getValue().equals(sv.address)) node = e.getKey();
            if (node == null && ips.containsKey(sv.name)) node = sv.name;
            if (node == null) {
                notes.add(new Note(sv.pos, ConfigText.of("config.note.serverNotNode", nc.name,
                        sv.name, sv.address)));
                continue;
            }
            HaproxySpec.ServerSpec ss = new HaproxySpec.ServerSpec(sv.name, node);
            ss.port = sv.port != null ? sv.port : 3306;
            ss.check = sv.check;
            ss.backup = sv.backup;
            ss.weight = sv.weight != null ? sv.weight : 1;
            nc.haproxyPositions.put("servers." + s.servers.size() + ".port", sv.pos);
            nc.haproxyPositions.put("servers." + s.servers.size() + ".weight", sv.pos);
            s.servers.add(ss);
        }
        return s;
    }

    /** The check settings come from the first checked server's line, else from default-server's. */
    private static void checkPositions(Map<String, SourcePos> at, HaproxyConf.Server own, HaproxyConf.Server dflt) {
        for (String f : List.of("interMs", "fall", "rise", "fastinterMs", "downinterMs")) {
            HaproxyConf.Server from = own != null && setIn(own, f) ? own : dflt != null && setIn(dflt, f) ? dflt : null;
            if (from != null) at.put(f, from.pos);
        }
    }

    private static boolean setIn(HaproxyConf.Server s, String field) {
        return switch (field) {
            case "interMs" -> s.interMs != null;
            case "fall" -> s.fall != null;
            case "rise" -> s.rise != null;
            case "fastinterMs" -> s.fastinterMs != null;
            default -> s.downinterMs != null;
        };
    }

    private static <T> T pick(T own, T dflt, T fallback) {
        return own != null ? own : dflt != null ? dflt : fallback;
    }
}
