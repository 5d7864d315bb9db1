package org.viplab.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** One node's parsed files: keepalived.conf (with includes), haproxy.cfg if present, and its check scripts. */
public final class NodeConfig {
    public final String name;
    public final Path dir;
    public final KeepalivedConf keepalived;
    /** Null when the node directory has no haproxy.cfg. */
    public final HaproxyConf haproxy;
    /** By vrrp_script name: what its script does (from the file found in the node directory, or the command). */
    public final Map<String, ScriptAnalysis> scripts = new LinkedHashMap<>();
    /** By vrrp_script name: the file the script was found in, when one was. */
    public final Map<String, Path> scriptFiles = new LinkedHashMap<>();
    /**
     * Where each imported haproxy value came from, by its field under the node's {@code haproxy.} (as
     * {@code Limits} names it: {@code interMs}, {@code servers.0.port}...), so a value out of range names its line.
     */
    public final Map<String, SourcePos> haproxyPositions = new LinkedHashMap<>();
    /** sysctl settings found in the node directory (sysctl.conf, sysctl.d/*.conf), e.g. net.ipv4.ip_nonlocal_bind. */
    public final Map<String, String> sysctl = new LinkedHashMap<>();

    public NodeConfig(String name, Path dir, KeepalivedConf keepalived, HaproxyConf haproxy) {
        this.name = name;
        this.dir = dir;
        this.keepalived = keepalived;
        this.haproxy = haproxy;
    }

    /**
     * The VRRP instance the simulator runs: the one holding the client's VIP. That is the instance whose VIP
     * haproxy's client frontend binds, when it binds one; else the first in the file (the write VIP, in the usual
     * layout). The importer puts it first in the node's keepalived; the others follow it, simulated as well.
     */
    public KeepalivedConf.VrrpInstance instance() {
        if (keepalived.instances.isEmpty()) return null;
        HaproxyConf.Proxy fe = haproxy == null ? null : haproxy.clientFrontend();
        if (fe != null) {
            for (HaproxyConf.Bind b : fe.binds) {
                if (b.wildcard()) continue;
                for (KeepalivedConf.VrrpInstance vi : keepalived.instances) if (vi.vipSet().contains(b.address())) return vi;
            }
        }
        return keepalived.instances.get(0);
    }

    /** Notify scripts of the instances and sync groups, as found in the node's folder (or not). */
    public final java.util.List<NotifyScript> notifyScripts = new java.util.ArrayList<>();
}
