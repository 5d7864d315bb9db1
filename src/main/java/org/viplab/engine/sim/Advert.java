package org.viplab.engine.sim;

import org.viplab.core.model.KeepalivedSpec;

import java.util.List;

/** A VRRP advertisement on the wire. */
record Advert(String fromHost, String fromIp, int vrid, int priority, int version, long intervalUs, String authPass, List<String> vips) {
    /** What keepalived logs about an advert it checks (after its instance tag), and whether it then drops it. */
    record Check(String log, boolean dropped) { }

    /**
     * keepalived 2.2.7's vrrp_check_packet (keepalived/vrrp/vrrp.c) for an advert with the VRID of the receiving
     * instance {@code mine}, whose VIPs are {@code myVips}, in its order: version; (v2) auth type, then password;
     * interval (v2 drops, a v3 mismatch is only logged); then the VIP count and each of our VIPs in the advert,
     * which drop it. So an advert from another cluster reusing the VRID is logged and dropped unless its auth and
     * VIP set are ours, and then it counts as any advert of that VRID (a higher priority wins the election).
     * Null when it passes silently.
     */
    Check checkAgainst(KeepalivedSpec mine, List<String> myVips) {
        if (version != mine.vrrpVersion) return new Check("wrong VRRP version " + version + " from " + fromIp, true);
        if (version == 2) {
            String ours = blankToNull(mine.authPass);
            String theirs = blankToNull(authPass);
            // auth types: 0 none, 1 simple password
            if ((ours == null) != (theirs == null)) {
                return new Check("received a " + (theirs == null ? 0 : 1) + " auth, expecting " + (ours == null ? 0 : 1) + "!", true);
            }
            if (ours != null && !ours.equals(theirs)) return new Check("received an invalid passwd!", true);
        }
        if (intervalUs != mine.advertIntUs()) {
            return new Check("advertisement interval mismatch mine=" + mine.advertIntUs() / 1000 + " ms rcv'd="
                    + intervalUs / 1000 + " ms", version == 2);
        }
        if (vips.size() != myVips.size()) {
            return new Check("received an unexpected ip number count " + vips.size() + ", expected " + myVips.size() + "!", true);
        }
        for (String v : myVips) {
            if (!vips.contains(v)) return new Check("ip address associated with VRID " + vrid + " not present in MASTER advert: " + v, true);
        }
        return null;
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }
}
