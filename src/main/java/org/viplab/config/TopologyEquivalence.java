package org.viplab.config;

import org.viplab.core.model.CheckScriptSpec;
import org.viplab.core.model.HaproxySpec;
import org.viplab.core.model.KeepalivedSpec;
import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.NotifySpec;
import org.viplab.core.model.Topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares the parts of two topologies that config files carry: mode, VIP, client port, node names and
 * addresses, every keepalived and haproxy setting. Not compared: name, description, MACs, client and ARP
 * timing, mysqld timings and process name, flavour, keepalived version (no config file states them).
 */
public final class TopologyEquivalence {
    private TopologyEquivalence() { }

    /** Readable differences; empty when equivalent. */
    public static List<String> differences(Topology a, Topology b) {
        List<String> d = new ArrayList<>();
        eq(d, "mode", a.mode, b.mode);
        eq(d, "vip", a.vip, b.vip);
        eq(d, "client port", a.effectiveClientPort(), b.effectiveClientPort());
        eq(d, "node names", a.nodeNames(), b.nodeNames());
        for (NodeSpec na : a.nodes) {
            NodeSpec nb = b.node(na.name);
            if (nb == null) continue;
            String w = na.name + ".";
            eq(d, w + "ip", na.ip, nb.ip);
            keepalived(d, w + "keepalived.", na.keepalived, nb.keepalived);
            if ((na.haproxy == null) != (nb.haproxy == null)) d.add(w + "haproxy: " + (na.haproxy == null ? "absent" : "present") + " vs " + (nb.haproxy == null ? "absent" : "present"));
            else if (na.haproxy != null) haproxy(d, w + "haproxy.", na.haproxy, nb.haproxy);
        }
        return d;
    }

    private static void keepalived(List<String> d, String w, KeepalivedSpec a, KeepalivedSpec b) {
        eq(d, w + "routerId", a.routerId, b.routerId);
        eq(d, w + "instance", a.instance, b.instance);
        eq(d, w + "iface", a.iface, b.iface);
        eq(d, w + "state", a.state, b.state);
        eq(d, w + "priority", a.priority, b.priority);
        eq(d, w + "virtualRouterId", a.virtualRouterId, b.virtualRouterId);
        eq(d, w + "advertIntSec", a.advertIntSec, b.advertIntSec);
        eq(d, w + "vrrpVersion", a.vrrpVersion, b.vrrpVersion);
        eq(d, w + "nopreempt", a.nopreempt, b.nopreempt);
        eq(d, w + "preemptDelaySec", a.preemptDelaySec, b.preemptDelaySec);
        eq(d, w + "authPass", blankToNull(a.authPass), blankToNull(b.authPass));
        eq(d, w + "vips", a.vips, b.vips);
        eq(d, w + "trackInterface", a.trackInterface, b.trackInterface);
        eq(d, w + "garpMasterDelaySec", a.garpMasterDelaySec, b.garpMasterDelaySec);
        eq(d, w + "garpMasterRepeat", a.garpMasterRepeat, b.garpMasterRepeat);
        eq(d, w + "trackInterfaceWeight", a.trackInterfaceWeight, b.trackInterfaceWeight);
        eq(d, w + "unicastSrcIp", a.unicast() ? a.unicastSrcIp : null, b.unicast() ? b.unicastSrcIp : null);
        eq(d, w + "unicastPeers", a.unicast() ? a.unicastPeers : List.of(), b.unicast() ? b.unicastPeers : List.of());
        eq(d, w + "notify", notify(a.notifyOrEmpty()), notify(b.notifyOrEmpty()));
        eq(d, w + "lowerPrioNoAdvert", a.lowerPrioNoAdvertOn(), b.lowerPrioNoAdvertOn());
        eq(d, w + "garpMasterRefreshSec", a.garpRefreshUs(), b.garpRefreshUs());
        List<KeepalivedSpec> ia = a.instances();
        List<KeepalivedSpec> ib = b.instances();
        eq(d, w + "instances", ia.stream().map(i -> i.instance).toList(), ib.stream().map(i -> i.instance).toList());
        for (int i = 1; i < Math.min(ia.size(), ib.size()); i++) keepalived(d, w + "moreInstances[" + (i - 1) + "].", ia.get(i), ib.get(i));
        eq(d, w + "syncGroups", groups(a), groups(b));
        eq(d, w + "scripts.size", a.scripts.size(), b.scripts.size());
        for (int i = 0; i < Math.min(a.scripts.size(), b.scripts.size()); i++) {
            CheckScriptSpec x = a.scripts.get(i);
            CheckScriptSpec y = b.scripts.get(i);
            String s = w + "scripts[" + i + "].";
            eq(d, s + "name", x.name, y.name);
            eq(d, s + "path", x.path, y.path);
            eq(d, s + "intervalSec", x.intervalSec, y.intervalSec);
            eq(d, s + "timeoutSec", x.timeoutSec, y.timeoutSec);
            eq(d, s + "weight", x.weight, y.weight);
            eq(d, s + "rise", x.rise, y.rise);
            eq(d, s + "fall", x.fall, y.fall);
            eq(d, s + "initFail", x.initFail, y.initFail);
            eq(d, s + "test", x.test, y.test);
            if (x.test == CheckScriptSpec.Test.PROCESS_EXISTS) eq(d, s + "processName", x.processName, y.processName);
            else eq(d, s + "port", x.port, y.port);
            eq(d, s + "stopsKeepalivedOnFailure", x.stopsKeepalivedOnFailure, y.stopsKeepalivedOnFailure);
            eq(d, s + "exitNonZeroOnFailure", x.exitNonZeroOnFailure, y.exitNonZeroOnFailure);
        }
    }

