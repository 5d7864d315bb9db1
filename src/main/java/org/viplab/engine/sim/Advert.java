package org.viplab.engine.sim;

import org.viplab.core.model.KeepalivedSpec;

/** A VRRP advertisement on the wire. */
record Advert(String fromHost, String fromIp, int vrid, int priority, int version, long intervalUs, String authPass) {
    /** What keepalived logs about an advert it checks (after its instance tag), and whether it then drops it. */
    record Check(String log, boolean dropped) { }

    /**
     * keepalived's checks of an advert for its own VRID against the receiving instance {@code mine}: version, then
     * (v2) password and interval, which drop it; a v3 interval mismatch is only logged. Null when it passes silently.
     */
    Check checkAgainst(KeepalivedSpec mine) {
        if (version != mine.vrrpVersion) return new Check("wrong VRRP version " + version + " from " + fromIp, true);
        if (version == 2) {
            String ours = blankToNull(mine.authPass);
            String theirs = blankToNull(authPass);
            if (ours == null ? theirs != null : !ours.equals(theirs)) return new Check("received an invalid passwd!", true);
        }
        if (intervalUs != mine.advertIntUs()) {
            return new Check("advertisement interval mismatch mine=" + mine.advertIntUs() / 1000 + " ms rcv'd="
                    + intervalUs / 1000 + " ms", version == 2);
        }
        return null;
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }
}
