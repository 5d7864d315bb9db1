package org.viplab.core.model;

import java.util.ArrayList;
import java.util.List;

/** One node's keepalived.conf, reduced to what changes failover behaviour. One VRRP instance. */
public class KeepalivedSpec {
    public enum InitialState { MASTER, BACKUP }

    public String routerId = "LVS_DB";
    public String instance = "VI_1";
    public String iface = "eth0";
    public InitialState state = InitialState.BACKUP;
    public int priority = 100;
    public int virtualRouterId = 51;
    /** Seconds. VRRPv2 rounds it to whole seconds; v3 accepts 0.01 to 40.95. */
    public double advertIntSec = 1;
    public int vrrpVersion = 2;
    public boolean nopreempt;
    public double preemptDelaySec;
    /** Null or empty: no authentication block. */
    public String authPass = "1111";
    public List<String> vips = new ArrayList<>(List.of("10.9.8.120"));
    public boolean trackInterface = true;
    public double garpMasterDelaySec = 5;
    public int garpMasterRepeat = 5;
    public int downTimerAdverts = 3;
    public List<CheckScriptSpec> scripts = new ArrayList<>();

    /**
     * keepalived clears nopreempt for {@code state MASTER} and for priority 255
     * (vrrp.c: "nopreempt will not work with initial state MASTER").
     */
    public boolean effectiveNopreempt() {
        return nopreempt && state != InitialState.MASTER && priority != 255;
    }

    /** keepalived clears preempt_delay for {@code state MASTER}. */
    public double effectivePreemptDelaySec() {
        return state == InitialState.MASTER ? 0 : preemptDelaySec;
    }

    /** The advert interval in microseconds as keepalived uses it (v2: whole seconds). */
    public long advertIntUs() {
        if (vrrpVersion == 2) return Math.max(1, Math.round(advertIntSec)) * 1_000_000L;
        long cs = Math.max(1, Math.min(4095, Math.round(advertIntSec * 100)));
        return cs * 10_000L;
    }
}
