package org.viplab.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What keepalived would take from a keepalived.conf for VRRP. Every value keeps the position it was read
 * from. Absent values are null (so a lint rule can tell "not set, keepalived's default" from "set").
 */
public final class KeepalivedConf {
    public final List<Path> files = new ArrayList<>();
    public final List<Note> notes = new ArrayList<>();
    public final List<KNode> statements = new ArrayList<>();

    public GlobalDefs global = new GlobalDefs();
    public final Map<String, VrrpScript> scripts = new LinkedHashMap<>();
    public final Map<String, TrackProcess> trackProcesses = new LinkedHashMap<>();
    public final List<VrrpInstance> instances = new ArrayList<>();
    public final List<SyncGroup> syncGroups = new ArrayList<>();

    /** A value and where it was written. */
    public record Val<T>(T value, SourcePos pos) { }

    public static final class GlobalDefs {
        public SourcePos pos;
        public Val<String> routerId;
        public Val<String> scriptUser;
        public Val<Boolean> enableScriptSecurity;
        public Val<Integer> vrrpVersion;
        public Val<Boolean> vrrpStrict;
        /** vrrp_garp_master_refresh: seconds between repeated gratuitous ARPs while MASTER (0: never). */
        public Val<Double> garpMasterRefresh;
        /** vrrp_lower_prio_no_advert: the default of every instance's lower_prio_no_advert. */
        public Val<Boolean> lowerPrioNoAdvert;
        public Val<Boolean> higherPrioSendAdvert;
    }

    public static final class VrrpScript {
        public String name;
        public SourcePos pos;
        public Val<String> script;
        public Val<Double> interval;
        public Val<Double> timeout;
        public Val<Integer> weight;
        public boolean weightReverse;
        public Val<Integer> rise;
        public Val<Integer> fall;
        public Val<Boolean> initFail;
        public Val<String> user;

        public double intervalOrDefault() { return interval != null ? interval.value() : 1; }
        public int weightOrDefault() { return weight != null ? weight.value() : 0; }
        public int riseOrDefault() { return rise != null ? rise.value() : 1; }
        public int fallOrDefault() { return fall != null ? fall.value() : 1; }
    }

    public static final class TrackProcess {
        public String name;
        public SourcePos pos;
        public Val<String> process;
        public Val<Integer> weight;
        public boolean weightReverse;
        public Val<Integer> quorum;
        public Val<Double> delay;
    }

    public static final class Vip {
        public String address;
        /** Without the prefix length. */
        public String ip;
        public Integer prefix;
        public String dev;
        public String label;
        public SourcePos pos;
    }

    /** A reference to a tracked script/process/interface, with an optional per-instance weight. */
    public record TrackRef(String name, Integer weight, boolean reverse, SourcePos pos) { }

    public static final class VrrpInstance {
        public String name;
        public SourcePos pos;
        public Val<String> state;
        public Val<String> iface;
        public Val<Integer> vrid;
        public Val<Integer> priority;
        public Val<Double> advertInt;
        public Val<Boolean> nopreempt;
        public Val<Double> preemptDelay;
        public Val<Integer> version;
        public Val<String> authType;
        public Val<String> authPass;
        public SourcePos authPos;
        public final List<Vip> vips = new ArrayList<>();
        public SourcePos vipsPos;
        public Val<String> unicastSrcIp;
        public Val<String> mcastSrcIp;
        public final List<Val<String>> unicastPeers = new ArrayList<>();
        public final List<TrackRef> trackScripts = new ArrayList<>();
        public final List<TrackRef> trackInterfaces = new ArrayList<>();
        public final List<TrackRef> trackProcesses = new ArrayList<>();
        public final Map<String, Val<String>> notify = new LinkedHashMap<>();
        public final Map<String, Val<Double>> garp = new LinkedHashMap<>();
        public Val<Boolean> dontTrackPrimary;
        /** lower_prio_no_advert: a MASTER that hears a lower priority does not answer with an advert of its own. */
        public Val<Boolean> lowerPrioNoAdvert;
        public Val<Boolean> higherPrioSendAdvert;

        /** All addresses of the VIP list, without prefix lengths. */
        public java.util.Set<String> vipSet() {
            java.util.Set<String> s = new java.util.TreeSet<>();
            for (Vip v : vips) s.add(v.ip);
            return s;
        }

        public int priorityOrDefault() { return priority != null ? priority.value() : 100; }
        public double advertIntOrDefault() { return advertInt != null ? advertInt.value() : 1; }
        public boolean stateMaster() { return state != null && "MASTER".equalsIgnoreCase(state.value()); }
        public boolean hasNopreempt() { return nopreempt != null && nopreempt.value(); }
    }

    public static final class SyncGroup {
        public String name;
        public SourcePos pos;
        public final List<Val<String>> group = new ArrayList<>();
        /** notify, notify_master, notify_backup, notify_fault, notify_stop of the group: keyword to command. */
        public final Map<String, Val<String>> notify = new LinkedHashMap<>();

        public boolean has(String instance) { return group.stream().anyMatch(m -> m.value().equals(instance)); }
    }

    /** The sync group an instance belongs to, or null. */
    public SyncGroup groupOf(String instance) {
        for (SyncGroup g : syncGroups) if (g.has(instance)) return g;
        return null;
    }

    public VrrpInstance instance(String name) {
        for (VrrpInstance vi : instances) if (vi.name.equals(name)) return vi;
        return null;
    }

    /** The effective VRRP version of an instance: its own, else global_defs', else 2. */
    public int versionOf(VrrpInstance vi) {
        if (vi.version != null) return vi.version.value();
        if (global.vrrpVersion != null) return global.vrrpVersion.value();
        return 2;
    }
}