    private static void haproxy(List<String> d, String w, HaproxySpec a, HaproxySpec b) {
        eq(d, w + "mode", a.mode, b.mode);
        eq(d, w + "bindPort", a.bindPort, b.bindPort);
        eq(d, w + "balance", a.balance, b.balance);
        eq(d, w + "checkType", a.checkType, b.checkType);
        eq(d, w + "mysqlCheckUser", a.mysqlCheckUser, b.mysqlCheckUser);
        eq(d, w + "interMs", a.interMs, b.interMs);
        eq(d, w + "fall", a.fall, b.fall);
        eq(d, w + "rise", a.rise, b.rise);
        eq(d, w + "fastinterMs", a.fastinterMs, b.fastinterMs);
        eq(d, w + "downinterMs", a.downinterMs, b.downinterMs);
        eq(d, w + "timeoutCheckMs", a.timeoutCheckMs, b.timeoutCheckMs);
        eq(d, w + "timeoutConnectMs", a.timeoutConnectMs, b.timeoutConnectMs);
        eq(d, w + "retries", a.retries, b.retries);
        eq(d, w + "redispatch", a.redispatch, b.redispatch);
        eq(d, w + "onMarkedDownShutdownSessions", a.onMarkedDownShutdownSessions, b.onMarkedDownShutdownSessions);
        eq(d, w + "servers.size", a.servers.size(), b.servers.size());
        for (int i = 0; i < Math.min(a.servers.size(), b.servers.size()); i++) {
            HaproxySpec.ServerSpec x = a.servers.get(i);
            HaproxySpec.ServerSpec y = b.servers.get(i);
            String s = w + "servers[" + i + "].";
            eq(d, s + "name", x.name, y.name);
            eq(d, s + "node", x.node, y.node);
            eq(d, s + "port", x.port, y.port);
            eq(d, s + "check", x.check, y.check);
            eq(d, s + "backup", x.backup, y.backup);
            eq(d, s + "weight", x.weight, y.weight);
        }
    }

    /** "notify_master /path" per script: what a config file says of them (run times and cloud moves it does not). */
    private static List<String> notify(List<NotifySpec> n) { return n.stream().map(x -> x.on.keyword() + " " + x.command).toList(); }

    private static List<String> groups(KeepalivedSpec k) {
        if (k.syncGroups == null) return List.of();
        return k.syncGroups.stream().map(g -> g.name + " " + g.members + " " + notify(g.notifyOrEmpty())).toList();
    }

    private static String blankToNull(String s) { return s == null || s.isEmpty() ? null : s; }

    private static void eq(List<String> d, String what, Object x, Object y) {
        if (!Objects.equals(x, y)) d.add(what + ": " + x + " vs " + y);
    }
}
